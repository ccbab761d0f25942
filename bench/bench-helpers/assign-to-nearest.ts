/**
 * A plain assignment step of K-means: label every row with its nearest centroid (squared Euclidean distance,
 * lowest centroid index on ties), checking every centroid. The ml-kmeans adapter uses it to make labels match
 * the centroids it returns; our own engine uses the bounded version in hamerly-assignment.ts.
 */
import type { PointSet } from '../../lambda/engine/clustering/kmeans/kmeans-engine.ts';
import { squaredDistance } from '../../lambda/engine/clustering/kmeans/squared-distance.ts';

/** What an assignment pass changed. */
export interface AssignmentPass {
  changedCount: number;
  inertia: number;
}

/**
 * Labels each row with its nearest centroid in place, stores the squared distance to it in
 * `nearestDistances`, and returns how many labels changed and the inertia.
 */
export function assignToNearest(
  pointSet: PointSet,
  centroids: Float64Array,
  k: number,
  assignments: Int32Array,
  nearestDistances: Float64Array,
): AssignmentPass {
  const { points, rowCount, dimension } = pointSet;
  let changedCount = 0;
  let inertia = 0;
  for (let row = 0, base = 0; row < rowCount; row++, base += dimension) {
    let bestCluster = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let cluster = 0, centroidBase = 0; cluster < k; cluster++, centroidBase += dimension) {
      const distance = squaredDistance(points, base, centroids, centroidBase, dimension);
      if (distance < bestDistance) {
        bestDistance = distance;
        bestCluster = cluster;
      }
    }
    if (assignments[row] !== bestCluster) {
      assignments[row] = bestCluster;
      changedCount++;
    }
    nearestDistances[row] = bestDistance;
    inertia += bestDistance;
  }
  return { changedCount, inertia };
}
