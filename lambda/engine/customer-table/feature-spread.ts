import { AUTO_LOG_SKEWNESS_THRESHOLD } from '../clustering/segmentation/prepare-features.ts';

/** The equal-width bins a column's spread is measured over. */
export const SPREAD_BINS = 10;

/**
 * How well a prepared column (finite values) can tell customers apart, to keep the most telling ones when a table
 * has more than the clustering takes: the Shannon entropy, in bits, of its values counted in 10 equal-width bins
 * over their range, after log1p when the clustering would apply it (no negative value, skewness above 1). 0 for a
 * constant column, log2(10) = 3.32 bits at most, for values spread evenly; a column where nearly every customer
 * shares one value (a rare flag, a mostly imputed column) or where a few outliers stretch the range scores low.
 * Unlike the coefficient of variation it needs no mean away from 0 and does not change with the origin (days since
 * a date; nor with the unit, when no log is taken), and unlike the variance of z-scores (always 1) it tells columns
 * apart.
 * @example featureSpread(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)) // log2(10) = 3.3219...
 */
export function featureSpread(values: Float64Array): number {
  const { minimum, maximum, skewness } = describe(values);
  if (!(maximum > minimum)) return 0;
  const logged = minimum >= 0 && skewness > AUTO_LOG_SKEWNESS_THRESHOLD;
  const transform = logged ? Math.log1p : (value: number) => value;
  const low = transform(minimum);
  const width = (transform(maximum) - low) / SPREAD_BINS;
  const counts = new Float64Array(SPREAD_BINS);
  for (const value of values) {
    const bin = Math.min(SPREAD_BINS - 1, Math.floor((transform(value) - low) / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  let entropy = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const share = count / values.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/** Minimum, maximum and population skewness (m3 / m2^1.5, 0 when constant), as the clustering computes it. */
function describe(values: Float64Array): { minimum: number; maximum: number; skewness: number } {
  let sum = 0;
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    sum += value;
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
  }
  const mean = sum / values.length;
  let secondMoment = 0;
  let thirdMoment = 0;
  for (const value of values) {
    const deviation = value - mean;
    secondMoment += deviation * deviation;
    thirdMoment += deviation * deviation * deviation;
  }
  secondMoment /= values.length;
  thirdMoment /= values.length;
  const skewness = secondMoment > 0 ? thirdMoment / secondMoment ** 1.5 : 0;
  return { minimum, maximum, skewness };
}
