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
  const { points, dimension } = pointSet;
  const sampleSize = sample.length;
  const clusterCounts = new Float64Array(k);
  for (const row of sample) {
    const cluster = assignments[row] as number;
    clusterCounts[cluster] = (clusterCounts[cluster] as number) + 1;
  }
  if (clusterCounts.filter((count) => count > 0).length < 2) return 0;

  // distanceSums[i * k + c]: sum of distances from sampled row i to the sampled rows of cluster c.
  const distanceSums = new Float64Array(sampleSize * k);
  for (let first = 0; first < sampleSize; first++) {
    const firstBase = (sample[first] as number) * dimension;
    const firstCluster = assignments[sample[first] as number] as number;
    for (let second = first + 1; second < sampleSize; second++) {
      const secondBase = (sample[second] as number) * dimension;
      const distance = Math.sqrt(squaredDistance(points, firstBase, points, secondBase, dimension));
      const secondCluster = assignments[sample[second] as number] as number;
      distanceSums[first * k + secondCluster] =
        (distanceSums[first * k + secondCluster] as number) + distance;
      distanceSums[second * k + firstCluster] =
        (distanceSums[second * k + firstCluster] as number) + distance;
    }
  }

  let total = 0;
  for (let position = 0; position < sampleSize; position++) {
    const ownCluster = assignments[sample[position] as number] as number;
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
