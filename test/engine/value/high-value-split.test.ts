import { describe, expect, it } from 'vitest';
import { splitSamples, timeSplit, topShareLabels } from '../../../lambda/engine/value/high-value-split.ts';

describe('timeSplit', () => {
  it('ends the calibration one horizon before the last day when the history holds two horizons', () => {
    expect(timeSplit(0, 800, 365)).toEqual({ calibrationEndDay: 435, horizonDays: 365, shortened: false });
    expect(timeSplit(0, 730, 365)).toEqual({ calibrationEndDay: 365, horizonDays: 365, shortened: false });
  });

  it("uses half the span, and says so, when it does not (CDNOW's 545 days)", () => {
    expect(timeSplit(0, 545, 365)).toEqual({ calibrationEndDay: 273, horizonDays: 272, shortened: true });
    expect(timeSplit(10, 10, 365).horizonDays).toBe(0);
  });
});

describe('topShareLabels', () => {
  it('marks the top share by value', () => {
    expect(Array.from(topShareLabels(Float64Array.of(5, 0, 9, 5, 1), 0.2))).toEqual([0, 0, 1, 0, 0]);
    expect(Array.from(topShareLabels(Float64Array.of(5, 0, 9, 4, 1), 0.4))).toEqual([1, 0, 1, 0, 0]);
  });

  it('keeps ties at the boundary together, whatever their indices', () => {
    expect(Array.from(topShareLabels(Float64Array.of(1, 3, 3, 3, 0), 0.2))).toEqual([0, 1, 1, 1, 0]);
  });

  it('never marks a customer who bought nothing', () => {
    expect(Array.from(topShareLabels(Float64Array.of(0, 0, 7, 0, 0, 0), 0.5))).toEqual([0, 0, 1, 0, 0, 0]);
    expect(Array.from(topShareLabels(Float64Array.of(0, 0), 0.5))).toEqual([0, 0]);
  });

  it('refuses a share outside (0, 1)', () => {
    expect(() => topShareLabels(Float64Array.of(1), 1)).toThrow(/share/);
  });
});

describe('splitSamples', () => {
  const features = { rowCount: 10, columnCount: 1, values: Float64Array.of(9, 3, 7, 1, 5, 0, 2, 8, 4, 6) };
  const labelValues = new Float64Array(10);

  it('draws round(70%) for training and leaves the rest for the holdout, each row once', () => {
    const { training, holdout } = splitSamples(features, labelValues, 0.7, 1);
    expect(training.length).toBe(7);
    expect(holdout.length).toBe(3);
    expect([...training, ...holdout].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('follows the customers, not their indices: the same rows in reverse give the same customers', () => {
    const reversed = { ...features, values: features.values.slice().reverse() };
    const straight = splitSamples(features, labelValues, 0.7, 1);
    const backwards = splitSamples(reversed, labelValues, 0.7, 1);
    const valuesOf = (rows: Int32Array, matrix: typeof features) =>
      Array.from(rows, (row) => matrix.values[row]);
    expect(valuesOf(backwards.training, reversed)).toEqual(valuesOf(straight.training, features));
  });

  it('draws differently with another seed', () => {
    expect(splitSamples(features, labelValues, 0.7, 2).holdout).not.toEqual(
      splitSamples(features, labelValues, 0.7, 1).holdout,
    );
  });
});
