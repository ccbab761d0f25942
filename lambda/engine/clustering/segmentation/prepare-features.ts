/**
 * Feature preparation before K-means: optional log1p on skewed non-negative features, then z-score
 * standardisation (population standard deviation, as scikit-learn's StandardScaler), so that no feature
 * dominates the distances because of its unit.
 */
import type { FeatureTable, PreparedFeature } from './clustering-types.ts';
import { InvalidOptionError } from '../../../errors/input-errors.ts';

/** Features whose skewness exceeds this are log-transformed under 'auto' (when they have no negative value). */
export const AUTO_LOG_SKEWNESS_THRESHOLD = 1;

/** The standardised table and the parameters to map centroids back to original units. */
export interface PreparedTable {
  /** Row-major standardised values, same shape as the input. */
  points: Float64Array;
  features: PreparedFeature[];
}

/** Applies the log1p choice then z-scores every column; constant columns get standard deviation 1. */
export function prepareFeatures(
  table: FeatureTable,
  logTransform: readonly string[] | 'auto',
): PreparedTable {
  const dimension = table.names.length;
  const points = new Float64Array(table.values);
  const features: PreparedFeature[] = [];
  for (let column = 0; column < dimension; column++) {
    const name = table.names[column] as string;
    const before = describeColumn(points, table.rowCount, dimension, column);
    const logTransformed =
      logTransform === 'auto'
        ? before.minimum >= 0 && before.skewness > AUTO_LOG_SKEWNESS_THRESHOLD
        : logTransform.includes(name);
    if (logTransformed) {
      if (before.minimum < 0) {
        throw new InvalidOptionError(
          `Cannot log-transform feature "${name}": it has negative values (minimum ${before.minimum}).`,
        );
      }
      for (let index = column; index < points.length; index += dimension) {
        points[index] = Math.log1p(points[index] as number);
      }
    }
    const { mean, standardDeviation, isConstant } = logTransformed
      ? describeColumn(points, table.rowCount, dimension, column)
      : before;
    const scale = isConstant ? 1 : standardDeviation;
    for (let index = column; index < points.length; index += dimension) {
      points[index] = ((points[index] as number) - mean) / scale;
    }
    features.push({ name, logTransformed, mean, standardDeviation: scale });
  }
  return { points, features };
}

/** Maps a standardised value of a feature back to its original units (undoing the z-score and log1p). */
export function toOriginalUnits(feature: PreparedFeature, standardisedValue: number): number {
  const transformed = standardisedValue * feature.standardDeviation + feature.mean;
  return feature.logTransformed ? Math.expm1(transformed) : transformed;
}

interface ColumnDescription {
  mean: number;
  standardDeviation: number;
  skewness: number;
  minimum: number;
  /** Constant up to rounding noise: the sum of a constant column can be off by an ulp. */
  isConstant: boolean;
}

/** Mean, population standard deviation, population skewness (m3 / m2^1.5, 0 when constant), minimum. */
function describeColumn(
  values: Float64Array,
  rowCount: number,
  dimension: number,
  column: number,
): ColumnDescription {
  let sum = 0;
  let minimum = Number.POSITIVE_INFINITY;
  for (let index = column; index < values.length; index += dimension) {
    const value = values[index] as number;
    sum += value;
    if (value < minimum) minimum = value;
  }
  const mean = sum / rowCount;
  let secondMoment = 0;
  let thirdMoment = 0;
  for (let index = column; index < values.length; index += dimension) {
    const deviation = (values[index] as number) - mean;
    const squared = deviation * deviation;
    secondMoment += squared;
    thirdMoment += squared * deviation;
  }
  secondMoment /= rowCount;
  thirdMoment /= rowCount;
  const standardDeviation = Math.sqrt(secondMoment);
  const isConstant = standardDeviation <= 1e-12 * (Math.abs(mean) + 1);
  const skewness = isConstant ? 0 : thirdMoment / secondMoment ** 1.5;
  return { mean, standardDeviation, skewness, minimum, isConstant };
}
