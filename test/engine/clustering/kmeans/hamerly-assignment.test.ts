import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignWithBounds,
  assignWithFreshBounds,
} from '../../../../lambda/engine/clustering/kmeans/hamerly-assignment.ts';
import {
  emptyClusterSums,
  moveCentroidsToMeans,
  sumClusters,
} from '../../../../lambda/engine/clustering/kmeans/move-centroids.ts';

/** Index of the nearest centroid by brute force, lowest index on ties. */
function nearest(points: number[][], centroids: Float64Array, k: number, dimension: number): number[] {
  return points.map((point) => {
    const distances = Array.from({ length: k }, (_, cluster) =>
      point.reduce(
        (total, value, feature) =>
          total + (value - (centroids[cluster * dimension + feature] as number)) ** 2,
        0,
      ),
    );
    return distances.indexOf(Math.min(...distances));
  });
}

describe('Hamerly assignment', () => {
  it('starts with exact bounds: distance to the nearest and second-nearest centroid', () => {
    const pointSet = { points: Float64Array.from([0, 4, 9]), rowCount: 3, dimension: 1 };
    const assignments = new Int32Array(3);
    const bounds = assignWithFreshBounds(pointSet, Float64Array.from([1, 10]), 2, assignments);
    expect(Array.from(assignments)).toEqual([0, 0, 1]);
    expect(Array.from(bounds.upper)).toEqual([1, 3, 1]);
    expect(Array.from(bounds.lower)).toEqual([10, 6, 8]);
  });

  it('gives the same labels as a brute-force nearest-centroid search after centroids move', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 })), {
          minLength: 8,
          maxLength: 50,
        }),
        fc.integer({ min: 2, max: 5 }),
        (pairs, k) => {
          const pointSet = { points: Float64Array.from(pairs.flat()), rowCount: pairs.length, dimension: 2 };
          // Centroids start on the first k rows, then move through several Lloyd steps.
          const centroids = Float64Array.from(pairs.slice(0, k).flat());
          const assignments = new Int32Array(pairs.length);
          const bounds = assignWithFreshBounds(pointSet, centroids, k, assignments);
          const shifts = new Float64Array(k);
          for (let step = 0; step < 4; step++) {
            for (const row of moveCentroidsToMeans(pointSet, k, assignments, centroids, shifts)) {
              bounds.upper[row] = Number.POSITIVE_INFINITY;
              bounds.lower[row] = 0;
            }
            assignWithBounds(pointSet, centroids, k, shifts, assignments, bounds);
            const expected = nearest(pairs, centroids, k, 2);
            pairs.forEach((pair, row) => {
              const own = assignments[row] as number;
              const best = expected[row] as number;
              const distanceTo = (cluster: number) =>
                (pair[0] - (centroids[cluster * 2] as number)) ** 2 +
                (pair[1] - (centroids[cluster * 2 + 1] as number)) ** 2;
              // Equal up to exact ties, where either label is nearest.
              expect(distanceTo(own)).toBeCloseTo(distanceTo(best), 9);
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gathers, while labelling, exactly the sums a pass over the final labels gives (2 and 3 features)', () => {
    const value = fc.double({ min: -50, max: 50, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((dimension) =>
          fc.tuple(
            fc.constant(dimension),
            fc.array(fc.array(value, { minLength: dimension, maxLength: dimension }), {
              minLength: 6,
              maxLength: 40,
            }),
            fc.integer({ min: 2, max: 4 }),
          ),
        ),
        ([dimension, rows, k]) => {
          const pointSet = { points: Float64Array.from(rows.flat()), rowCount: rows.length, dimension };
          const centroids = Float64Array.from(rows.slice(0, k).flat());
          const assignments = new Int32Array(rows.length);
          const fresh = emptyClusterSums(k, dimension);
          const bounds = assignWithFreshBounds(pointSet, centroids, k, assignments, fresh);
          expect(fresh).toEqual(sumClusters(pointSet, k, assignments));
          const shifts = new Float64Array(k);
          moveCentroidsToMeans(pointSet, k, assignments, centroids, shifts);
          const gathered = emptyClusterSums(k, dimension);
          assignWithBounds(pointSet, centroids, k, shifts, assignments, bounds, gathered);
          expect(gathered).toEqual(sumClusters(pointSet, k, assignments));
        },
      ),
      { numRuns: 100 },
    );
  });
});
