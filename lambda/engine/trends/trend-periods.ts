/**
 * The periods of a file's own history: calendar months from the first order's month to the month of the last day
 * before the as-of day, or weeks (Monday to Sunday) when the file spans less than four months, where a monthly
 * series would have too few points to read. Days are the day numbers the orders carry (whole days since 1970 of
 * the file's own calendar).
 */
import { MS_PER_DAY, formatIsoDay } from '../input/date-parsing.ts';

export type TrendUnit = 'month' | 'week';

/** One period, as the analysis writes it. */
export interface TrendPeriod {
  /** Its first day, YYYY-MM-DD. */
  start: string;
  /** The day after the last one counted, YYYY-MM-DD: the period's own end, or the as-of day for a partial last one. */
  end: string;
  /** The as-of day falls inside the period: it is counted up to the as-of day only, not to its own end. */
  partial: boolean;
}

/** The periods as day numbers, and which period each day falls in. */
export interface PeriodGrid {
  readonly unit: TrendUnit;
  readonly count: number;
  /** First day of each period. */
  readonly starts: Int32Array;
  /** The day after the last counted day of each period: min(its own end, the as-of day). */
  readonly ends: Int32Array;
  readonly partial: Uint8Array;
  /** The period index of `day`, or -1 when it is before the first period or on or after the as-of day. */
  periodOf(day: number): number;
}

/** A file spanning fewer months than this, first order to as-of day, is read by weeks. */
export const WEEKLY_BELOW_MONTHS = 4;

/**
 * The periods from `firstDay`'s (the first order's) to the one holding `asOfDay - 1` (the last day an order can
 * fall on); `asOfDay` must be after `firstDay`.
 * @example periodGrid(dayOf('2011-01-15'), dayOf('2011-06-10')) // months: Jan..Jun 2011, June partial (ends Jun 10)
 */
export function periodGrid(firstDay: number, asOfDay: number): PeriodGrid {
  if (!(asOfDay > firstDay))
    throw new RangeError(`the as-of day ${asOfDay} must be after the first day ${firstDay}`);
  const unit: TrendUnit = asOfDay < addMonths(firstDay, WEEKLY_BELOW_MONTHS) ? 'week' : 'month';
  const startOf = unit === 'month' ? monthStart : weekStart;
  const next = unit === 'month' ? (day: number) => addMonths(day, 1) : (day: number) => day + 7;
  const starts: number[] = [];
  const ends: number[] = [];
  const partial: number[] = [];
  for (let start = startOf(firstDay); start < asOfDay; start = next(start)) {
    const ownEnd = next(start);
    starts.push(start);
    ends.push(Math.min(ownEnd, asOfDay));
    partial.push(ownEnd > asOfDay ? 1 : 0);
  }
  const first = starts[0] as number;
  // Which period each day falls in, from the first period's first day to the as-of day (one entry a day).
  const indexByDay = new Int32Array(asOfDay - first);
  for (let period = 0; period < starts.length; period++) {
    indexByDay.fill(period, (starts[period] as number) - first, (ends[period] as number) - first);
  }
  return {
    unit,
    count: starts.length,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    partial: Uint8Array.from(partial),
    periodOf: (day) => (day >= first && day < asOfDay ? (indexByDay[day - first] as number) : -1),
  };
}

/** The periods as the analysis writes them. */
export function trendPeriods(grid: PeriodGrid): TrendPeriod[] {
  return Array.from(grid.starts, (start, period) => ({
    start: isoDay(start),
    end: isoDay(grid.ends[period] as number),
    partial: grid.partial[period] === 1,
  }));
}

function isoDay(day: number): string {
  return formatIsoDay(day * MS_PER_DAY);
}

/** The first day of `day`'s calendar month. */
function monthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}

/** The same day of the month `months` later (Date.UTC carries an overflowing day into the next month). */
function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()) / MS_PER_DAY;
}

/** The Monday of `day`'s week (day 0, 1970-01-01, was a Thursday). */
function weekStart(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}
