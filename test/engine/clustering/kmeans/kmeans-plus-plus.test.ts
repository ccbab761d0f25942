import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedCentroidsKMeansPlusPlus } from '../../../../lambda/engine/clustering/kmeans/kmeans-plus-plus.ts';
import { createRandomSource } from '../../../../lambda/engine/clustering/kmeans/seeded-random.ts';
import { TWO_BLOBS } from '../fixtures.ts';

/** The centroids as rows of numbers. */
function rowsOf(centroids: Float64Array, dimension: number): number[][] {
  return Array.from({ length: centroids.length / dimension }, (_, row) =>
    Array.from(centroids.subarray(row * dimension, (row + 1) * dimension)),
  );
}

describe('seedCentroidsKMeansPlusPlus', () => {
  it('puts one seed in each of two far-apart blobs, whatever the seed', () => {
    for (let seed = 0; seed < 20; seed++) {
      const [first, second] = rowsOf(seedCentroidsKMeansPlusPlus(TWO_BLOBS, 2, createRandomSource(seed)), 2);
      expect((first?.[0] ?? 0) < 5 !== (second?.[0] ?? 0) < 5).toBe(true);
    }
  });

  it('picks distinct data rows when there are at least k distinct rows', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer(),
        (values, requestedK, seed) => {
          const k = Math.min(requestedK, values.length);
          const pointSet = { points: Float64Array.from(values), rowCount: values.length, dimension: 1 };
          const chosen = Array.from(seedCentroidsKMeansPlusPlus(pointSet, k, createRandomSource(seed)));
          expect(new Set(chosen).size).toBe(k);
          expect(chosen.every((value) => values.includes(value))).toBe(true);
        },
      ),
    );
  });

  it('does not fail when every row is identical', () => {
    const pointSet = { points: new Float64Array(10).fill(3), rowCount: 10, dimension: 1 };
    expect(Array.from(seedCentroidsKMeansPlusPlus(pointSet, 3, createRandomSource(1)))).toEqual([3, 3, 3]);
  });
});
