import { MS_PER_DAY } from '../input/date-parsing.ts';
import { listNames, listQuotedNames, quoteName } from '../input/message-text.ts';
import type { ColumnProfile } from './column-profile.ts';
import type { CustomerTableRoles } from './customer-table-columns.ts';
import { featureSpread, SPREAD_BINS } from './feature-spread.ts';
import { ColumnError } from '../../errors/input-errors.ts';

/** A column prepared for clustering: finite values, missing ones set to the median. */
export interface FeatureColumn {
  /** Unique among the features: a repeated or blank header name gets its column number. */
  name: string;
  /** The header column it comes from. */
  source: string;
  values: Float64Array;
  imputed: number;
}

/** The features, and what the analysis notes say of the columns left out. */
export interface FeatureChoice {
  features: FeatureColumn[];
  notes: string[];
}

/**
 * The most columns clustered: past 50, distances between customers say little more, and K-means' cost grows with
 * each (a 10,000-column table would take minutes). The 50 with the largest spread are kept (feature-spread.ts).
 */
export const MAX_CLUSTERED_FEATURES = 50;

/**
 * The most feature values clustered, customers x features: 10 million (80 MB, copied a few times on the way to
 * K-means and into each customer's row). 200,000 customers or fewer get 50 features; 1,000,000 get 10.
 */
export const MAX_FEATURE_VALUES = 10_000_000;

/** How many features a table of `rows` customers may have clustered: 1 to 50. */
export function maxFeaturesFor(rows: number): number {
  return Math.max(1, Math.min(MAX_CLUSTERED_FEATURES, Math.floor(MAX_FEATURE_VALUES / Math.max(1, rows))));
}

/** A column with more missing values than this share is not informative enough to cluster on. */
const MAX_MISSING_SHARE = 0.5;

type LeftOut = 'empty' | 'mostlyEmpty' | 'constant' | 'text';

const LEFT_OUT_WORDS: Record<LeftOut, string> = {
  empty: 'empty',
  mostlyEmpty: 'more than half empty',
  constant: 'constant',
  text: 'text',
};

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

function reasonToLeaveOut(profile: ColumnProfile): LeftOut | undefined {
  if (profile.kind === 'empty') return 'empty';
  if (profile.kind === 'text') return 'text';
  if (profile.missing > MAX_MISSING_SHARE * profile.values.length) return 'mostlyEmpty';
  if (profile.constant) return 'constant';
  return undefined;
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

function prepareFeatures(profiles: readonly ColumnProfile[], columns: readonly number[], asOfMs: number) {
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
 * the median of the others. Returns how many were set.
 */
function prepareValues(profile: ColumnProfile, asOfMs: number, target: Float64Array): number {
  if (profile.kind === 'date') {
    profile.values.forEach((ms, row) => (target[row] = Math.floor((asOfMs - ms) / MS_PER_DAY)));
  } else target.set(profile.values);
  return fillMissingWithMedian(target);
}

/** The columns given with --features: each once, at most maxFeaturesFor(rows), none text or empty. */
function chosenColumns(profiles: readonly ColumnProfile[], chosen: readonly string[], sourceName: string) {
  const names = [...new Set(chosen.map((name) => name.trim()))];
  const rows = profiles.reduce((most, profile) => Math.max(most, profile.values.length), 0);
  const limit = maxFeaturesFor(rows);
  if (names.length > limit) {
    throw new ColumnError(
      `${sourceName}: --features: ${names.length} columns given, at most ${limit} are clustered` +
        (limit < MAX_CLUSTERED_FEATURES ? ` for ${rows.toLocaleString('en-US')} customers` : ''),
    );
  }
  return names.map((name) => {
    const column = profiles.findIndex((candidate) => candidate.name.trim() === name);
    const profile = profiles[column];
    if (!profile) {
      throw new ColumnError(
        `${sourceName}: --features: no column ${quoteName(name)} (columns: ${listNames(profiles.map((p) => p.name))})`,
      );
    }
    if (profile.kind === 'text' || profile.kind === 'empty') {
      const what = profile.kind === 'empty' ? 'is empty' : 'is not numeric';
      throw new ColumnError(`${sourceName}: --features: column ${quoteName(name)} ${what}`);
    }
    return column;
  });
}

function leftOutNotes(
  leftOut: Record<LeftOut, string[]>,
  beyond: readonly string[],
  limit: number,
): string[] {
  const notes = (['constant', 'empty', 'mostlyEmpty'] as const)
    .filter((reason) => leftOut[reason].length > 0)
    .map((reason) => {
      const names = leftOut[reason];
      const count = names.length.toLocaleString('en-US');
      const columns = names.length === 1 ? 'column' : 'columns';
      // "2 constant columns", "3 columns more than half empty"
      const what =
        reason === 'mostlyEmpty'
          ? `${count} ${columns} ${LEFT_OUT_WORDS[reason]}`
          : `${count} ${LEFT_OUT_WORDS[reason]} ${columns}`;
      return `${what} not clustered: ${listQuotedNames(names)}`;
    });
  if (beyond.length > 0) {
    notes.push(
      `${columnCount(beyond.length)} not clustered beyond the ${limit} of largest spread ` +
        `(entropy of their values in ${SPREAD_BINS} bins): ${listQuotedNames(beyond)}`,
    );
  }
  return notes;
}

/** No column is left to cluster on: says what the columns are, besides the id and the response. */
function noFeatureError(leftOut: Record<LeftOut, string[]>, sourceName: string): ColumnError {
  const reasons = (['constant', 'empty', 'mostlyEmpty', 'text'] as const).filter(
    (reason) => leftOut[reason].length > 0,
  );
  const what =
    reasons.length === 0
      ? 'it has no column besides the customer id and the response'
      : reasons
          .map((reason) => {
            const names = leftOut[reason];
            return `${names.length.toLocaleString('en-US')} ${LEFT_OUT_WORDS[reason]} (${listQuotedNames(names, 1)})`;
          })
          .join(', ');
  return new ColumnError(`${sourceName}: no column to cluster on: ${what}`);
}

function columnCount(count: number): string {
  return `${count.toLocaleString('en-US')} column${count === 1 ? '' : 's'}`;
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
