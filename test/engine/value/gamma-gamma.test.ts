import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectedAverageOrderValue,
  fitGammaGamma,
  pearsonCorrelation,
  populationAverageOrderValue,
} from '../../../lambda/engine/value/gamma-gamma.ts';
import { shuffle } from '../../support/shuffle.ts';
import { cdnowSampleLines } from './cdnow-sample.ts';
import { cdnowSampleSummary, PUBLISHED_GAMMA_GAMMA, relativeErrors } from './cdnow-fits.ts';

describe('fitGammaGamma on the CDNOW sample, from its raw transactions', () => {
  const summary = cdnowSampleSummary();

  it('reproduces the published p = 6.25, q = 3.74, v = 15.44 within 0.5% on the 946 repeat customers', () => {
    const fit = fitGammaGamma(summary.x, summary.meanRepeatValue);
    const errors = relativeErrors({ ...fit.parameters }, PUBLISHED_GAMMA_GAMMA);
    for (const error of Object.values(errors)) expect(error).toBeLessThan(0.005);
    expect(fit.customersFitted).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(-4_055.92, 1);
    // Frequency and spend are nearly independent on CDNOW, as the model assumes: lifetimes' documentation
    // prints 0.113884 from the 2-decimal summary; the exact means give 0.113888.
    expect(fit.frequencyValueCorrelation).toBeCloseTo(0.1139, 4);
  });

  it('gives the same parameters when the transactions come in another order', () => {
    const shuffled = cdnowSampleSummary(shuffle(cdnowSampleLines(), 11));
    const original = fitGammaGamma(summary.x, summary.meanRepeatValue).parameters;
    const again = fitGammaGamma(shuffled.x, shuffled.meanRepeatValue).parameters;
    for (const name of ['p', 'q', 'v'] as const) expect(again[name]).toBeCloseTo(original[name], 6);
  });

  it('leaves out one-time buyers and zero-value repeat customers, and refuses a base with none left', () => {
    const x = Float64Array.of(0, 2, 3);
    expect(() => fitGammaGamma(x, Float64Array.of(10, 0, 0))).toThrow(/repeat customer/);
  });
});

describe('expectedAverageOrderValue', () => {
  const parameters = PUBLISHED_GAMMA_GAMMA;
  const populationMean = populationAverageOrderValue(parameters);

  it('is the population mean p v / (q - 1) for a customer without repeat purchases', () => {
    expect(populationMean).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(expectedAverageOrderValue(parameters, 0, 0)).toBeCloseTo(populationMean, 12);
  });

  it("lies between the population mean and the customer's own mean, nearer their own as x grows", () => {
    const value = fc.double({ min: 0.01, max: 10_000, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), value, (x, ownMean) => {
        const expected = expectedAverageOrderValue(parameters, x, ownMean);
        const [low, high] = [Math.min(populationMean, ownMean), Math.max(populationMean, ownMean)];
        expect(expected).toBeGreaterThanOrEqual(low * (1 - 1e-12));
        expect(expected).toBeLessThanOrEqual(high * (1 + 1e-12));
        const more = expectedAverageOrderValue(parameters, x + 1, ownMean);
        expect(Math.abs(more - ownMean)).toBeLessThanOrEqual(Math.abs(expected - ownMean) * (1 + 1e-12));
      }),
      { seed: 20_261_130, numRuns: 300 },
    );
  });

  it('for customer 1 of CDNOW (x = 2, zbar = 22.35) is 24.66: (6.25 (15.44 + 2 x 22.35)) / (12.5 + 2.74)', () => {
    expect(expectedAverageOrderValue(parameters, 2, 22.35)).toBeCloseTo((6.25 * (15.44 + 44.7)) / 15.24, 12);
    expect(expectedAverageOrderValue(parameters, 2, 22.35).toFixed(2)).toBe('24.66');
  });
});

describe('pearsonCorrelation', () => {
  it('is 1, -1 and 0 on hand-made columns', () => {
    expect(pearsonCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 6))).toBeCloseTo(1, 12);
    expect(pearsonCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1))).toBeCloseTo(-1, 12);
    expect(pearsonCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(5, 5, 5))).toBe(0);
    expect(pearsonCorrelation(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 3, 2, 4))).toBeCloseTo(0.8, 12);
  });
});
