/**
 * The checks every KMeansEngine must pass (our Lloyd and the ml-kmeans adapter share the interface).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { KMeansEngine } from '../../../../lambda/engine/clustering/kmeans/kmeans-engine.ts';
import { countPerCluster, TWO_BLOBS } from '../fixtures.ts';

/** Declares the engine contract tests inside the caller's describe block. */
export function checkEngineContract(engine: KMeansEngine): void {
  it('finds the two obvious blobs with their centroids and inertia', () => {
    const fit = engine.fit(TWO_BLOBS, { k: 2, seed: 3, maxIterations: 100 });
    const labels = Array.from(fit.assignments);
    expect(new Set(labels.slice(0, 3)).size).toBe(1);
    expect(new Set(labels.slice(3)).size).toBe(1);
    expect(labels[0]).not.toBe(labels[3]);
    const lowCluster = labels[0] as number;
    expect(fit.centroids[lowCluster * 2]).toBeCloseTo(1 / 3, 12);
    expect(fit.centroids[lowCluster * 2 + 1]).toBeCloseTo(1 / 3, 12);
    // Each blob: (1/9 + 1/9) + (1/9 + 4/9) + (4/9 + 1/9) = 4/3.
    expect(fit.inertia).toBeCloseTo(8 / 3, 12);
  });

  it('labels every row with its nearest returned centroid, reproducibly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 6,
          maxLength: 40,
        }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer(),
        (pairs, k, seed) => {
          const pointSet = { points: Float64Array.from(pairs.flat()), rowCount: pairs.length, dimension: 2 };
          const fit = engine.fit(pointSet, { k, seed, maxIterations: 100 });
          expect(countPerCluster(fit.assignments, k).reduce((total, size) => total + size, 0)).toBe(
            pairs.length,
          );
          pairs.forEach(([x, y], row) => {
            const distances = Array.from({ length: k }, (_, cluster) => {
              return (
                ((fit.centroids[cluster * 2] as number) - x) ** 2 +
                ((fit.centroids[cluster * 2 + 1] as number) - y) ** 2
              );
            });
            expect(distances[fit.assignments[row] as number]).toBeCloseTo(Math.min(...distances), 9);
          });
          expect(engine.fit(pointSet, { k, seed, maxIterations: 100 })).toEqual(fit);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('starts from the centroids it is given, without changing them', () => {
    const initialCentroids = Float64Array.from([0, 0.5, 10.5, 10]);
    const fit = engine.fit(TWO_BLOBS, { k: 2, seed: 3, maxIterations: 100, initialCentroids });
    expect(Array.from(initialCentroids)).toEqual([0, 0.5, 10.5, 10]);
    // Cluster 0 starts near the low blob, so it stays the low blob.
    expect(Array.from(fit.assignments)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(fit.centroids[0]).toBeCloseTo(1 / 3, 12);
    expect(fit.centroids[3]).toBeCloseTo(31 / 3, 12);
  });
}
