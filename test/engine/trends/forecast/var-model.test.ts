/** The VAR: least squares recovers a simulated VAR(1), AIC picks its order, the forecast variance is hand-checked. */
import { describe, expect, it } from 'vitest';
import { fitVar, varForecasts } from '../../../../lambda/engine/trends/forecast/var-model.ts';
import { simulateVar1 } from './simulate.ts';

const INTERCEPT = [1, 0];
const COEFFICIENTS = [
  [0.5, 0.1],
  [-0.2, 0.3],
];

describe('fitVar', () => {
  it('recovers the coefficients of a simulated VAR(1) and chooses order 1 by AIC', () => {
    const fit = fitVar(simulateVar1(INTERCEPT, COEFFICIENTS, 500, 7));
    expect(fit?.order).toBe(1);
    // 500 periods: each coefficient's standard error is about 0.045; 0.1 is over two of them.
    fit?.coefficients[0]?.forEach((row, equation) =>
      row.forEach((weight, series) =>
        expect(Math.abs(weight - (COEFFICIENTS[equation]?.[series] ?? 0))).toBeLessThan(0.1),
      ),
    );
    fit?.intercept.forEach((constant, equation) =>
      expect(Math.abs(constant - (INTERCEPT[equation] ?? 0))).toBeLessThan(0.25),
    );
    // Unit error variances, independent.
    expect(fit?.covariance[0]?.[0]).toBeCloseTo(1, 0);
    expect(Math.abs(fit?.covariance[0]?.[1] ?? 1)).toBeLessThan(0.15);
  });

  it('chooses order 2 for a simulated VAR(2) whose second lag matters', () => {
    const paths = simulateVar1(
      [0, 0],
      [
        [0, 0],
        [0, 0],
      ],
      400,
      3,
    );
    // Build x_t = 0.2 x_{t-1} + 0.6 x_{t-2} + noise from the independent draws above, and a second free series.
    const x = [0, 0];
    paths[0]?.forEach(
      (noise, time) => time >= 2 && x.push(0.2 * (x[time - 1] ?? 0) + 0.6 * (x[time - 2] ?? 0) + noise),
    );
    expect(fitVar([x.slice(0, 400), paths[1]?.slice(0, 400) ?? []])?.order).toBe(2);
  });

  it('returns nothing for one series, for too short a history, and for a singular system', () => {
    expect(fitVar([[1, 2, 3, 4, 5, 6, 7, 8]])).toBeUndefined();
    expect(
      fitVar([
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ]),
    ).toBeUndefined();
    const flat = Array(20).fill(3);
    expect(fitVar([flat, flat])).toBeUndefined();
  });
});

describe('varForecasts', () => {
  it("iterates the fitted equations and gives variances Sigma, then Sigma + A Sigma A' (by hand)", () => {
    const histories = simulateVar1(INTERCEPT, COEFFICIENTS, 80, 11);
    const fit = fitVar(histories);
    const [first, second] = varForecasts(histories, 2);
    const a = fit?.coefficients[0] ?? [];
    const sigma = fit?.covariance ?? [];
    const at = (matrix: readonly (readonly number[])[], row: number, column: number): number =>
      matrix[row]?.[column] ?? 0;
    const last = histories.map((history) => history[history.length - 1] ?? 0);
    const step1 = [0, 1].map(
      (k) => (fit?.intercept[k] ?? 0) + at(a, k, 0) * (last[0] ?? 0) + at(a, k, 1) * (last[1] ?? 0),
    );
    expect(first?.points[0]).toBeCloseTo(step1[0] ?? 0, 10);
    expect(second?.points[0]).toBeCloseTo(step1[1] ?? 0, 10);
    // (A Sigma A')_00 = sum_ij a_0i sigma_ij a_0j
    let spread = 0;
    for (const i of [0, 1]) for (const j of [0, 1]) spread += at(a, 0, i) * at(sigma, i, j) * at(a, 0, j);
    expect(first?.variances[0]).toBeCloseTo(at(sigma, 0, 0), 10);
    expect(first?.variances[1]).toBeCloseTo(at(sigma, 0, 0) + spread, 10);
    expect(first?.model).toMatchObject({ kind: 'var', order: fit?.order, seriesCount: 2 });
  });
});
