/**
 * The as-of day both pipelines measure recency to: the day given with `--as-of`, else the day after the latest
 * purchase or date in the input, else the day of the analysis. Days are whole UTC days since 1970.
 */
import { MS_PER_DAY, parseIsoDay, type WallClockMs } from '../input/date-parsing.ts';
import { InputError } from '../../errors/input-errors.ts';

/** The as-of day given (YYYY-MM-DD) as the moment its day starts; undefined when none is given. */
export function parseAsOf(asOf: string | undefined): WallClockMs | undefined {
  if (asOf === undefined) return undefined;
  const ms = parseIsoDay(asOf);
  if (Number.isNaN(ms)) {
    throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`, { option: 'asOf' });
  }
  return ms;
}

/**
 * The as-of day number: the given day's, else the day after `latestMs` when it is finite, else the day of `nowMs`
 * (a customer table without dates describes its customers as they are now).
 * @example resolveAsOfDay(undefined, Date.parse('2024-03-31T18:00Z'), 0) // 19814, 2024-04-01
 */
export function resolveAsOfDay(
  givenMs: WallClockMs | undefined,
  latestMs: WallClockMs,
  nowMs: number,
): number {
  if (givenMs !== undefined) return Math.floor(givenMs / MS_PER_DAY);
  if (Number.isFinite(latestMs)) return Math.floor(latestMs / MS_PER_DAY) + 1;
  return Math.floor(nowMs / MS_PER_DAY);
}
