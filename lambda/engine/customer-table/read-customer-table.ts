/** The streaming reader of a customer table's rows: one row per id kept, each cell handed to its column's reader. */
import type { CustomerTableRejection } from '../analysis/rejection-reasons.ts';
import type { DateOrder } from '../input/date-parsing.ts';
import { type DecimalMark, inferDecimalMark } from '../input/number-parsing.ts';
import { isBlankRecord, type RecordBatch } from '../input/record-reader.ts';
import { RejectionTally } from '../shared-steps/rejection-tally.ts';
import type { ColumnProfile } from './column-profile.ts';
import { ColumnReader } from './column-reader.ts';
import type { CustomerTableRoles } from './customer-table-columns.ts';
import { ColumnError, MalformedFileError } from '../../errors/input-errors.ts';

/**
 * The most values (rows x columns) a customer table may hold: 25 million, 200 MB as numbers (each value is kept
 * until the table is profiled). 2,000 customers x 10,000 columns fit, as do 1,000,000 customers x 25 columns; a
 * larger table is refused at the line that crosses the limit, before more is held.
 */
export const MAX_TABLE_VALUES = 25_000_000;

/** The decimal mark is inferred from the first rows kept: 2,000 of them, or fewer when 100,000 values are seen. */
const DECIMAL_SAMPLE_ROWS = 2_000;
const DECIMAL_SAMPLE_VALUES = 100_000;

export interface CustomerTableReadOptions {
  sourceName: string;
  /** The file's delimiter: with no evidence in the values, a `;` file is taken to use decimal commas. */
  delimiter: string;
  /** The decimal mark when given; inferred from the first rows otherwise. */
  decimalMark?: DecimalMark | undefined;
  dateOrder?: DateOrder | undefined;
  onProgress?: ((linesRead: number) => void) | undefined;
  /** The most values read (rows x columns); MAX_TABLE_VALUES unless a test says otherwise. */
  maxValues?: number | undefined;
}

export interface CustomerTable {
  /** One id per row kept, trimmed. */
  ids: string[];
  /** One profile per header column. */
  profiles: ColumnProfile[];
  decimalMark: DecimalMark;
  rowsRead: number;
  rejected: Partial<Record<CustomerTableRejection, number>>;
  firstRejectedLine: Partial<Record<CustomerTableRejection, number>>;
}

/**
 * Reads a customer table's rows (the header already taken) as they stream in: the first row of each id is kept,
 * the others rejected with a reason; each kept row's cells go to their column's reader, so no row is held as text.
 */
export async function readCustomerTable(
  header: readonly string[],
  batches: AsyncIterable<RecordBatch>,
  roles: CustomerTableRoles,
  options: CustomerTableReadOptions,
): Promise<CustomerTable> {
  const { sourceName } = options;
  const maxValues = options.maxValues ?? MAX_TABLE_VALUES;
  const tally = new RejectionTally<CustomerTableRejection>();
  const ids: string[] = [];
  const seen = new Set<string>();
  let held: string[][] = [];
  let heldValues = 0;
  let columns: { readers: ColumnReader[]; decimalMark: DecimalMark } | undefined;
  const startColumns = () => {
    const decimalMark = options.decimalMark ?? inferDecimalMark(cellsOf(held), options.delimiter);
    const readers = header.map((name) => new ColumnReader(name, decimalMark));
    for (const record of held) addRow(readers, record);
    held = [];
    return { readers, decimalMark };
  };
  let rowsRead = 0;
  for await (const batch of batches) {
    for (const [index, record] of batch.records.entries()) {
      if (isBlankRecord(record)) continue;
      rowsRead++;
      const line = batch.firstLine + index;
      const id = (record[roles.id] ?? '').trim();
      if (record.length !== header.length) tally.reject('wrongFieldCount', line);
      else if (id === '') tally.reject('missingCustomer', line);
      else if (seen.has(id)) tally.reject('duplicateCustomer', line);
      else {
        if ((ids.length + 1) * header.length > maxValues) throw tooManyValues(sourceName, line, maxValues);
        seen.add(id);
        ids.push(id);
        if (columns) addRow(columns.readers, record);
        else {
          held.push(record);
          heldValues += record.length;
          if (held.length >= DECIMAL_SAMPLE_ROWS || heldValues >= DECIMAL_SAMPLE_VALUES)
            columns = startColumns();
        }
      }
    }
    options.onProgress?.(rowsRead);
  }
  if (ids.length === 0)
    throw new ColumnError(`${sourceName}: the customer table has no usable row`, { file: sourceName });
  columns ??= startColumns();
  const profiles = columns.readers.map((reader) => reader.finish(options.dateOrder, sourceName));
  const { counts: rejected, firstLines: firstRejectedLine } = tally;
  return { ids, profiles, decimalMark: columns.decimalMark, rowsRead, rejected, firstRejectedLine };
}

function addRow(readers: readonly ColumnReader[], record: readonly string[]): void {
  readers.forEach((reader, column) => reader.add(record[column] ?? ''));
}

function* cellsOf(records: readonly string[][]): Generator<string> {
  for (const record of records) yield* record;
}

function tooManyValues(sourceName: string, line: number, maxValues: number): MalformedFileError {
  return new MalformedFileError(
    `${sourceName}: line ${line}: the customer table holds more than ${maxValues.toLocaleString('en-US')} ` +
      'values (rows x columns), the most read',
    { file: sourceName, line },
  );
}
