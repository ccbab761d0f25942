/**
 * The assignment step of K-means with Hamerly's bounds (Hamerly 2010, "Making k-means even faster"): each row
 * keeps an upper bound on the distance to its own centroid and a lower bound on the distance to any other;
 * when the upper bound is below max(lower bound, half the distance from its centroid to the nearest other
 * centroid) the row cannot change cluster and its k distances are skipped. Exact: same labels as plain Lloyd
 * (up to exact ties). Distances here are Euclidean, not squared.
 */
import type { PointSet } from './kmeans-engine.ts';

/** Per-row bounds, valid for the current centroids. */
export interface HamerlyBounds {
  upper: Float64Array;
  lower: Float64Array;
}

/** Labels every row with its nearest centroid from scratch and returns exact bounds. */
export function assignWithFreshBounds(
  pointSet: PointSet,
  centroids: Float64Array,
  k: number,
  assignments: Int32Array,
): HamerlyBounds {
  const bounds = { upper: new Float64Array(pointSet.rowCount), lower: new Float64Array(pointSet.rowCount) };
  for (let row = 0; row < pointSet.rowCount; row++)
    scanAllCentroids(pointSet, row, centroids, k, assignments, bounds);
  return bounds;
}

/**
 * Widens the bounds by how far the centroids moved, then relabels the rows whose bounds no longer prove their
 * label. Returns the number of labels that changed.
 */
export function assignWithBounds(
  pointSet: PointSet,
  centroids: Float64Array,
  k: number,
  shifts: Float64Array,
  assignments: Int32Array,
  bounds: HamerlyBounds,
): number {
  const { points, rowCount, dimension } = pointSet;
  const { upper, lower } = bounds;
  let largestShift = 0;
  let largestShiftCluster = -1;
  let secondShift = 0;
  for (let cluster = 0; cluster < k; cluster++) {
    const shift = shifts[cluster] as number;
    if (shift > largestShift) {
      secondShift = largestShift;
      largestShift = shift;
      largestShiftCluster = cluster;
    } else if (shift > secondShift) secondShift = shift;
  }
  const halfGap = halfDistanceToNearestOtherCentroid(centroids, k, dimension);
  let changedCount = 0;
  for (let row = 0; row < rowCount; row++) {
    const own = assignments[row] as number;
    const rowUpper = (upper[row] as number) + (shifts[own] as number);
    const rowLower = (lower[row] as number) - (own === largestShiftCluster ? secondShift : largestShift);
    upper[row] = rowUpper;
    lower[row] = rowLower;
    const threshold = Math.max(rowLower, halfGap[own] as number);
    if (rowUpper <= threshold) continue;
    // Tighten the upper bound to the exact distance before paying for all k distances.
    let squared = 0;
    for (
      let feature = 0, base = row * dimension, centroidBase = own * dimension;
      feature < dimension;
      feature++
    ) {
      const difference = (points[base + feature] as number) - (centroids[centroidBase + feature] as number);
      squared += difference * difference;
    }
    upper[row] = Math.sqrt(squared);
    if ((upper[row] as number) <= threshold) continue;
    scanAllCentroids(pointSet, row, centroids, k, assignments, bounds);
    if (assignments[row] !== own) changedCount++;
  }
  return changedCount;
}

/** Exact nearest and second-nearest distances of one row; lowest centroid index wins ties. */
function scanAllCentroids(
  pointSet: PointSet,
  row: number,
  centroids: Float64Array,
  k: number,
  assignments: Int32Array,
  bounds: HamerlyBounds,
): void {
  const { points, dimension } = pointSet;
  const base = row * dimension;
  let nearest = 0;
  let nearestSquared = Number.POSITIVE_INFINITY;
  let secondSquared = Number.POSITIVE_INFINITY;
  for (let cluster = 0, centroidBase = 0; cluster < k; cluster++, centroidBase += dimension) {
    let squared = 0;
    for (let feature = 0; feature < dimension; feature++) {
      const difference = (points[base + feature] as number) - (centroids[centroidBase + feature] as number);
      squared += difference * difference;
    }
    if (squared < nearestSquared) {
      secondSquared = nearestSquared;
      nearestSquared = squared;
      nearest = cluster;
    } else if (squared < secondSquared) secondSquared = squared;
  }
  assignments[row] = nearest;
  bounds.upper[row] = Math.sqrt(nearestSquared);
  bounds.lower[row] = Math.sqrt(secondSquared);
}

/** For each centroid, half the distance to its nearest other centroid. */
function halfDistanceToNearestOtherCentroid(
  centroids: Float64Array,
  k: number,
  dimension: number,
): Float64Array {
  const half = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  for (let first = 0; first < k; first++) {
    for (let second = first + 1; second < k; second++) {
      let squared = 0;
      for (let feature = 0; feature < dimension; feature++) {
        const difference =
          (centroids[first * dimension + feature] as number) -
          (centroids[second * dimension + feature] as number);
        squared += difference * difference;
      }
      const halfDistance = Math.sqrt(squared) / 2;
      if (halfDistance < (half[first] as number)) half[first] = halfDistance;
      if (halfDistance < (half[second] as number)) half[second] = halfDistance;
    }
  }
  return half;
}
