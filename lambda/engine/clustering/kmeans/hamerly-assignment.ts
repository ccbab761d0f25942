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
import { addPointToSums, type ClusterSums } from './move-centroids.ts';
import { squaredDistance } from './squared-distance.ts';

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
  const { points, rowCount, dimension } = pointSet;
  const upper = new Float64Array(rowCount);
  const lower = new Float64Array(rowCount);
  const nearestTwo = new Float64Array(2);
  for (let row = 0, base = 0; row < rowCount; row++, base += dimension) {
    // Cluster 0 is where the scan starts: its distance computed first is the one the scan would compute.
    const known = squaredDistance(points, base, centroids, 0, dimension);
    const label = scanAllCentroids(points, base, centroids, k, dimension, 0, known, nearestTwo);
    assignments[row] = label;
    upper[row] = Math.sqrt(nearestTwo[0] as number);
    lower[row] = Math.sqrt(nearestTwo[1] as number);
    if (into !== undefined) addPointToSums(points, base, label, dimension, into);
  }
  return { upper, lower };
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
  const nearestTwo = new Float64Array(2);
  const { largest, largestCluster, second } = largestTwoShifts(shifts, k);
  const halfGap = halfDistanceToNearestOtherCentroid(centroids, k, dimension);
  let changedCount = 0;
  for (let row = 0, base = 0; row < rowCount; row++, base += dimension) {
    const own = assignments[row] as number;
    const rowUpper = (upper[row] as number) + (shifts[own] as number);
    const rowLower = (lower[row] as number) - (own === largestCluster ? second : largest);
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
        label = scanAllCentroids(points, base, centroids, k, dimension, own, ownSquared, nearestTwo);
        assignments[row] = label;
        upper[row] = Math.sqrt(nearestTwo[0] as number);
        lower[row] = Math.sqrt(nearestTwo[1] as number);
        if (label !== own) changedCount++;
      }
    }
    if (into !== undefined) addPointToSums(points, base, label, dimension, into);
  }
  return changedCount;
}

/**
 * The nearest centroid of the point at `base` (lowest index first on ties); its squared distance and the
 * second-nearest one's are written into `nearestTwo`. The squared distance to `knownCluster` is already computed:
 * it is reused (computed again it gives the same bits), and that cluster is the answer until a nearer one is seen.
 */
function scanAllCentroids(
  points: Float64Array,
  base: number,
  centroids: Float64Array,
  k: number,
  dimension: number,
  knownCluster: number,
  knownSquared: number,
  nearestTwo: Float64Array,
): number {
  let nearest = knownCluster;
  let nearestSquared = Number.POSITIVE_INFINITY;
  let secondSquared = Number.POSITIVE_INFINITY;
  for (let cluster = 0, centroidBase = 0; cluster < k; cluster++, centroidBase += dimension) {
    const squared =
      cluster === knownCluster
        ? knownSquared
        : squaredDistance(points, base, centroids, centroidBase, dimension);
    if (squared < nearestSquared) {
      secondSquared = nearestSquared;
      nearestSquared = squared;
      nearest = cluster;
    } else if (squared < secondSquared) secondSquared = squared;
  }
  nearestTwo[0] = nearestSquared;
  nearestTwo[1] = secondSquared;
  return nearest;
}

/** The largest centroid shift, its cluster, and the second largest (what every other cluster's lower bound loses). */
function largestTwoShifts(
  shifts: Float64Array,
  k: number,
): { largest: number; largestCluster: number; second: number } {
  let largest = 0;
  let largestCluster = -1;
  let second = 0;
  for (let cluster = 0; cluster < k; cluster++) {
    const shift = shifts[cluster] as number;
    if (shift > largest) {
      second = largest;
      largest = shift;
      largestCluster = cluster;
    } else if (shift > second) second = shift;
  }
  return { largest, largestCluster, second };
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
      const squared = squaredDistance(centroids, first * dimension, centroids, second * dimension, dimension);
      const halfDistance = Math.sqrt(squared) / 2;
      if (halfDistance < (half[first] as number)) half[first] = halfDistance;
      if (halfDistance < (half[second] as number)) half[second] = halfDistance;
    }
  }
  return half;
}
