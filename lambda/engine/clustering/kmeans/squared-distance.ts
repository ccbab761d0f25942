/**
 * The one squared Euclidean distance of the K-means code: between two rows of flat row-major arrays (a point and
 * a centroid, two points, or two centroids), the hot inner loop of every assignment, seeding and margin pass.
 */

/**
 * Squared Euclidean distance between the row of `left` starting at `leftBase` and the row of `right` starting at
 * `rightBase`, both `dimension` long, added term by term onto `runningTotal` (0 by default): a caller that sums
 * over rows (the inertia) gets exactly the rounding of one long sum.
 * Three features (R, F, M) are spelled out: the same additions in the same order, without a loop V8 cannot
 * unroll (the hottest line of a 2M-customer run).
 * @example squaredDistance(Float64Array.from([0, 0, 3, 4]), 0, Float64Array.from([0, 0, 3, 4]), 2, 2) // 25
 */
export function squaredDistance(
  left: Float64Array,
  leftBase: number,
  right: Float64Array,
  rightBase: number,
  dimension: number,
  runningTotal = 0,
): number {
  if (dimension === 3) {
    const first = (left[leftBase] as number) - (right[rightBase] as number);
    const second = (left[leftBase + 1] as number) - (right[rightBase + 1] as number);
    const third = (left[leftBase + 2] as number) - (right[rightBase + 2] as number);
    return runningTotal + first * first + second * second + third * third;
  }
  let total = runningTotal;
  for (let feature = 0; feature < dimension; feature++) {
    const difference = (left[leftBase + feature] as number) - (right[rightBase + feature] as number);
    total += difference * difference;
  }
  return total;
}
