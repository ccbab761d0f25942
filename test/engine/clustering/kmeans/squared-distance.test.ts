import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squaredDistance } from '../../../../lambda/engine/clustering/kmeans/squared-distance.ts';

/** The plain loop every caller used to write: term by term onto a running total. */
function loopSquaredDistance(left: number[], right: number[], runningTotal = 0): number {
  let total = runningTotal;
  left.forEach((value, feature) => {
    const difference = value - (right[feature] as number);
    total += difference * difference;
  });
  return total;
}

describe('squaredDistance', () => {
  it('measures between rows at any offset of two arrays', () => {
    const points = Float64Array.from([9, 9, 0, 0, 3, 4]);
    expect(squaredDistance(points, 2, points, 4, 2)).toBe(25);
    expect(squaredDistance(points, 0, Float64Array.from([6, 5]), 0, 2)).toBe(25);
    expect(squaredDistance(points, 0, points, 0, 3)).toBe(0);
  });

  it('adds onto a running total', () => {
    const left = Float64Array.from([1, 2, 3]);
    const right = Float64Array.from([0, 0, 0]);
    expect(squaredDistance(left, 0, right, 0, 3, 100)).toBe(114);
    expect(squaredDistance(left, 0, right, 0, 2, 100)).toBe(105);
  });

  it('gives the bits of the plain loop, three features spelled out or not', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((dimension) =>
            fc.tuple(
              fc.array(value, { minLength: dimension, maxLength: dimension }),
              fc.array(value, { minLength: dimension, maxLength: dimension }),
            ),
          ),
        value,
        ([left, right], runningTotal) => {
          const dimension = left.length;
          const leftRow = Float64Array.from(left);
          const rightRow = Float64Array.from(right);
          expect(squaredDistance(leftRow, 0, rightRow, 0, dimension)).toBe(loopSquaredDistance(left, right));
          expect(squaredDistance(leftRow, 0, rightRow, 0, dimension, runningTotal)).toBe(
            loopSquaredDistance(left, right, runningTotal),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
