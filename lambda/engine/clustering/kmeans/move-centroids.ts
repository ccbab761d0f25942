/**
 * The update step of Lloyd's K-means: each centroid moves to the mean of its rows; a cluster left empty takes
 * the row farthest from its own centroid (as scikit-learn does), so K clusters stay K clusters.
 * The sums can be gathered during the assignment pass (hamerly-assignment.ts takes a ClusterSums): one pass
 * over the rows per iteration instead of two, with the same additions in the same (row) order.
 */
import type { PointSet } from './kmeans-engine.ts';
import { squaredDistance } from './squared-distance.ts';

/** Per cluster, the sum of its rows (row-major k * dimension) and their number, added in row order. */
export interface ClusterSums {
  sums: Float64Array;
  counts: Float64Array;
}

/** Zeroed sums for k clusters. */
export function emptyClusterSums(k: number, dimension: number): ClusterSums {
  return { sums: new Float64Array(k * dimension), counts: new Float64Array(k) };
}

/**
 * Adds the point at `base` to the sum and count of `cluster`. Three features (R, F, M) are spelled out: the
 * same additions in the same order, without a loop V8 cannot unroll (the hottest line of a 2M-customer run).
 */
export function addPointToSums(
  points: Float64Array,
  base: number,
  cluster: number,
  dimension: number,
  into: ClusterSums,
): void {
  const { sums, counts } = into;
  counts[cluster] = (counts[cluster] as number) + 1;
  const sumBase = cluster * dimension;
  if (dimension === 3) {
    sums[sumBase] = (sums[sumBase] as number) + (points[base] as number);
    sums[sumBase + 1] = (sums[sumBase + 1] as number) + (points[base + 1] as number);
    sums[sumBase + 2] = (sums[sumBase + 2] as number) + (points[base + 2] as number);
    return;
  }
  for (let feature = 0; feature < dimension; feature++) {
    sums[sumBase + feature] = (sums[sumBase + feature] as number) + (points[base + feature] as number);
  }
}

/** The sums of the rows of each cluster, one pass over the rows. */
export function sumClusters(pointSet: PointSet, k: number, assignments: Int32Array): ClusterSums {
  const { points, rowCount, dimension } = pointSet;
  const clusterSums = emptyClusterSums(k, dimension);
  for (let row = 0, base = 0; row < rowCount; row++, base += dimension) {
    addPointToSums(points, base, assignments[row] as number, dimension, clusterSums);
  }
  return clusterSums;
}

/**
 * Moves the centroids (in place) to the means of their rows and writes how far each moved (Euclidean) into
 * `shifts`. Rows relocated into empty clusters are relabelled and listed in the returned array.
 */
export function moveCentroidsToMeans(
  pointSet: PointSet,
  k: number,
  assignments: Int32Array,
  centroids: Float64Array,
  shifts: Float64Array,
): number[] {
  return moveCentroidsToSums(
    pointSet,
    k,
    assignments,
    centroids,
    shifts,
    sumClusters(pointSet, k, assignments),
  );
}

/** moveCentroidsToMeans from sums already gathered for these assignments (relocations update them too). */
export function moveCentroidsToSums(
  pointSet: PointSet,
  k: number,
  assignments: Int32Array,
  centroids: Float64Array,
  shifts: Float64Array,
  clusterSums: ClusterSums,
): number[] {
  const { dimension } = pointSet;
  const { sums, counts } = clusterSums;
  const relocated = counts.includes(0)
    ? relocateIntoEmptyClusters(pointSet, k, assignments, centroids, sums, counts)
    : [];
  const before = Float64Array.from(centroids);
  for (let cluster = 0, base = 0; cluster < k; cluster++, base += dimension) {
    const count = counts[cluster] as number;
    // Still empty only when every row sits exactly on a centroid: nothing to move.
    if (count > 0) {
      for (let slot = base; slot < base + dimension; slot++) centroids[slot] = (sums[slot] as number) / count;
    }
    shifts[cluster] = Math.sqrt(squaredDistance(centroids, base, before, base, dimension));
  }
  return relocated;
}

/** Gives each empty cluster the farthest remaining row (largest distance first, lowest row on ties). */
function relocateIntoEmptyClusters(
  pointSet: PointSet,
  k: number,
  assignments: Int32Array,
  centroids: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
): number[] {
  const { points, rowCount, dimension } = pointSet;
  const distances = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const centroidBase = (assignments[row] as number) * dimension;
    distances[row] = squaredDistance(points, row * dimension, centroids, centroidBase, dimension);
  }
  const relocated: number[] = [];
  for (let emptyCluster = 0; emptyCluster < k; emptyCluster++) {
    if (counts[emptyCluster] !== 0) continue;
    let farthestRow = -1;
    let farthestDistance = 0;
    for (let row = 0; row < rowCount; row++) {
      const distance = distances[row] as number;
      if (distance > farthestDistance && (counts[assignments[row] as number] as number) > 1) {
        farthestDistance = distance;
        farthestRow = row;
      }
    }
    if (farthestRow < 0) break;
    const fromCluster = assignments[farthestRow] as number;
    for (let feature = 0; feature < dimension; feature++) {
      const value = points[farthestRow * dimension + feature] as number;
      sums[fromCluster * dimension + feature] = (sums[fromCluster * dimension + feature] as number) - value;
      sums[emptyCluster * dimension + feature] = value;
    }
    counts[fromCluster] = (counts[fromCluster] as number) - 1;
    counts[emptyCluster] = 1;
    assignments[farthestRow] = emptyCluster;
    distances[farthestRow] = 0;
    relocated.push(farthestRow);
  }
  return relocated;
}
