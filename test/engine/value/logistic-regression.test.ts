import { describe, expect, it } from 'vitest';
import { createRandomSource } from '../../../lambda/engine/clustering/kmeans/seeded-random.ts';
import {
  fitLogisticRegression,
  type FeatureMatrix,
  type LogisticModel,
  predictProbability,
} from '../../../lambda/engine/value/logistic-regression.ts';

/** Rows of two features, x1 ~ N(1, 2^2), x2 ~ Uniform(0, 3), and labels drawn from the true model. */
function syntheticData(
  count: number,
  truth: { intercept: number; slopes: [number, number] },
  seed: number,
): { features: FeatureMatrix; labels: Uint8Array } {
  const random = createRandomSource(seed);
  const values = new Float64Array(count * 2);
  const labels = new Uint8Array(count);
  for (let row = 0; row < count; row++) {
    // Box-Muller: a standard normal from two uniforms.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const x1 = 1 + 2 * normal;
    const x2 = 3 * random();
    values[row * 2] = x1;
    values[row * 2 + 1] = x2;
    const linear = truth.intercept + truth.slopes[0] * x1 + truth.slopes[1] * x2;
    labels[row] = random() < 1 / (1 + Math.exp(-linear)) ? 1 : 0;
  }
  return { features: { rowCount: count, columnCount: 2, values }, labels };
}

/** The model's coefficients on the raw features: slope_f = c_f / scale_f, intercept - sum c_f mean_f / scale_f. */
function rawCoefficients(model: LogisticModel): { intercept: number; slopes: number[] } {
  const slopes = model.coefficients.map((coefficient, f) => coefficient / (model.scales[f] as number));
  const shift = slopes.reduce((sum, slope, f) => sum + slope * (model.means[f] as number), 0);
  return { intercept: model.intercept - shift, slopes };
}

describe('fitLogisticRegression', () => {
  const truth = { intercept: -0.5, slopes: [1.2, -0.8] as [number, number] };

  it('recovers the coefficients of seeded synthetic data (40,000 rows, no penalty) to within 0.05', () => {
    const { features, labels } = syntheticData(40_000, truth, 7);
    const model = fitLogisticRegression(features, labels, undefined, 0);
    const raw = rawCoefficients(model);
    expect(model.converged).toBe(true);
    expect(Math.abs(raw.intercept - truth.intercept)).toBeLessThan(0.05);
    expect(Math.abs((raw.slopes[0] as number) - truth.slopes[0])).toBeLessThan(0.05);
    expect(Math.abs((raw.slopes[1] as number) - truth.slopes[1])).toBeLessThan(0.05);
  });

  it('with the default small penalty, shrinks the coefficients by under 5% (2.4% here)', () => {
    const { features, labels } = syntheticData(40_000, truth, 7);
    const free = fitLogisticRegression(features, labels, undefined, 0);
    const penalised = fitLogisticRegression(features, labels);
    penalised.coefficients.forEach((coefficient, f) => {
      const shrinkage = 1 - coefficient / (free.coefficients[f] as number);
      expect(shrinkage).toBeGreaterThan(0);
      expect(shrinkage).toBeLessThan(0.05);
    });
  });

  it('fits only the rows given', () => {
    const { features, labels } = syntheticData(2_000, truth, 3);
    const everyOther = Int32Array.from({ length: 1_000 }, (_, index) => index * 2);
    const picked = {
      rowCount: 1_000,
      columnCount: 2,
      values: Float64Array.from(
        { length: 2_000 },
        (_, at) => features.values[(at >> 1) * 4 + (at & 1)] as number,
      ),
    };
    const pickedLabels = Uint8Array.from(everyOther, (row) => labels[row] as number);
    expect(fitLogisticRegression(features, labels, everyOther).coefficients).toEqual(
      fitLogisticRegression(picked, pickedLabels).coefficients,
    );
  });

  it('keeps coefficients finite on separable data, and probabilities in [0, 1]', () => {
    const features = { rowCount: 6, columnCount: 1, values: Float64Array.of(1, 2, 3, 10, 11, 12) };
    const labels = Uint8Array.of(0, 0, 0, 1, 1, 1);
    const model = fitLogisticRegression(features, labels);
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    expect(predictProbability(model, features, 0)).toBeLessThan(0.5);
    expect(predictProbability(model, features, 5)).toBeGreaterThan(0.5);
    for (let row = 0; row < 6; row++) {
      const probability = predictProbability(model, features, row);
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
    }
  });

  it('gives a constant feature scale 1 and coefficient 0', () => {
    const features = { rowCount: 4, columnCount: 1, values: Float64Array.of(5, 5, 5, 5) };
    const model = fitLogisticRegression(features, Uint8Array.of(0, 1, 1, 1));
    expect(model.scales[0]).toBe(1);
    expect(model.coefficients[0]).toBeCloseTo(0, 8);
    expect(predictProbability(model, features, 0)).toBeCloseTo(0.75, 3);
  });
});
