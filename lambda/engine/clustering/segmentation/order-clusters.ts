/**
 * The stable order of clusters in a result, so that index 0 means the same thing whatever labels the seed
 * happened to give: by a value score when there is one (rfm: most valuable first), else largest first; then
 * by size, then by standardised centroid, lexicographically.
 */

/** What the ordering looks at for one cluster. */
export interface ClusterCentre {
  /** Standardised centroid, one value per feature. */
  centroid: readonly number[];
  size: number;
}

/** Returns the current cluster indices in their stable order (higher valueScore first when given). */
export function orderClusters(
  centres: readonly ClusterCentre[],
  valueScore?: (centroid: readonly number[]) => number,
): number[] {
  const scores = centres.map((centre) => (valueScore === undefined ? 0 : valueScore(centre.centroid)));
  return centres
    .map((_, index) => index)
    .sort((left, right) => {
      const byScore = (scores[right] as number) - (scores[left] as number);
      if (byScore !== 0) return byScore;
      const leftCentre = centres[left] as ClusterCentre;
      const rightCentre = centres[right] as ClusterCentre;
      const bySize = rightCentre.size - leftCentre.size;
      if (bySize !== 0) return bySize;
      return compareLexicographically(leftCentre.centroid, rightCentre.centroid);
    });
}

function compareLexicographically(left: readonly number[], right: readonly number[]): number {
  for (let position = 0; position < left.length; position++) {
    const difference = (left[position] as number) - (right[position] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Assignments and centroids renumbered so that old cluster order[i] becomes cluster i. */
export function relabelClusters(
  assignments: Int32Array,
  centroids: Float64Array,
  dimension: number,
  order: readonly number[],
): { assignments: Int32Array; centroids: Float64Array } {
  const newIndexOf = new Int32Array(order.length);
  const reordered = new Float64Array(centroids.length);
  order.forEach((oldIndex, newIndex) => {
    newIndexOf[oldIndex] = newIndex;
    reordered.set(centroids.subarray(oldIndex * dimension, (oldIndex + 1) * dimension), newIndex * dimension);
  });
  const relabelled = assignments.map((oldIndex) => newIndexOf[oldIndex] as number);
  return { assignments: relabelled, centroids: reordered };
}
