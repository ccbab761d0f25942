import { describe, expect, it } from 'vitest';
import { assignToNearest } from '../../bench/bench-helpers/assign-to-nearest.ts';
import { TWO_BLOBS } from '../engine/clustering/fixtures.ts';

describe('assignToNearest', () => {
  it('labels each row with its nearest centroid and sums the squared distances', () => {
    const centroids = Float64Array.from([0, 0, 10, 10]);
    const assignments = new Int32Array(6).fill(-1);
    const distances = new Float64Array(6);
    const pass = assignToNearest(TWO_BLOBS, centroids, 2, assignments, distances);
    expect(Array.from(assignments)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(distances)).toEqual([0, 1, 1, 0, 1, 1]);
    expect(pass).toEqual({ changedCount: 6, inertia: 4 });
    expect(assignToNearest(TWO_BLOBS, centroids, 2, assignments, distances).changedCount).toBe(0);
  });

  it('breaks ties towards the lower centroid index', () => {
    const assignments = new Int32Array(1);
    const pointSet = { points: Float64Array.from([5]), rowCount: 1, dimension: 1 };
    assignToNearest(pointSet, Float64Array.from([6, 4]), 2, assignments, new Float64Array(1));
    expect(assignments[0]).toBe(0);
  });
});
