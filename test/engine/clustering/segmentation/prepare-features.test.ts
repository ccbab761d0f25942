import { describe, expect, it } from 'vitest';
import {
  prepareFeatures,
  toOriginalUnits,
} from '../../../../lambda/engine/clustering/segmentation/prepare-features.ts';
import { InvalidOptionError } from '../../../../lambda/errors/input-errors.ts';

/** Builds a row-major table from columns. */
function table(columns: Record<string, number[]>) {
  const names = Object.keys(columns);
  const rowCount = (Object.values(columns)[0] ?? []).length;
  const values = new Float64Array(rowCount * names.length);
  names.forEach((name, column) => {
    (columns[name] ?? []).forEach((value, row) => {
      values[row * names.length + column] = value;
    });
  });
  return { names, values, rowCount };
}

describe('prepareFeatures', () => {
  it('z-scores with the population standard deviation', () => {
    const prepared = prepareFeatures(table({ a: [1, 2, 3, 4] }), []);
    // mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
    expect(prepared.features).toEqual([
      { name: 'a', logTransformed: false, mean: 2.5, standardDeviation: Math.sqrt(1.25) },
    ]);
    const expected = [-1.5, -0.5, 0.5, 1.5].map((deviation) => deviation / Math.sqrt(1.25));
    Array.from(prepared.points).forEach((value, row) => {
      expect(value).toBeCloseTo(expected[row] as number, 12);
    });
  });

  it('gives a constant feature standard deviation 1 and z-scores of 0, not NaN', () => {
    const prepared = prepareFeatures(table({ constant: [0.1, 0.1, 0.1], other: [1, 2, 3] }), 'auto');
    expect(prepared.features[0]).toMatchObject({
      name: 'constant',
      logTransformed: false,
      standardDeviation: 1,
    });
    expect(
      [prepared.points[0], prepared.points[2], prepared.points[4]].every(
        (value) => Math.abs(value as number) < 1e-12,
      ),
    ).toBe(true);
  });

  it("log1p-transforms skewed non-negative features under 'auto', and only those", () => {
    const skewed = [0, 0, 0, 0, 0, 0, 0, 0, 0, 100];
    const prepared = prepareFeatures(
      table({
        skewed,
        symmetric: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        negativeSkewed: skewed.map((value) => value - 1),
      }),
      'auto',
    );
    expect(prepared.features.map((feature) => feature.logTransformed)).toEqual([true, false, false]);
    // After log1p the column is nine 0s and one ln(101).
    expect(prepared.features[0]?.mean).toBeCloseTo(Math.log(101) / 10, 12);
  });

  it('log-transforms exactly the listed features', () => {
    const prepared = prepareFeatures(table({ a: [1, 2, 3], b: [0, 1, 1000] }), ['a']);
    expect(prepared.features.map((feature) => feature.logTransformed)).toEqual([true, false]);
  });

  it('refuses to log-transform a feature with negative values, naming it', () => {
    expect(() => prepareFeatures(table({ balance: [-5, 2, 3] }), ['balance'])).toThrow(InvalidOptionError);
    expect(() => prepareFeatures(table({ balance: [-5, 2, 3] }), ['balance'])).toThrow(/"balance"/);
  });

  it('maps a standardised value back to original units through the z-score and the log', () => {
    const prepared = prepareFeatures(table({ skewed: [0, 0, 0, 0, 0, 0, 0, 0, 0, 100] }), 'auto');
    const feature = prepared.features[0];
    if (feature === undefined) throw new Error('no feature');
    expect(toOriginalUnits(feature, prepared.points[9] as number)).toBeCloseTo(100, 9);
    expect(toOriginalUnits(feature, prepared.points[0] as number)).toBeCloseTo(0, 12);
  });
});
