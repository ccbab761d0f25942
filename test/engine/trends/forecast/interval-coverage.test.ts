/**
 * The 80% intervals hold the actual value about 80% of the time on data simulated from each model's own process
 * (seeded, so the counts below are fixed; the tolerance is what a correct interval can miss by in that many
 * trials, about three standard errors, plus the fitted parameters' own uncertainty, which the analytical
 * variance leaves out).
 */
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../../lambda/engine/trends/forecast/forecast-series.ts';
import { varForecasts } from '../../../../lambda/engine/trends/forecast/var-model.ts';
import { seededNormal, simulateLocalLevel, simulateVar1 } from './simulate.ts';

const HORIZON = 3;
const Z80 = 1.2815515655446004;

describe('80% prediction intervals', () => {
  it('cover about 80% on series from the local level model, through the whole choice (backtest and refit)', () => {
    const draw = seededNormal(2024);
    let inside = 0;
    let trials = 0;
    for (let replicate = 0; replicate < 120; replicate += 1) {
      const values = simulateLocalLevel(30 + HORIZON, 0.3, 5, 100, () => draw());
      const result = forecastSeries({
        series: [{ key: 'y', values: values.slice(0, 30) }],
        seasonLength: null,
      });
      const [forecast] = result.series;
      if (forecast?.status !== 'forecast') throw new Error('expected a forecast');
      forecast.steps.forEach(({ lower, upper }, step) => {
        const actual = values[30 + step] ?? Number.NaN;
        inside += actual >= lower && actual <= upper ? 1 : 0;
        trials += 1;
      });
    }
    expect(trials).toBe(360);
    expect(inside / trials).toBeGreaterThan(0.72);
    expect(inside / trials).toBeLessThan(0.88);
  });

  it('cover about 80% on a simulated VAR(1), for both series and every step', () => {
    let inside = 0;
    let trials = 0;
    for (let replicate = 0; replicate < 300; replicate += 1) {
      const paths = simulateVar1(
        [1, 0],
        [
          [0.5, 0.1],
          [-0.2, 0.3],
        ],
        60 + HORIZON,
        1000 + replicate,
      );
      const forecasts = varForecasts(
        paths.map((path) => path.slice(0, 60)),
        HORIZON,
      );
      forecasts.forEach((forecast, series) =>
        forecast?.points.forEach((point, step) => {
          const spread = Z80 * Math.sqrt(forecast.variances[step] ?? 0);
          const actual = paths[series]?.[60 + step] ?? Number.NaN;
          inside += Math.abs(actual - point) <= spread ? 1 : 0;
          trials += 1;
        }),
      );
    }
    expect(trials).toBe(1800);
    expect(inside / trials).toBeGreaterThan(0.76);
    expect(inside / trials).toBeLessThan(0.84);
  });
});
