import { ColumnError } from '../errors.ts';
import { MS_PER_DAY } from '../input/date-parsing.ts';
import type { ColumnProfile } from './column-profile.ts';
import type { CustomerTableRoles } from './customer-table-columns.ts';

/** A column prepared for clustering: finite values, missing ones set to the median. */
export interface FeatureColumn {
  name: string;
  /** The header column it comes from. */
  source: string;
  values: Float64Array;
  imputed: number;
}

/** A column with more missing values than this share is not informative enough to cluster on. */
const MAX_MISSING_SHARE = 0.5;

/**
 * The columns to cluster on: the chosen ones, or every informative numeric column: not the id, not the campaign
 * response (an outcome to explain, not a trait), not constant, not mostly missing. Date columns become "days
 * since" the as-of day (a sign-up date means tenure). Text columns are left out.
 */
export function chooseFeatures(
  profiles: readonly ColumnProfile[],
  roles: CustomerTableRoles,
  chosen: readonly string[] | undefined,
  asOfMs: number,
  sourceName: string,
): FeatureColumn[] {
  const candidates = chosen
    ? chosen.map((name) => chosenProfile(profiles, name, sourceName))
    : profiles.filter(
        (profile, column) =>
          column !== roles.id &&
          column !== roles.response &&
          profile.kind !== 'text' &&
          profile.distinct > 1 &&
          profile.missing <= MAX_MISSING_SHARE * profile.values.length,
      );
  return candidates.map((profile) => {
    const isDate = profile.kind === 'date';
    const values = isDate
      ? profile.values.map((ms) => Math.floor((asOfMs - ms) / MS_PER_DAY))
      : Float64Array.from(profile.values);
    const imputed = fillMissingWithMedian(values);
    return {
      name: isDate ? `${profile.name}_days_since` : profile.name,
      source: profile.name,
      values,
      imputed,
    };
  });
}

function chosenProfile(profiles: readonly ColumnProfile[], name: string, sourceName: string): ColumnProfile {
  const profile = profiles.find((candidate) => candidate.name.trim() === name.trim());
  if (!profile) {
    throw new ColumnError(
      `${sourceName}: --features: no column "${name}" (columns: ${profiles.map((p) => p.name).join(', ')})`,
    );
  }
  if (profile.kind === 'text')
    throw new ColumnError(`${sourceName}: --features: column "${name}" is not numeric`);
  return profile;
}

/** Replaces NaN by the median of the finite values, in place; returns how many were replaced. */
function fillMissingWithMedian(values: Float64Array): number {
  const finite = values.filter(Number.isFinite).sort();
  const median =
    finite.length === 0
      ? 0
      : ((finite[(finite.length - 1) >> 1] ?? 0) + (finite[finite.length >> 1] ?? 0)) / 2;
  let replaced = 0;
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      values[index] = median;
      replaced++;
    }
  });
  return replaced;
}
