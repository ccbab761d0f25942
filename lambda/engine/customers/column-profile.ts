import { DateOrderInference } from '../input/date-order-inference.ts';
import type { DateOrder, DateReading } from '../input/date-parsing.ts';
import { readDate, resolveDate } from '../input/date-parsing.ts';
import { type DecimalMark, parseDecimal } from '../input/number-parsing.ts';

/** What a customer-table column holds, judged from all its values. */
export type ColumnKind = 'numeric' | 'date' | 'text';

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  /** Numeric value per row (date columns: wall-clock ms; NaN where empty or unreadable). */
  values: Float64Array;
  missing: number;
  distinct: number;
}

/** Share of non-empty values that must parse for a column to count as numeric or as dates. */
const PARSE_SHARE = 0.95;

/** Profiles one column: numeric, date (day/month order inferred or given) or text. */
export function profileColumn(
  name: string,
  cells: readonly string[],
  decimalMark: DecimalMark,
  dateOrder: DateOrder | undefined,
  sourceName: string,
): ColumnProfile {
  const nonEmpty = cells.filter((cell) => cell.trim() !== '').length;
  const numbers = Float64Array.from(cells, (cell) =>
    cell.trim() === '' ? Number.NaN : parseDecimal(cell, decimalMark),
  );
  const numeric = countFinite(numbers);
  if (nonEmpty > 0 && numeric >= PARSE_SHARE * nonEmpty) {
    return {
      name,
      kind: 'numeric',
      values: numbers,
      missing: cells.length - numeric,
      distinct: countDistinct(numbers),
    };
  }
  const readings: DateReading[] = cells.map(readDate);
  const readable = readings.filter((reading) => reading.kind !== 'invalid').length;
  if (nonEmpty === 0 || readable < PARSE_SHARE * nonEmpty) {
    return {
      name,
      kind: 'text',
      values: numbers.fill(Number.NaN),
      missing: cells.length - nonEmpty,
      distinct: new Set(cells).size,
    };
  }
  const inference = new DateOrderInference(name, sourceName);
  readings.forEach((reading, index) => {
    inference.observe(reading, cells[index] ?? '');
  });
  const order = dateOrder ?? inference.order;
  const undecided = readings.findIndex((reading) => reading.kind === 'day-or-month');
  if (order === undefined && undecided >= 0) throw inference.ambiguityError(cells[undecided] ?? '');
  const dates = Float64Array.from(readings, (reading) => resolveDate(reading, order ?? 'dmy'));
  const resolved = countFinite(dates);
  return {
    name,
    kind: 'date',
    values: dates,
    missing: cells.length - resolved,
    distinct: countDistinct(dates),
  };
}

function countFinite(values: Float64Array): number {
  let count = 0;
  for (const value of values) if (Number.isFinite(value)) count++;
  return count;
}

function countDistinct(values: Float64Array): number {
  return new Set(values.filter(Number.isFinite)).size;
}
