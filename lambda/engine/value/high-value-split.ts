/**
 * The time split and the samples the P(high value) classifier learns from: the calibration end (the horizon
 * before the last order day, or half the span when the history is shorter than two horizons), the label (in the
 * top share of customers by value over the horizon after it) and a seeded training / holdout split of the
 * calibration customers, drawn over a canonical order of the customers (by their features, then their label
 * value) rather than their indices, so that the same file in another row order gives the same split: customers
 * that tie on everything are interchangeable, so which of them is drawn changes nothing.
 */
import { createRandomSource, sampleRowIndices } from '../clustering/kmeans/seeded-random.ts';
import type { FeatureMatrix } from './logistic-regression.ts';

export interface TimeSplit {
  readonly calibrationEndDay: number;
  /** Days of the label period after the calibration end (the horizon asked for, or half the span). */
  readonly horizonDays: number;
  /** True when the history was shorter than twice the horizon asked for, so half the span was used. */
  readonly shortened: boolean;
}

/**
 * The calibration end and label horizon for a history from `firstDay` to `lastDay` (inclusive).
 * @example timeSplit(0, 545, 365) // { calibrationEndDay: 273, horizonDays: 272, shortened: true }
 */
export function timeSplit(firstDay: number, lastDay: number, horizonDays: number): TimeSplit {
  const span = lastDay - firstDay;
  const shortened = span < 2 * horizonDays;
  const horizon = shortened ? Math.floor(span / 2) : horizonDays;
  return { calibrationEndDay: lastDay - horizon, horizonDays: horizon, shortened };
}

/**
 * 1 for the customers in the top `share` by value, else 0: with k = ceil(share x n), those whose value is at
 * least the k-th largest, ties at that boundary all included (so no tie is broken by index), and never a customer
 * with no value (when fewer than k bought anything, only those who did are positive).
 * @example topShareLabels(Float64Array.of(5, 0, 9, 5, 1), 0.2) // [0, 0, 1, 0, 0]
 */
export function topShareLabels(values: Float64Array, share: number): Uint8Array {
  if (!(share > 0 && share < 1)) throw new RangeError('the label share must be between 0 and 1, exclusive');
  const labels = new Uint8Array(values.length);
  if (values.length === 0) return labels;
  const descending = Float64Array.from(values).sort().reverse();
  const k = Math.ceil(share * values.length);
  const threshold = Math.max(descending[k - 1] as number, Number.MIN_VALUE);
  values.forEach((value, row) => {
    labels[row] = value >= threshold ? 1 : 0;
  });
  return labels;
}

/** Row indices of the training and holdout customers, each in canonical order. */
export interface SampleSplit {
  readonly training: Int32Array;
  readonly holdout: Int32Array;
}

/** A seeded draw of round(trainingShare x n) training rows over the canonical order; the others are the holdout. */
export function splitSamples(
  features: FeatureMatrix,
  labelValues: Float64Array,
  trainingShare: number,
  seed: number,
): SampleSplit {
  if (!(trainingShare > 0 && trainingShare < 1)) {
    throw new RangeError('the training share must be between 0 and 1, exclusive');
  }
  const canonical = canonicalOrder(features, labelValues);
  const count = canonical.length;
  const picked = sampleRowIndices(count, Math.round(trainingShare * count), createRandomSource(seed));
  const isTraining = new Uint8Array(count);
  for (const position of picked) isTraining[position] = 1;
  const training = new Int32Array(picked.length);
  const holdout = new Int32Array(count - picked.length);
  for (let position = 0, trained = 0, held = 0; position < count; position++) {
    const row = canonical[position] as number;
    if (isTraining[position] === 1) training[trained++] = row;
    else holdout[held++] = row;
  }
  return { training, holdout };
}

/** The rows sorted by their features (column by column), then by their label value. */
function canonicalOrder(features: FeatureMatrix, labelValues: Float64Array): Int32Array {
  const width = features.columnCount;
  const { values } = features;
  return Int32Array.from({ length: features.rowCount }, (_, row) => row).sort((left, right) => {
    for (let column = 0; column < width; column++) {
      const difference =
        (values[left * width + column] as number) - (values[right * width + column] as number);
      if (difference !== 0) return difference;
    }
    return (labelValues[left] as number) - (labelValues[right] as number);
  });
}
