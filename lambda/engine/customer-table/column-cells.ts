/**
 * What one customer-table cell held, and how a column's cells become values once the column's kind is known: a
 * number, a date (a day-or-month date packed until the order is known), or nothing.
 */
import {
  type DateOrder,
  type DateReading,
  MS_PER_DAY,
  readDate,
  resolveDate,
} from '../input/date-parsing.ts';
import type { ColumnProfile } from './column-profile.ts';

/** What a cell held, kept beside its value until the whole column says what it is. */
export const CELL = { empty: 0, number: 1, implausible: 2, date: 3, dayOrMonth: 4, text: 5 } as const;
export type CellKind = (typeof CELL)[keyof typeof CELL];

/** Empty or only spaces; most cells start with a visible ASCII character, which settles it without trimming. */
export function isBlank(cell: string): boolean {
  const first = cell.charCodeAt(0);
  const visible = first > 0x20 && first < 0x7f;
  return !visible && cell.trim() === '';
}

export function numberOf(kind: number, value: number): number {
  return kind === CELL.number ? value : Number.NaN;
}

/** A date column's cell as wall-clock ms: a date, a day-or-month date in the column's order, or YYYYMMDD. */
export function dateOf(kind: number, value: number, order: DateOrder): number {
  if (kind === CELL.date) return value;
  if (kind === CELL.dayOrMonth) return resolveDate(unpackDayOrMonth(value), order);
  if (kind === CELL.number && Number.isInteger(value) && value >= 1e7 && value < 1e8) {
    return resolveDate(readDate(String(value)), order);
  }
  return Number.NaN;
}

export function describe(
  profile: Pick<ColumnProfile, 'name' | 'kind' | 'implausible'>,
  values: Float64Array,
): ColumnProfile {
  let present = 0;
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    present++;
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
  }
  return { ...profile, values, missing: values.length - present, constant: !(maximum > minimum) };
}

/**
 * A date read as `dd/mm/yyyy` or `mm/dd/yyyy` before the order is known, as one exact integer below 2^53: day and
 * month numbers are at most 31, the year at most 9999, the time of day under a day of milliseconds.
 */
export function packDayOrMonth(reading: Extract<DateReading, { kind: 'day-or-month' }>): number {
  return ((reading.first * 32 + reading.second) * 10_000 + reading.year) * MS_PER_DAY + reading.timeMs;
}

function unpackDayOrMonth(packed: number): DateReading {
  const timeMs = packed % MS_PER_DAY;
  const days = (packed - timeMs) / MS_PER_DAY;
  const year = days % 10_000;
  const numbers = (days - year) / 10_000;
  const second = numbers % 32;
  return { kind: 'day-or-month', first: (numbers - second) / 32, second, year, timeMs };
}
