// Exponential smoothing fits shared between forecasts (forecastSeries' `fits`): reusing them changes no number,
// and the early warnings' forecast of each series without its last period fits nothing the backtest had not.
import { describe, expect, it } from 'vitest';
import type { EtsFits } from '../../../../lambda/engine/trends/forecast/ets-fit.ts';
import { forecastSeries } from '../../../../lambda/engine/trends/forecast/forecast-series.ts';
import type { NamedSeries } from '../../../../lambda/engine/trends/forecast/forecast-types.ts';
import { seededNormal } from './simulate.ts';

function seriesOf(length: number): NamedSeries[] {
  const noise = seededNormal(11);
  return [
    { key: 'trend', values: Array.from({ length }, (_, t) => 100 + 4 * t + 3 * noise()) },
    { key: 'season', values: Array.from({ length }, (_, t) => 50 + 10 * Math.sin(t / 2) + noise()) },
    { key: 'zero', values: Array.from({ length }, (_, t) => (t === length - 3 ? -0 : 0)) },
  ];
}

const withoutLast = (series: NamedSeries[]): NamedSeries[] =>
  series.map(({ key, values }) => ({ key, values: values.slice(0, -1) }));

describe('forecasts sharing their fits', () => {
  it.each([12, 18, 30])('%i periods: the same forecasts with shared fits as without', (length) => {
    const series = seriesOf(length);
    const fits: EtsFits = new Map();
    const shared = [
      forecastSeries({ series, seasonLength: 4 }, fits),
      forecastSeries({ series: withoutLast(series), seasonLength: 4, horizon: 1 }, fits),
      forecastSeries({ series, seasonLength: 4 }, fits),
    ];
    const alone = [
      forecastSeries({ series, seasonLength: 4 }),
      forecastSeries({ series: withoutLast(series), seasonLength: 4, horizon: 1 }),
    ];
    expect(shared[0]).toStrictEqual(alone[0]);
    expect(shared[1]).toStrictEqual(alone[1]);
    expect(shared[2]).toStrictEqual(alone[0]);
    // -0 and 0 are fitted apart: the key writes every value exactly.
    expect([...fits.keys()].some((key) => key.includes(',-0'))).toBe(true);
  });

  it('12 periods: the forecast without the last period reuses the backtest fits, one per history', () => {
    const series = seriesOf(12);
    const fits: EtsFits = new Map();
    forecastSeries({ series, seasonLength: 12 }, fits);
    const fitted = fits.size;
    // 4 origins (periods 8 to 11) for 3 series, and each series' whole history when smoothing won.
    expect(fitted).toBeGreaterThanOrEqual(12);
    forecastSeries({ series: withoutLast(series), seasonLength: 12, horizon: 1 }, fits);
    expect(fits.size).toBe(fitted);
  });
});
