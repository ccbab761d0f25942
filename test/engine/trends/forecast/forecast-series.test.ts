/** Hand-checked forecasts: the chosen model and its numbers on series whose right answer is known. */
import { seededNormal, simulateVar1 } from './simulate.ts';
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../../lambda/engine/trends/forecast/forecast-series.ts';
import type { SeriesForecast } from '../../../../lambda/engine/trends/forecast/forecast-types.ts';

type Forecasted = Extract<SeriesForecast, { status: 'forecast' }>;

function forecastOne(values: readonly number[], seasonLength: number | null, horizon?: number): Forecasted {
  const result = forecastSeries({
    series: [{ key: 'revenue', values }],
    seasonLength,
    ...(horizon ? { horizon } : {}),
  });
  const [only] = result.series;
  if (only?.status !== 'forecast') throw new Error(`expected a forecast, got ${JSON.stringify(only)}`);
  return only;
}

const points = (forecast: Forecasted): number[] => forecast.steps.map(({ point }) => point);

describe('forecastSeries on hand-checked series', () => {
  it('a constant series: the baseline (naive), nothing beats it, the forecast is the constant with no spread', () => {
    const forecast = forecastOne(Array(12).fill(50), 12);
    expect(forecast.model).toEqual({ kind: 'naive', residualSd: 0 });
    expect(forecast.beatsBaseline).toBe(false);
    expect(forecast.best).toBe('naive');
    expect(forecast.steps).toEqual([1, 2, 3].map((step) => ({ step, point: 50, lower: 50, upper: 50 })));
    // 12 periods: 4 origins (a third); a flat history has no MASE scale.
    expect(
      forecast.candidates.map(({ model, origins, horizonMae, horizonMase }) => [
        model,
        origins,
        horizonMae,
        horizonMase,
      ]),
    ).toEqual([
      ['naive', 4, 0, undefined],
      ['ets', 4, 0, undefined],
    ]);
  });

  it("a linear trend: Holt's linear trend wins with no error and continues the line; naive lags by the slope", () => {
    const forecast = forecastOne(
      Array.from({ length: 12 }, (_, index) => 5 + 2 * index),
      12,
    );
    expect(forecast.model).toMatchObject({ kind: 'ets', form: 'holt' });
    expect(forecast.beatsBaseline).toBe(true);
    points(forecast).forEach((point, index) => expect(point).toBeCloseTo(29 + 2 * index, 6));
    const naive = forecast.candidates.find(({ model }) => model === 'naive');
    // Origins 8..11, steps up to 3 (fewer near the end): errors 2, 4, 6 | 2, 4, 6 | 2, 4 | 2 -> 32 / 9.
    expect(naive?.oneStepMae).toBe(2);
    expect(naive?.horizonMae).toBeCloseTo(32 / 9, 12);
    // The MASE scale is naive's in-sample one-step error on the first 8 periods: 2.
    expect(naive?.oneStepMase).toBe(1);
  });

  it('a pure seasonal pattern over three seasons: seasonal naive repeats it exactly and is kept on the tie', () => {
    const season = [3, 5, 9, 4, 6, 8, 2, 7, 1, 10, 12, 11];
    const forecast = forecastOne([...season, ...season, ...season], 12, 4);
    expect(forecast.model).toEqual({ kind: 'seasonal-naive', seasonLength: 12, residualSd: 0 });
    expect(forecast.beatsBaseline).toBe(false);
    expect(points(forecast)).toEqual([3, 5, 9, 4]);
  });

  it('white noise: exponential smoothing of the level only, near the mean, beating naive; the interval is about ±1.28 sd', () => {
    const draw = seededNormal(14);
    const values = Array.from({ length: 36 }, () => draw(100, 10));
    const forecast = forecastOne(values, null);
    expect(forecast.model).toMatchObject({ kind: 'ets', form: 'simple' });
    expect(forecast.beatsBaseline).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    for (const { point, lower, upper } of forecast.steps) {
      expect(Math.abs(point - mean)).toBeLessThan(3);
      expect((upper - lower) / 2).toBeGreaterThan(1.2816 * 10 * 0.75);
      expect((upper - lower) / 2).toBeLessThan(1.2816 * 10 * 1.25);
    }
  });

  it('a seasonal pattern with a trend and two full seasons before every origin: Holt-Winters wins', () => {
    const values = Array.from(
      { length: 36 },
      (_, index) => 100 + 2 * index + 10 * Math.sin((2 * Math.PI * index) / 12),
    );
    const forecast = forecastOne(values, 12);
    expect(forecast.model).toMatchObject({ kind: 'ets', form: 'holt-winters', seasonLength: 12 });
    expect(forecast.beatsBaseline).toBe(true);
    points(forecast).forEach((point, step) => {
      const index = 36 + step;
      expect(point).toBeCloseTo(100 + 2 * index + 10 * Math.sin((2 * Math.PI * index) / 12), 1);
    });
  });

  it('two series that drive each other: the VAR across them wins the backtest for both', () => {
    const [a = [], b = []] = simulateVar1(
      [10, 10],
      [
        [0.2, 0.7],
        [-0.6, 0.2],
      ],
      48,
      3,
    );
    const result = forecastSeries({
      series: [
        { key: 'a', values: a },
        { key: 'b', values: b },
      ],
      seasonLength: null,
    });
    for (const forecast of result.series) {
      if (forecast.status !== 'forecast') throw new Error('expected a forecast');
      expect(forecast.model).toMatchObject({ kind: 'var', order: 1, seriesCount: 2 });
      expect(forecast.beatsBaseline).toBe(true);
      expect(forecast.candidates.map(({ model, origins }) => [model, origins])).toEqual([
        ['naive', 6],
        ['ets', 6],
        ['var', 6],
      ]);
    }
  });

  it('gives no forecast, with a reason, for fewer than 6 periods or a non-finite value', () => {
    const result = forecastSeries({
      series: [
        { key: 'short', values: [1, 2, 3, 4, 5] },
        { key: 'also short', values: [1, 2, 3, Number.NaN, 5] },
      ],
      seasonLength: 12,
    });
    expect(result.series).toEqual([
      { key: 'short', status: 'none', reason: { code: 'too-short', periods: 5, needed: 6 } },
      { key: 'also short', status: 'none', reason: { code: 'not-finite', period: 3 } },
    ]);
  });

  it('at exactly 6 periods forecasts from 2 origins', () => {
    const forecast = forecastOne([10, 12, 11, 13, 12, 14], null);
    expect(forecast.candidates.every(({ origins }) => origins === 2)).toBe(true);
  });

  it('refuses an unusable horizon, level, season or unaligned series in one line', () => {
    const series = [{ key: 'a', values: [1, 2, 3, 4, 5, 6] }];
    expect(() => forecastSeries({ series, seasonLength: 12, horizon: 0 })).toThrow(/^horizon must be/);
    expect(() => forecastSeries({ series, seasonLength: 12, level: 1 })).toThrow(/^level must be/);
    expect(() => forecastSeries({ series, seasonLength: 1 })).toThrow(/^seasonLength must be/);
    expect(() =>
      forecastSeries({ series: [...series, { key: 'b', values: [1] }], seasonLength: null }),
    ).toThrow('series must be aligned, got lengths 6, 1');
  });

  it('is deterministic: the same input gives the same result', () => {
    const values = [5, 9, 4, 8, 12, 7, 6, 11, 9, 13, 10, 15];
    const input = { series: [{ key: 'a', values }], seasonLength: null };
    expect(forecastSeries(input)).toEqual(forecastSeries(input));
  });
});
