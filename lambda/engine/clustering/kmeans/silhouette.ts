/**
 * Mean silhouette (Rousseeuw 1987) on a sample of rows: for each sampled row, a = mean distance to the other
 * sampled rows of its cluster, b = lowest mean distance to the sampled rows of another cluster, and
 * s = (b - a) / max(a, b); a row alone in its cluster scores 0 (scikit-learn's convention). Euclidean
 * distances; O(sample^2), hence the sample.
 */
import type { PointSet } from './kmeans-engine.ts';
import { squaredDistance } from './squared-distance.ts';

/** Mean silhouette of the sampled rows, distances taken among sampled rows only; 0 when one cluster is seen. */
export function meanSilhouette(
  pointSet: PointSet,
  assignments: Int32Array,
  k: number,
  sample: Int32Array,
): number {
  return meanSilhouettes(pointSet, [{ assignments, k }], sample)[0] as number;
}

/** A clustering of the same points: each row's cluster, and how many clusters. */
export interface Clustering {
  assignments: Int32Array;
  k: number;
}

/**
 * The mean silhouette of each clustering of the same points on the same sample, each distance computed once for
 * all of them (choosing K compares seven): every clustering's sums are added in the same order as alone, so each
 * result is the one meanSilhouette gives it.
 */
export function meanSilhouettes(
  pointSet: PointSet,
  clusterings: readonly Clustering[],
  sample: Int32Array,
): number[] {
  const { points, dimension } = pointSet;
  const sampleSize = sample.length;
  // sums[c][i * k + cluster]: sum of distances from sampled row i to the sampled rows of cluster, clustering c.
  const sums = clusterings.map(({ k }) => new Float64Array(sampleSize * k));
  const labels = clusterings.map(({ assignments }) =>
    Int32Array.from(sample, (row) => assignments[row] as number),
  );
  const count = clusterings.length;
  for (let first = 0; first < sampleSize; first++) {
    const firstBase = (sample[first] as number) * dimension;
    for (let second = first + 1; second < sampleSize; second++) {
      const secondBase = (sample[second] as number) * dimension;
      const distance = Math.sqrt(squaredDistance(points, firstBase, points, secondBase, dimension));
      for (let index = 0; index < count; index++) {
        const k = (clusterings[index] as Clustering).k;
        const label = labels[index] as Int32Array;
        const sum = sums[index] as Float64Array;
        const toSecond = first * k + (label[second] as number);
        const toFirst = second * k + (label[first] as number);
        sum[toSecond] = (sum[toSecond] as number) + distance;
        sum[toFirst] = (sum[toFirst] as number) + distance;
      }
    }
  }
  return clusterings.map(({ k }, index) =>
    silhouetteOf(labels[index] as Int32Array, k, sums[index] as Float64Array),
  );
}

/** The mean of s = (b - a) / max(a, b) over the sampled rows, from their distance sums per cluster. */
function silhouetteOf(labels: Int32Array, k: number, distanceSums: Float64Array): number {
  const sampleSize = labels.length;
  const clusterCounts = new Float64Array(k);
  for (const cluster of labels) clusterCounts[cluster] = (clusterCounts[cluster] as number) + 1;
  if (clusterCounts.filter((count) => count > 0).length < 2) return 0;
  let total = 0;
  for (let position = 0; position < sampleSize; position++) {
    const ownCluster = labels[position] as number;
    const ownCount = clusterCounts[ownCluster] as number;
    if (ownCount <= 1) continue;
    const cohesion = (distanceSums[position * k + ownCluster] as number) / (ownCount - 1);
    let separation = Number.POSITIVE_INFINITY;
    for (let cluster = 0; cluster < k; cluster++) {
      const count = clusterCounts[cluster] as number;
      if (cluster === ownCluster || count === 0) continue;
      separation = Math.min(separation, (distanceSums[position * k + cluster] as number) / count);
    }
    const larger = Math.max(cohesion, separation);
    total += larger > 0 ? (separation - cohesion) / larger : 0;
  }
  return total / sampleSize;
}
