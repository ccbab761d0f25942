import { describe, expect, it } from 'vitest';
import { moveCentroidsToMeans } from '../../../../lambda/engine/clustering/kmeans/move-centroids.ts';
import { TWO_BLOBS } from '../fixtures.ts';

describe('moveCentroidsToMeans', () => {
  it('moves each centroid to the mean of its rows and reports how far it moved', () => {
    const centroids = Float64Array.from([0, 0, 10, 10]);
    const shifts = new Float64Array(2);
    const relocated = moveCentroidsToMeans(
      TWO_BLOBS,
      2,
      Int32Array.from([0, 0, 0, 1, 1, 1]),
      centroids,
      shifts,
    );
    expect(relocated).toEqual([]);
    expect(Array.from(centroids)).toEqual([1 / 3, 1 / 3, 31 / 3, 31 / 3]);
    expect(shifts[0]).toBeCloseTo(Math.SQRT2 / 3, 12);
    expect(shifts[1]).toBeCloseTo(Math.SQRT2 / 3, 12);
  });

  it('gives an empty cluster the row farthest from its centroid', () => {
    const pointSet = { points: Float64Array.from([0, 1, 9]), rowCount: 3, dimension: 1 };
    const assignments = Int32Array.from([0, 0, 0]);
    const centroids = Float64Array.from([1, 100]);
    const relocated = moveCentroidsToMeans(pointSet, 2, assignments, centroids, new Float64Array(2));
    expect(relocated).toEqual([2]);
    expect(Array.from(assignments)).toEqual([0, 0, 1]);
    expect(Array.from(centroids)).toEqual([0.5, 9]);
  });
});
