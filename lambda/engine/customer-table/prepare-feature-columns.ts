/**
 * A customer-table column made ready for K-means: dates as whole days before the as-of day, missing values set to
 * the median, and a name unique among the features.
 */
import { MS_PER_DAY } from '../input/date-parsing.ts';
import type { ColumnProfile } from './column-profile.ts';

/** A column prepared for clustering: finite values, missing ones set to the median. */
export interface FeatureColumn {
  /** Unique among the features: a repeated or blank header name gets its column number. */
  name: string;
  /** The header column it comes from. */
  source: string;
  values: Float64Array;
  imputed: number;
}

/** The columns as clustered, in the order given. */
export function prepareFeatures(
  profiles: readonly ColumnProfile[],
  columns: readonly number[],
  asOfMs: number,
) {
  const taken = new Set<string>();
  return columns.map((column): FeatureColumn => {
    const profile = profiles[column] as ColumnProfile;
    const values = new Float64Array(profile.values.length);
    const imputed = prepareValues(profile, asOfMs, values);
    const wanted = profile.kind === 'date' ? `${profile.name}_days_since` : profile.name;
    const name =
      profile.name.trim() === ''
        ? `column ${column + 1}`
        : taken.has(wanted)
          ? `${wanted} (column ${column + 1})`
          : wanted;
    taken.add(name);
    return { name, source: profile.name, values, imputed };
  });
}

/**
 * Writes the column as clustered into `target`: dates as whole days before the as-of day, missing values set to
 * the median of the others unless `fillMissing` is false (they stay NaN). Returns how many were set.
 */
export function prepareValues(
  profile: ColumnProfile,
  asOfMs: number,
  target: Float64Array,
  fillMissing = true,
): number {
  if (profile.kind === 'date') {
    profile.values.forEach((ms, row) => (target[row] = Math.floor((asOfMs - ms) / MS_PER_DAY)));
  } else target.set(profile.values);
  return fillMissing ? fillMissingWithMedian(target) : 0;
}

/** Replaces NaN by the median of the finite values, in place; returns how many were replaced. */
function fillMissingWithMedian(values: Float64Array): number {
  let missing = 0;
  for (const value of values) if (!Number.isFinite(value)) missing++;
  if (missing === 0) return 0;
  const finite = values.filter(Number.isFinite).sort();
  const median =
    finite.length === 0
      ? 0
      : ((finite[(finite.length - 1) >> 1] ?? 0) + (finite[finite.length >> 1] ?? 0)) / 2;
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) values[index] = median;
  });
  return missing;
}
