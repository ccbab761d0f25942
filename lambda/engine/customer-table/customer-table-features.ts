/**
 * The columns of a customer table K-means clusters on: those given with `--features`, or every informative
 * numeric column, the most spread when there are more than the clustering takes.
 */
import type { ColumnProfile } from './column-profile.ts';
import { chosenColumns } from './chosen-features.ts';
import type { CustomerTableRoles } from './customer-table-columns.ts';
import { maxFeaturesFor } from './feature-limits.ts';
import { featureSpread } from './feature-spread.ts';
import { type LeftOut, leftOutNotes, noFeatureError, reasonToLeaveOut } from './left-out-columns.ts';
import { type FeatureColumn, prepareFeatures, prepareValues } from './prepare-feature-columns.ts';

/** The features, and what the analysis notes say of the columns left out. */
export interface FeatureChoice {
  features: FeatureColumn[];
  notes: string[];
}

/**
 * The columns to cluster on: the chosen ones, or every informative numeric column: not the id, not the campaign
 * response (an outcome to explain, not a trait), not text, not empty or more than half empty, not constant; the
 * 50 (fewer past 200,000 customers: maxFeaturesFor) of largest spread when there are more. Date columns become
 * "days since" the as-of day (a sign-up date means tenure). Throws when no column is left, saying why.
 */
export function chooseFeatures(
  profiles: readonly ColumnProfile[],
  roles: CustomerTableRoles,
  chosen: readonly string[] | undefined,
  asOfMs: number,
  sourceName: string,
): FeatureChoice {
  if (chosen) {
    const columns = chosenColumns(profiles, chosen, sourceName);
    return { features: prepareFeatures(profiles, columns, asOfMs), notes: [] };
  }
  const leftOut: Record<LeftOut, string[]> = { empty: [], mostlyEmpty: [], constant: [], text: [] };
  const candidates: number[] = [];
  profiles.forEach((profile, column) => {
    if (column === roles.id || column === roles.response) return;
    const reason = reasonToLeaveOut(profile);
    if (reason === undefined) candidates.push(column);
    else leftOut[reason].push(profile.name);
  });
  if (candidates.length === 0) throw noFeatureError(leftOut, sourceName);
  const rows = profiles[candidates[0] ?? 0]?.values.length ?? 0;
  const limit = maxFeaturesFor(rows);
  const kept = candidates.length > limit ? mostSpread(profiles, candidates, limit, asOfMs) : candidates;
  const beyond = candidates
    .filter((column) => !kept.includes(column))
    .map((column) => profiles[column]?.name ?? '');
  return { features: prepareFeatures(profiles, kept, asOfMs), notes: leftOutNotes(leftOut, beyond, limit) };
}

/** The `limit` candidates of largest spread (ties: the leftmost), in column order. */
function mostSpread(
  profiles: readonly ColumnProfile[],
  candidates: readonly number[],
  limit: number,
  asOfMs: number,
): number[] {
  const scratch = new Float64Array(profiles[candidates[0] ?? 0]?.values.length ?? 0);
  const spreads = candidates.map((column) => {
    prepareValues(profiles[column] as ColumnProfile, asOfMs, scratch);
    return { column, spread: featureSpread(scratch) };
  });
  spreads.sort((a, b) => b.spread - a.spread || a.column - b.column);
  return spreads
    .slice(0, limit)
    .map(({ column }) => column)
    .sort((a, b) => a - b);
}
