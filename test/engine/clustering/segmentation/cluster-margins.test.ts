import { describe, expect, it } from 'vitest';
import {
  computeMargins,
  countAmbiguous,
} from '../../../../lambda/engine/clustering/segmentation/cluster-margins.ts';

describe('computeMargins', () => {
  it('is 1 - d1/d2 per row, 1 on the centroid and 0 halfway', () => {
    const pointSet = { points: Float64Array.from([0, 2, 5, 9]), rowCount: 4, dimension: 1 };
    const margins = computeMargins(pointSet, Float64Array.from([0, 10]), 2, Int32Array.from([0, 0, 0, 1]));
    // x=0: d1=0 -> 1; x=2: 1 - 2/8; x=5: halfway -> 0; x=9: 1 - 1/9.
    expect(Array.from(margins)).toEqual([1, 1 - 2 / 8, 0, 1 - 1 / 9]);
  });

  it('is 0 when two centroids coincide (no way to tell them apart)', () => {
    const pointSet = { points: Float64Array.from([3, 3]), rowCount: 2, dimension: 1 };
    expect(
      Array.from(computeMargins(pointSet, Float64Array.from([3, 3]), 2, Int32Array.from([0, 0]))),
    ).toEqual([0, 0]);
  });
});

describe('countAmbiguous', () => {
  it('counts, per cluster, the rows under the threshold', () => {
    const counts = countAmbiguous(
      Int32Array.from([0, 0, 1, 1, 1]),
      Float64Array.from([0.05, 0.5, 0.09, 0.1, 0]),
      2,
      0.1,
    );
    expect(counts).toEqual([1, 2]);
  });
});
