import { describe, expect, it } from 'vitest';
import { featureSpread } from '../../../lambda/engine/customer-table/feature-spread.ts';

describe('featureSpread', () => {
  it('is log2(10) for values spread evenly over the ten bins, 0 for a constant column', () => {
    expect(featureSpread(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).toBeCloseTo(Math.log2(10), 12);
    expect(featureSpread(Float64Array.of(4, 4, 4))).toBe(0);
  });

  it('is the entropy of the share of each value for a two-valued column: 1 bit at half and half', () => {
    expect(featureSpread(Float64Array.of(0, 0, 1, 1))).toBeCloseTo(1, 12);
    // A rare flag, 1 in 100: -(0.01 log2 0.01 + 0.99 log2 0.99) = 0.0808 bits.
    const rare = new Float64Array(100);
    rare[0] = 1;
    expect(featureSpread(rare)).toBeCloseTo(0.0808, 4);
  });

  it('does not change with the origin, nor with the unit of a column it does not log-transform', () => {
    // Symmetric about 50 (skewness 0): never log-transformed.
    const days = Float64Array.of(0, 10, 12, 30, 45, 55, 70, 88, 90, 100);
    const spread = featureSpread(days);
    expect(featureSpread(days.map((value) => value * 86_400_000 + 1e12))).toBeCloseTo(spread, 12);
    expect(featureSpread(days.map((value) => value - 1_000))).toBeCloseTo(spread, 12);
  });

  it('measures a skewed non-negative column after log1p, as the clustering will see it', () => {
    // 1, 10, 100, ... 10^9: on a linear scale nine values share the first bin; after log1p they spread out.
    const powers = Float64Array.from({ length: 10 }, (_, index) => 10 ** index);
    expect(featureSpread(powers)).toBeGreaterThan(3);
  });
});
