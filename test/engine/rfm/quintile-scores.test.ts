import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreByQuintile } from '../../../lambda/engine/rfm/quintile-scores.ts';

const scores = (values: number[], lowerIsBetter = false) =>
  Array.from(scoreByQuintile(values, lowerIsBetter));

describe('scoreByQuintile', () => {
  it('gives ten distinct values two per score: score = 1 + floor(5 x (rank + 0.5) / 10)', () => {
    // ranks 0..9 -> positions 0.05, 0.15, ..., 0.95 -> 5 x position 0.25, 0.75, 1.25, ..., 4.75
    expect(scores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('scores by rank, not by value, and whatever the order of the input', () => {
    expect(scores([1000, 1, 3, 2, 999_999])).toEqual([4, 1, 3, 2, 5]);
  });

  it('reverses the scale when lower is better (recency): 5 is the smallest', () => {
    expect(scores([1, 3, 10, 20, 90, 100, 150, 200, 300, 400], true)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives tied values one score, that of the middle of the tie group', () => {
    // 1 x4 at ranks 0..3: position (0 + 4/2) / 10 = 0.2 -> 1 + floor(1.0) = 2
    // 2 x2 at ranks 4..5: (4 + 1) / 10 = 0.5 -> 1 + floor(2.5) = 3
    // 3 x2 at ranks 6..7: (6 + 1) / 10 = 0.7 -> 1 + floor(3.5) = 4
    // 4 at rank 8: 0.85 -> 1 + floor(4.25) = 5; 5 at rank 9: 0.95 -> 5
    expect(scores([5, 4, 3, 1, 2, 1, 2, 1, 1, 3])).toEqual([5, 5, 4, 2, 3, 2, 3, 2, 2, 4]);
  });

  it('lets a tie group bigger than a fifth take one score and leaves the neighbouring scores empty', () => {
    // six 1s: (0 + 3) / 10 = 0.3 -> 2, so nobody scores 1; then 2 -> 0.65 -> 4, 3 -> 0.75 -> 4, 4 -> 5, 5 -> 5:
    // nobody scores 3 either.
    expect(scores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5])).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    // Reversed, the six 1s are counted from the top: (10 - 6 + 3) / 10 = 0.7 -> 4.
    expect(scores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5], true)).toEqual([4, 4, 4, 4, 4, 4, 2, 2, 1, 1]);
  });

  it('keeps a third of customers at one order together at score 1 (the Online Retail case)', () => {
    // 35 of 100 at frequency 1: position (0 + 17.5) / 100 = 0.175 -> 1 + floor(0.875) = 1.
    const frequencies = [
      ...Array.from({ length: 35 }, () => 1),
      ...Array.from({ length: 65 }, (_, i) => 2 + i),
    ];
    const result = scores(frequencies);
    expect(new Set(result.slice(0, 35))).toEqual(new Set([1]));
    expect(result.slice(35).every((score) => score >= 2)).toBe(true);
  });

  it('scores everyone 3 when all values are equal, and a lone customer 3', () => {
    expect(scores([7, 7, 7, 7])).toEqual([3, 3, 3, 3]);
    expect(scores([7, 7, 7, 7], true)).toEqual([3, 3, 3, 3]);
    expect(scores([42])).toEqual([3]);
  });

  it('returns no score for no value', () => {
    expect(scores([])).toEqual([]);
  });
});

describe('scoreByQuintile, properties', () => {
  const values = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 });

  it('always scores 1..5, the same score for equal values, a higher or equal score for a higher value', () => {
    fc.assert(
      fc.property(values, fc.boolean(), (input, lowerIsBetter) => {
        const result = scores(input, lowerIsBetter);
        input.forEach((value, i) => {
          const score = result[i] as number;
          expect(score).toBeGreaterThanOrEqual(1);
          expect(score).toBeLessThanOrEqual(5);
          input.forEach((other, j) => {
            const better = lowerIsBetter ? value < other : value > other;
            if (value === other) expect(result[j]).toBe(score);
            if (better) expect(score).toBeGreaterThanOrEqual(result[j] as number);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(values, (input) => {
        const byValue = (list: number[]) => {
          const result = scores(list);
          return new Map(list.map((value, i) => [value, result[i]]));
        };
        expect(byValue([...input].reverse())).toEqual(byValue(input));
        expect(byValue([...input].sort((a, b) => a - b))).toEqual(byValue(input));
      }),
      { numRuns: 200 },
    );
  });

  it('scores lower-is-better values as the higher-is-better scores of their negatives', () => {
    fc.assert(
      fc.property(values, (input) => {
        expect(scores(input, true)).toEqual(scores(input.map((value) => -value)));
      }),
      { numRuns: 200 },
    );
  });

  it('fills each score with about a fifth of distinct values', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 5, maxLength: 300 }), (input) => {
        const result = scores(input);
        for (let score = 1; score <= 5; score++) {
          const count = result.filter((value) => value === score).length;
          expect(Math.abs(count - input.length / 5)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** The definition, written the slow way: sort, walk the tie groups, score each group's mid-rank. */
function scoresBySorting(values: readonly number[], lowerIsBetter: boolean): number[] {
  const order = values.map((_, index) => index).sort((a, b) => (values[a] as number) - (values[b] as number));
  const result = Array.from(values, () => 0);
  const count = values.length;
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (end < count && values[order[end] as number] === values[order[start] as number]) end++;
    const mid = start + (end - start) / 2;
    const position = lowerIsBetter ? (count - mid) / count : mid / count;
    for (let at = start; at < end; at++)
      result[order[at] as number] = Math.min(5, 1 + Math.floor(5 * position));
    start = end;
  }
  return result;
}

describe('scoreByQuintile, sorted or by buckets, against sorting the whole column', () => {
  // Values that share a bucket (the top 16 bits of the double: about 16 buckets per power of two) and values
  // far apart, many ties, negatives and both zeros: every bucket either scored whole or crossed by a boundary.
  const value = fc.oneof(
    fc.integer({ min: 0, max: 5 }),
    fc.integer({ min: -3, max: 3 }).map((n) => n * 0.0001),
    fc.double({ min: 1000, max: 1100, noNaN: true }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.constantFrom(-0, 0, 0.1 + 0.2, 0.3),
  );

  it('gives every value the score of its tie group by sorting', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 3000 }),
        fc.boolean(),
        (input, lowerIsBetter) => {
          expect(scores(input, lowerIsBetter)).toEqual(scoresBySorting(input, lowerIsBetter));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does the same above 65,536 values, where buckets replace the sort (the input tiled to 70,000)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 500 }), fc.boolean(), (input, lowerIsBetter) => {
        const tiled = Array.from({ length: 70_000 }, (_, index) => input[index % input.length] as number);
        expect(scores(tiled, lowerIsBetter)).toEqual(scoresBySorting(tiled, lowerIsBetter));
      }),
      { numRuns: 40 },
    );
  });

  it('scores a large column in many buckets, most of them whole, as sorting does', () => {
    // 200,000 monetary-like values, rounded to 1e-4, spread over a few powers of two, with heavy ties at 1.
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const input = Array.from({ length: 200_000 }, (_, index) =>
      index % 3 === 0 ? 1 : Math.round(Math.exp(random() * 8) * 10_000) / 10_000,
    );
    for (const lowerIsBetter of [false, true]) {
      expect(scores(input, lowerIsBetter)).toEqual(scoresBySorting(input, lowerIsBetter));
    }
  });
});
