import type { DateOrder } from '../input/date-parsing.ts';
import type { DecimalMark } from '../input/number-parsing.ts';
import { ColumnReader } from './column-reader.ts';

/** What a customer-table column holds, judged from all its values; `empty` when no cell holds anything. */
export type ColumnKind = 'numeric' | 'date' | 'text' | 'empty';

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  /**
   * Numeric value per row (date columns: wall-clock ms; NaN where empty, unreadable or implausible). Empty for text
   * and empty columns, which have no values to keep.
   */
  values: Float64Array;
  /** Rows without a value of the column's kind. */
  missing: number;
  /** Fewer than two different values (numeric and date columns). */
  constant: boolean;
  /** Numbers beyond ±MAX_PLAUSIBLE_TABLE_VALUE, read as missing. */
  implausible: number;
}

/** Profiles one column from all its cells at once (the table reader streams them into a ColumnReader instead). */
export function profileColumn(
  name: string,
  cells: readonly string[],
  decimalMark: DecimalMark,
  dateOrder: DateOrder | undefined,
  sourceName: string,
): ColumnProfile {
  const reader = new ColumnReader(name, decimalMark);
  for (const cell of cells) reader.add(cell);
  return reader.finish(dateOrder, sourceName);
}
