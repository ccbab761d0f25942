/**
 * A customer's raw features in a fitted preparation's standardised space (log1p when the feature was logged, then
 * the z-score), as prepare-features.ts computed them at the fit: what the saved segmentation and the prospect model
 * score a new row with. A value that is missing, not a number or out of log1p's domain is unusable: it takes the
 * feature's fill value and is counted.
 */
import type { FeatureTable, PreparedFeature } from './clustering-types.ts';

/** A raw value in the feature's standardised space (NaN when unusable). */
export function standardisedValue(feature: PreparedFeature, value: number): number {
  const transformed = feature.logTransformed ? Math.log1p(value) : value;
  return (transformed - feature.mean) / feature.standardDeviation;
}

/**
 * Writes row `row` of `table` (whose columns are `features`, in order) into `point`, standardised; an unusable
 * value takes `fills[column]` (already standardised) and adds one to `missing[column]`.
 */
export function standardiseRow(
  features: readonly PreparedFeature[],
  table: FeatureTable,
  row: number,
  fills: ArrayLike<number>,
  point: Float64Array,
  missing: Int32Array,
): void {
  const dimension = features.length;
  for (let column = 0; column < dimension; column++) {
    const standardised = standardisedValue(
      features[column] as PreparedFeature,
      table.values[row * dimension + column] as number,
    );
    if (Number.isFinite(standardised)) point[column] = standardised;
    else {
      missing[column] = (missing[column] as number) + 1;
      point[column] = fills[column] as number;
    }
  }
}
