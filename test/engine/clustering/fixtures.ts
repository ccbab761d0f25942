/**
 * Small synthetic tables for the clustering tests: hand-checkable blobs and seeded, well-separated clouds.
 */
import { createRandomSource } from '../../../lambda/engine/clustering/kmeans/seeded-random.ts';

/** Two obvious 2-D blobs of three points: {(0,0),(0,1),(1,0)} and {(10,10),(10,11),(11,10)}. */
export const TWO_BLOBS = {
  points: Float64Array.from([0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10]),
  rowCount: 6,
  dimension: 2,
};

/**
 * Well-separated clouds: cloud c has `sizes[c]` rows around a centre 100 * (c + 1) on every feature, with
 * noise in [-1, 1]; seeded.
 */
export function separatedClouds(sizes: readonly number[], dimension: number, seed: number): Float64Array {
  const random = createRandomSource(seed);
  const rowCount = sizes.reduce((total, size) => total + size, 0);
  const values = new Float64Array(rowCount * dimension);
  let row = 0;
  sizes.forEach((size, cloud) => {
    for (let member = 0; member < size; member++, row++) {
      for (let feature = 0; feature < dimension; feature++) {
        // Cloud centres differ per feature too, so no feature is constant.
        values[row * dimension + feature] = 100 * (cloud + 1) * (feature + 1) + (random() * 2 - 1);
      }
    }
  });
  return values;
}

/** The rows of a row-major table in a new order: row i of the result is row order[i] of the input. */
export function permuteRows(values: Float64Array, dimension: number, order: readonly number[]): Float64Array {
  const permuted = new Float64Array(values.length);
  order.forEach((from, to) => {
    permuted.set(values.subarray(from * dimension, (from + 1) * dimension), to * dimension);
  });
  return permuted;
}

/** Number of rows per cluster index. */
export function countPerCluster(assignments: Int32Array, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const cluster of assignments) counts[cluster] = (counts[cluster] ?? 0) + 1;
  return counts;
}
