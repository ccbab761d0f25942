/** The forecast variances and points of each model, checked by hand against the textbook formulas. */
import { describe, expect, it } from 'vitest';
import {
  etsPass,
  etsPoints,
  etsVariances,
  holtWintersStart,
} from '../../../../lambda/engine/trends/forecast/ets-recursions.ts';
import { etsForecast } from '../../../../lambda/engine/trends/forecast/ets-fit.ts';
import {
  describeModel,
  describeNoForecast,
} from '../../../../lambda/engine/trends/forecast/forecast-words.ts';
import {
  meanAbsoluteDifference,
  seasonalNaiveForecast,
} from '../../../../lambda/engine/trends/forecast/seasonal-naive.ts';

const base = { alpha: 0.5, beta: 0.2, gamma: 0, phi: 1, seasonLength: 1 };

describe('exponential smoothing variances: sigma^2 (1 + sum_{j<h} c_j^2)', () => {
  it("Holt's linear trend: c_j = alpha + beta j", () => {
    // c_1 = 0.7, c_2 = 0.9: 1, 1 + 0.49, 1 + 0.49 + 0.81.
    const variances = etsVariances({ ...base, form: 'holt' }, 2, 3);
    [2, 2.98, 4.6].forEach((expected, step) => expect(variances[step]).toBeCloseTo(expected, 12));
  });

  it('damped trend: c_j = alpha + beta (phi + ... + phi^j)', () => {
    // c_1 = 0.5 + 0.2 * 0.9 = 0.68, c_2 = 0.5 + 0.2 * 1.71 = 0.842.
    const variances = etsVariances({ ...base, form: 'damped', phi: 0.9 }, 1, 3);
    [1, 1 + 0.68 ** 2, 1 + 0.68 ** 2 + 0.842 ** 2].forEach((expected, step) =>
      expect(variances[step]).toBeCloseTo(expected, 12),
    );
  });

  it('Holt-Winters: gamma joins c_j at whole seasons', () => {
    // Season 2, gamma 0.1: c_1 = 0.7, c_2 = 0.9 + 0.1 = 1.0.
    const variances = etsVariances({ ...base, form: 'holt-winters', gamma: 0.1, seasonLength: 2 }, 1, 3);
    [1, 1.49, 2.49].forEach((expected, step) => expect(variances[step]).toBeCloseTo(expected, 12));
  });

  it('simple smoothing: one pass by hand and flat points', () => {
    // level 10; y = 12: error 2, level 11; y = 10: error -1, level 10.5.
    const parameters = { ...base, form: 'simple' as const, beta: 0 };
    const pass = etsPass([12, 10], parameters, { level: 10, trend: 0, season: [0] });
    expect(pass.sumOfSquares).toBe(5);
    expect(pass.final.level).toBe(10.5);
    expect(etsPoints(parameters, pass.final, 2, 2)).toEqual([10.5, 10.5]);
    expect(etsVariances(parameters, 1, 3)).toEqual([1, 1.25, 1.5]);
  });

  it('Holt-Winters starts from the first two seasons: trend from their means, a centred season', () => {
    // Seasons [1, 3] and [5, 7]: means 2 and 6, trend 2 per period, level before period 0: 2 - 2 * 1.5 = -1.
    const start = holtWintersStart([1, 3, 5, 7], 2);
    expect(start.trend).toBe(2);
    expect(start.level).toBe(-1);
    expect(start.season).toEqual([0, 0]);
  });

  it('needs four periods', () => {
    expect(etsForecast([1, 2, 3], null, 3)).toBeUndefined();
  });
});

describe('the baseline', () => {
  it('seasonal naive repeats the last season; its variance grows by one sigma^2 per season ahead', () => {
    const history = [1, 2, 3, 4, 2, 3, 4, 5];
    const forecast = seasonalNaiveForecast(history, 4, 5);
    expect(forecast?.points).toEqual([2, 3, 4, 5, 2]);
    // Differences at lag 4 are all 1: sigma^2 = 1.
    expect(forecast?.variances).toEqual([1, 1, 1, 1, 2]);
    expect(forecast?.model).toEqual({ kind: 'seasonal-naive', seasonLength: 4, residualSd: 1 });
  });

  it('naive repeats the last value; its variance is sigma^2 h', () => {
    const forecast = seasonalNaiveForecast([1, 3, 2, 4], 1, 3);
    // Differences 2, -1, 2: sigma^2 = 9 / 3 = 3.
    expect(forecast?.points).toEqual([4, 4, 4]);
    expect(forecast?.variances).toEqual([3, 6, 9]);
    expect(meanAbsoluteDifference([1, 3, 2, 4], 1)).toBeCloseTo(5 / 3, 12);
  });
});

describe('the model in words', () => {
  it('names each model with its parameters, and each reason with its numbers', () => {
    expect(
      describeModel({ kind: 'ets', form: 'damped', alpha: 0.4, beta: 0.1, phi: 0.9, aicc: 0, residualSd: 1 }),
    ).toBe("Holt's damped trend (level smoothing 0.40, trend smoothing 0.10, damping 0.90).");
    expect(describeModel({ kind: 'seasonal-naive', seasonLength: 12, residualSd: 1 })).toBe(
      'Seasonal naive: each period repeats the same period 12 periods before.',
    );
    expect(describeModel({ kind: 'var', order: 2, seriesCount: 4, aic: 0, residualSd: 1 })).toBe(
      'Vector autoregression of order 2 across 4 series (order chosen by AIC).',
    );
    expect(describeNoForecast({ code: 'too-short', periods: 5, needed: 6 })).toBe(
      'No forecast: 5 periods of history, at least 6 are needed.',
    );
  });
});
