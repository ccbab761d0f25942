import { describe, expect, it } from 'vitest';
import {
  comparePurchases,
  naiveBaselinePurchases,
  REPEAT_PURCHASES_TABLE_TOP,
} from '../../../lambda/engine/value/backtest-comparison.ts';

describe('naiveBaselinePurchases', () => {
  it('keeps the past repeat rate x / T over the horizon: 2 in 38.86 weeks is 2.007 in 39', () => {
    expect(naiveBaselinePurchases(2, 38.86, 39)).toBeCloseTo(2.0072, 4);
  });

  it('is 0 for a customer first seen on the calibration end (T = 0) and for one who never came back', () => {
    expect(naiveBaselinePurchases(0, 0, 39)).toBe(0);
    expect(naiveBaselinePurchases(0, 20, 39)).toBe(0);
  });
});

describe('comparePurchases on four hand-computed customers', () => {
  // x:         0    1    1    9
  // predicted: 0.5  1    2    8
  // baseline:  0    2    1    10
  // actual:    1    1    1    6
  const comparison = comparePurchases({
    x: Float64Array.of(0, 1, 1, 9),
    predicted: Float64Array.of(0.5, 1, 2, 8),
    baseline: Float64Array.of(0, 2, 1, 10),
    actual: Float64Array.of(1, 1, 1, 6),
  });

  it('adds the totals: 11.5 predicted, 13 baseline, 9 actual', () => {
    expect(comparison).toMatchObject({
      customers: 4,
      predictedTotal: 11.5,
      baselineTotal: 13,
      actualTotal: 9,
    });
  });

  it('averages the absolute errors: model (0.5 + 0 + 1 + 2) / 4, baseline (1 + 1 + 0 + 4) / 4, ratio 3.5 / 6', () => {
    expect(comparison.modelMae).toBe(0.875);
    expect(comparison.baselineMae).toBe(1.5);
    expect(comparison.maeRatio).toBeCloseTo(3.5 / 6, 12);
  });

  it('bins by calibration repeat purchases, 9 in the 7+ row, empty rows with null means', () => {
    const rows = comparison.byRepeatPurchases;
    expect(rows).toHaveLength(REPEAT_PURCHASES_TABLE_TOP + 1);
    expect(rows[0]).toEqual({
      repeatPurchases: 0,
      orMore: false,
      customers: 1,
      meanPredicted: 0.5,
      meanBaseline: 0,
      meanActual: 1,
    });
    expect(rows[1]).toEqual({
      repeatPurchases: 1,
      orMore: false,
      customers: 2,
      meanPredicted: 1.5,
      meanBaseline: 1.5,
      meanActual: 1,
    });
    expect(rows[2]).toEqual({
      repeatPurchases: 2,
      orMore: false,
      customers: 0,
      meanPredicted: null,
      meanBaseline: null,
      meanActual: null,
    });
    expect(rows[7]).toEqual({
      repeatPurchases: 7,
      orMore: true,
      customers: 1,
      meanPredicted: 8,
      meanBaseline: 10,
      meanActual: 6,
    });
  });

  it('gives a null ratio when the baseline is exact, and refuses an empty comparison', () => {
    const exact = comparePurchases({
      x: Float64Array.of(1),
      predicted: Float64Array.of(2),
      baseline: Float64Array.of(1),
      actual: Float64Array.of(1),
    });
    expect(exact.maeRatio).toBeNull();
    const none = new Float64Array(0);
    expect(() => comparePurchases({ x: none, predicted: none, baseline: none, actual: none })).toThrow(
      RangeError,
    );
  });
});
