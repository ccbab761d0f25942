import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../lambda/engine/value/bg-nbd-fit.ts';
import { bgNbdNegativeLogLikelihood, frequencyData } from '../../../lambda/engine/value/bg-nbd-likelihood.ts';
import { distinctHistories } from '../../../lambda/engine/value/distinct-histories.ts';
import {
  conditionalExpectedPurchases,
  expectedPurchasesNewCustomer,
} from '../../../lambda/engine/value/bg-nbd-predictions.ts';
import { shuffle } from '../../support/shuffle.ts';
import { cdnowSampleLines } from './cdnow-sample.ts';
import {
  cdnowSampleSummary,
  PUBLISHED_BG_NBD,
  PUBLISHED_LOG_LIKELIHOOD,
  relativeErrors,
} from './cdnow-fits.ts';

describe('fitBgNbd on the CDNOW sample, from its raw transactions', () => {
  const summary = cdnowSampleSummary();

  it('reproduces the published parameters within 0.5% and the log-likelihood -9,582.4 to 0.1', () => {
    const fit = fitBgNbd(summary);
    const errors = relativeErrors({ ...fit.parameters }, PUBLISHED_BG_NBD);
    for (const error of Object.values(errors)) expect(error).toBeLessThan(0.005);
    expect(Math.abs(fit.logLikelihood - PUBLISHED_LOG_LIKELIHOOD)).toBeLessThan(0.1);
    expect(fit.converged).toBe(true);
    expect(fit.customersFitted).toBe(2_357);
    expect(fit.iterations).toBeGreaterThan(0);
  });

  it('gives the same parameters when the transactions come in another order', () => {
    const shuffled = cdnowSampleSummary(shuffle(cdnowSampleLines(), 7));
    expect(fitBgNbd(shuffled).parameters).toEqual(fitBgNbd(summary).parameters);
  });

  it('fits a seeded sample when the distinct histories outnumber the sample size: same seed, same parameters', () => {
    const distinct = distinctHistories(summary).weights.length;
    expect(distinct).toBeGreaterThan(1_000);
    const first = fitBgNbd(summary, { sampleSize: 1_000, seed: 3 });
    expect(first.customersFitted).toBe(1_000);
    expect(fitBgNbd(summary, { sampleSize: 1_000, seed: 3 }).parameters).toEqual(first.parameters);
    expect(fitBgNbd(summary, { sampleSize: 1_000, seed: 4 }).parameters).not.toEqual(first.parameters);
    // A sample of 1,000 of 2,357 customers still lands near the full fit.
    expect(first.parameters.r).toBeGreaterThan(0.2);
    expect(first.parameters.r).toBeLessThan(0.3);
  });

  it('fits every customer, exactly, on the distinct histories when they fit in the sample size', () => {
    const distinct = distinctHistories(summary).weights.length;
    expect(distinct).toBeLessThan(summary.x.length);
    const whole = fitBgNbd(summary);
    const compressed = fitBgNbd(summary, { sampleSize: distinct });
    expect(compressed.customersFitted).toBe(2_357);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(compressed.parameters[name]).toBeCloseTo(whole.parameters[name], 6);
    }
    const rows = frequencyData(summary.x, summary.tx, summary.T);
    const unweighted = bgNbdNegativeLogLikelihood([0, 0, 0, 0], rows);
    const histories = distinctHistories(summary);
    const weighted = frequencyData(histories.x, histories.tx, histories.T, histories.weights);
    expect(bgNbdNegativeLogLikelihood([0, 0, 0, 0], weighted)).toBeCloseTo(unweighted, 12);
  });

  it('does not fail on degenerate files: little dropout sends a and b up the ridge, one-time buyers only', () => {
    // Too little evidence to fit: the backtest must withhold such predictions; here they only must stay finite.
    const littleDropout = fitBgNbd({
      x: Float64Array.of(0, 1, 2, 0, 3, 5, 0, 1),
      tx: Float64Array.of(0, 5, 10, 0, 20, 30, 0, 2),
      T: Float64Array.of(38, 38, 30, 20, 35, 39, 10, 12),
    });
    expect(littleDropout.parameters.a).toBeGreaterThan(1_000);
    const oneTimeBuyers = fitBgNbd({
      x: new Float64Array(50),
      tx: new Float64Array(50),
      T: Float64Array.from({ length: 50 }, (_, index) => index + 1),
    });
    for (const { parameters } of [littleDropout, oneTimeBuyers]) {
      const expected = conditionalExpectedPurchases(parameters, { x: 2, tx: 5, T: 10 }, 52);
      expect(Number.isFinite(expected) && expected >= 0).toBe(true);
      expect(Number.isFinite(expectedPurchasesNewCustomer(parameters, 52))).toBe(true);
    }
  });

  it('refuses an empty base', () => {
    const empty = new Float64Array(0);
    expect(() => fitBgNbd({ x: empty, tx: empty, T: empty })).toThrow(/at least one customer/);
  });
});

describe('bgNbdNegativeLogLikelihood', () => {
  const summary = cdnowSampleSummary();
  const data = frequencyData(summary.x, summary.tx, summary.T);

  it('is -9,582.43 / N at the published parameters (the paper reports -9,582.4)', () => {
    const logPublished = Object.values(PUBLISHED_BG_NBD).map(Math.log);
    expect(-bgNbdNegativeLogLikelihood(logPublished, data) * data.count).toBeCloseTo(-9_582.43, 2);
  });

  it('has an analytic gradient that matches central finite differences', () => {
    const point = [Math.log(0.3), Math.log(5), Math.log(0.9), Math.log(2.5)];
    const gradient = [0, 0, 0, 0];
    bgNbdNegativeLogLikelihood(point, data, gradient);
    const step = 1e-6;
    point.forEach((_, index) => {
      const up = [...point];
      const down = [...point];
      up[index] = (up[index] as number) + step;
      down[index] = (down[index] as number) - step;
      const numeric =
        (bgNbdNegativeLogLikelihood(up, data) - bgNbdNegativeLogLikelihood(down, data)) / (2 * step);
      expect(Math.abs((gradient[index] as number) - numeric)).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(numeric)),
      );
    });
  });
});
