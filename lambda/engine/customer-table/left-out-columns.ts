/**
 * The columns not clustered and why: empty, more than half empty, constant or text, or beyond the most clustered;
 * the notes that say so, and the error when no column is left.
 */
import { listQuotedNames } from '../input/message-text.ts';
import type { ColumnProfile } from './column-profile.ts';
import { SPREAD_BINS } from './feature-spread.ts';
import { ColumnError } from '../../errors/input-errors.ts';

/** A column with more missing values than this share is not informative enough to cluster on. */
const MAX_MISSING_SHARE = 0.5;

export type LeftOut = 'empty' | 'mostlyEmpty' | 'constant' | 'text';

const LEFT_OUT_WORDS: Record<LeftOut, string> = {
  empty: 'empty',
  mostlyEmpty: 'more than half empty',
  constant: 'constant',
  text: 'text',
};

/** Why the column is not informative enough to cluster on, or undefined when it is. */
export function reasonToLeaveOut(profile: ColumnProfile): LeftOut | undefined {
  if (profile.kind === 'empty') return 'empty';
  if (profile.kind === 'text') return 'text';
  if (profile.missing > MAX_MISSING_SHARE * profile.values.length) return 'mostlyEmpty';
  if (profile.constant) return 'constant';
  return undefined;
}

/** The notes on the columns left out, and on those beyond the `limit` of largest spread. */
export function leftOutNotes(
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
export function noFeatureError(leftOut: Record<LeftOut, string[]>, sourceName: string): ColumnError {
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
  return new ColumnError(`${sourceName}: no column to cluster on: ${what}`, { file: sourceName });
}

function columnCount(count: number): string {
  return `${count.toLocaleString('en-US')} column${count === 1 ? '' : 's'}`;
}
