import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankAuc } from '../../../lambda/engine/value/auc.ts';

/** The definition: over every (positive, negative) pair, 1 when the positive scores higher, 1/2 on a tie. */
function pairwiseAuc(scores: readonly number[], labels: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((positive, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((negative, j) => {
      if (labels[j] === 1) return;
      pairs++;
      wins += positive > negative ? 1 : positive === negative ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('rankAuc', () => {
  it('is 1 when every positive scores above every negative, 0 when below', () => {
    expect(rankAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rankAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
  });

  it('is 1/2 when every score ties', () => {
    expect(rankAuc([0.3, 0.3, 0.3, 0.3, 0.3], [1, 0, 0, 1, 0])).toBe(0.5);
  });

  it("gives scikit-learn's roc_auc_score example, 0.75", () => {
    expect(rankAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts a tie between a positive and a negative as half: 3 pairs, 1 + 1/2 + 1 won', () => {
    // Positives 0.5 and 0.9 against negatives 0.5 and 0.2: (0.5, 0.5) ties, the other three pairs are won.
    expect(rankAuc([0.5, 0.9, 0.5, 0.2], [1, 1, 0, 0])).toBe(3.5 / 4);
  });

  it('does not depend on the order of the entries', () => {
    expect(rankAuc([0.8, 0.35, 0.4, 0.1], [1, 1, 0, 0])).toBe(0.75);
  });

  it('is NaN when a class is empty, and refuses NaN scores or mismatched lengths', () => {
    expect(rankAuc([0.2, 0.4], [1, 1])).toBeNaN();
    expect(rankAuc([], [])).toBeNaN();
    expect(() => rankAuc([0.2, Number.NaN], [1, 0])).toThrow(/NaN/);
    expect(() => rankAuc([0.2], [1, 0])).toThrow(/length/);
  });

  it('equals the pairwise definition on any small sample with both classes (property)', () => {
    const sample = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 2, maxLength: 40 })
      .filter((rows) => rows.some(([, label]) => label) && rows.some(([, label]) => !label));
    fc.assert(
      fc.property(sample, (rows) => {
        const scores = rows.map(([score]) => score / 6);
        const labels = rows.map(([, label]) => (label ? 1 : 0));
        expect(rankAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
      }),
    );
  });
});
