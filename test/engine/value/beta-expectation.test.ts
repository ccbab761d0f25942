import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { describe, expect, it } from 'vitest';
import { expectationOverBeta } from '../../../lambda/engine/value/beta-expectation.ts';
import { conditionalExpectedPurchases } from '../../../lambda/engine/value/bg-nbd-predictions.ts';

describe('expectationOverBeta', () => {
  it('gives the moments of Beta(a, b): E[p] = a / (a + b), E[1 / p] = (a + b - 1) / (a - 1), E[1] = 1', () => {
    for (const [a, b] of [
      [2, 5],
      [8, 30],
      [750, 2_200],
      [7.5e5, 2.2e6],
    ] as const) {
      expect(expectationOverBeta(() => 1, a, b)).toBeCloseTo(1, 12);
      expect(expectationOverBeta((p) => p, a, b) / (a / (a + b))).toBeCloseTo(1, 10);
      expect(expectationOverBeta((p) => 1 / p, a, b) / ((a + b - 1) / (a - 1))).toBeCloseTo(
        1,
        a > 5 ? 10 : 3,
      );
    }
  });

  it("matches the closed form's 2F1 for BG/NBD where both work (a = 10, b = 30)", () => {
    const parameters = { r: 0.25, alpha: 5, a: 10, b: 30 };
    const history = { x: 3, tx: 20, T: 39 };
    const [shape, rate, bPosterior, t] = [3.25, 44, 33, 52];
    const c = parameters.a + bPosterior - 1;
    const closedIfAlive =
      (c / (parameters.a - 1)) *
      (1 -
        Math.pow(rate / (rate + t), parameters.a - 1) *
          hyp2f1(c - shape, parameters.a - 1, c, t / (rate + t)));
    const pAlive = 1 / (1 + (10 / 32) * Math.pow(44 / 25, 3.25));
    expect(conditionalExpectedPurchases(parameters, history, t) / (closedIfAlive * pAlive)).toBeCloseTo(
      1,
      10,
    );
  });
});
