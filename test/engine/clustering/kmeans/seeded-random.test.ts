import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRandomSource,
  deriveSeed,
  sampleRowIndices,
} from '../../../../lambda/engine/clustering/kmeans/seeded-random.ts';

describe('createRandomSource', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandomSource(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandomSource(seed);
        for (let draw = 0; draw < 50; draw++) {
          const value = random();
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        }
      }),
    );
  });
});

describe('deriveSeed', () => {
  it('gives different seeds for different restarts and the same seed for the same labels', () => {
    const seeds = new Set(Array.from({ length: 100 }, (_, restart) => deriveSeed(42, 5, restart)));
    expect(seeds.size).toBe(100);
    expect(deriveSeed(42, 5, 3)).toBe(deriveSeed(42, 5, 3));
    expect(deriveSeed(42, 5, 3)).not.toBe(deriveSeed(43, 5, 3));
  });
});

describe('sampleRowIndices', () => {
  it('returns every row when the sample is at least as large as the table', () => {
    expect(Array.from(sampleRowIndices(4, 10, createRandomSource(1)))).toEqual([0, 1, 2, 3]);
  });

  it('returns distinct sorted rows in range, reproducibly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer(),
        (rows, size, seed) => {
          const sample = Array.from(sampleRowIndices(rows, size, createRandomSource(seed)));
          expect(sample).toHaveLength(Math.min(rows, size));
          expect(new Set(sample).size).toBe(sample.length);
          expect(
            sample.every(
              (row, position) =>
                row >= 0 && row < rows && (position === 0 || row > (sample[position - 1] as number)),
            ),
          ).toBe(true);
          expect(Array.from(sampleRowIndices(rows, size, createRandomSource(seed)))).toEqual(sample);
        },
      ),
    );
  });
});
