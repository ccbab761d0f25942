/**
 * The assignment step of K-means with Hamerly's bounds (Hamerly 2010, "Making k-means even faster"): each row
 * keeps an upper bound on the distance to its own centroid and a lower bound on the distance to any other;
 * when the upper bound is below max(lower bound, half the distance from its centroid to the nearest other
 * centroid) the row cannot change cluster and its k distances are skipped. Exact: same labels as plain Lloyd
 * (up to exact ties). Distances here are Euclidean, not squared.
 * Given a ClusterSums, each row is also added to its (new) cluster's sum as it is labelled, so that the next
 * update step needs no pass of its own (move-centroids.ts).
 */
import type { PointSet } from './kmeans-engine.ts';
import type { ClusterSums } from './move-centroids.ts';

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
  into?: ClusterSums,
): HamerlyBounds {
  const bounds = { upper: new Float64Array(pointSet.rowCount), lower: new Float64Array(pointSet.rowCount) };
  for (let row = 0; row < pointSet.rowCount; row++) {
    scanAllCentroids(pointSet, row, centroids, k, assignments, bounds);
    if (into !== undefined)
      addPoint(
        pointSet.points,
        row * pointSet.dimension,
        assignments[row] as number,
        pointSet.dimension,
        into,
      );
  }
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
  into?: ClusterSums,
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
  for (let row = 0, base = 0; row < rowCount; row++, base += dimension) {
    const own = assignments[row] as number;
    const rowUpper = (upper[row] as number) + (shifts[own] as number);
    const rowLower = (lower[row] as number) - (own === largestShiftCluster ? secondShift : largestShift);
    const threshold = Math.max(rowLower, halfGap[own] as number);
    let label = own;
    if (rowUpper <= threshold) {
      upper[row] = rowUpper;
      lower[row] = rowLower;
    } else {
      // Tighten the upper bound to the exact distance before paying for all k distances.
      const ownSquared = squaredDistance(points, base, centroids, own * dimension, dimension);
      const ownDistance = Math.sqrt(ownSquared);
      if (ownDistance <= threshold) {
        upper[row] = ownDistance;
        lower[row] = rowLower;
      } else {
        // Every distance, lowest index first on ties (the own one computed again gives the same bits).
        let nearestSquared = Number.POSITIVE_INFINITY;
        let secondSquared = Number.POSITIVE_INFINITY;
        for (let cluster = 0; cluster < k; cluster++) {
          const squared =
            cluster === own
              ? ownSquared
              : squaredDistance(points, base, centroids, cluster * dimension, dimension);
          if (squared < nearestSquared) {
            secondSquared = nearestSquared;
            nearestSquared = squared;
            label = cluster;
          } else if (squared < secondSquared) secondSquared = squared;
        }
        assignments[row] = label;
        upper[row] = Math.sqrt(nearestSquared);
        lower[row] = Math.sqrt(secondSquared);
        if (label !== own) changedCount++;
      }
    }
    if (into !== undefined) addPoint(points, base, label, dimension, into);
  }
  return changedCount;
}

/**
 * Adds the point at `base` to the sum and count of `cluster`. Three features (R, F, M) are spelled out: the
 * same additions in the same order, without a loop V8 cannot unroll (the hottest line of a 2M-customer run).
 */
function addPoint(
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

/** Squared Euclidean distance between the point at `base` and the centroid at `centroidBase`. */
function squaredDistance(
  points: Float64Array,
  base: number,
  centroids: Float64Array,
  centroidBase: number,
  dimension: number,
): number {
  if (dimension === 3) {
    // ((0 + a²) + b²) + c², as the loop adds them.
    const first = (points[base] as number) - (centroids[centroidBase] as number);
    const second = (points[base + 1] as number) - (centroids[centroidBase + 1] as number);
    const third = (points[base + 2] as number) - (centroids[centroidBase + 2] as number);
    return first * first + second * second + third * third;
  }
  let squared = 0;
  for (let feature = 0; feature < dimension; feature++) {
    const difference = (points[base + feature] as number) - (centroids[centroidBase + feature] as number);
    squared += difference * difference;
  }
  return squared;
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
    const squared = squaredDistance(points, base, centroids, centroidBase, dimension);
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
