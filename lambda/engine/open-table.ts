/**
 * The front every reading of a CSV shares: the byte stream decoded (text-source.ts), Excel's `sep=` line, the
 * dialect, the header line (at most MAX_COLUMNS), the column roles and the shape (transaction log or customer
 * table), and the records after the header still to be read.
 */
import type { InputShape } from './analysis/analysis-types.ts';
import type { ResolvedAnalyzeOptions } from './analysis/analyze-options.ts';
import { findTransactionColumns, type TransactionColumns } from './input/column-roles.ts';
import { type CsvDialect, detectDialect } from './input/csv-dialect.ts';
import { listNames } from './input/message-text.ts';
import {
  isBlankRecord,
  type RecordBatch,
  readTableBatches,
  recordsOf,
  type TableBatch,
} from './input/record-reader.ts';
import { readSeparatorLine, skipCharacters } from './input/separator-line.ts';
import { openTextSource, type TextSource } from './input/text-source.ts';
import { ColumnError, MalformedFileError } from '../errors/input-errors.ts';

/**
 * The most columns read: 16,384, Excel's own limit (column XFD). A wider header is refused before any line under
 * it is read; a header line longer than 1 MiB is refused sooner still (record-reader.ts).
 */
export const MAX_COLUMNS = 16_384;

/** An opened file: what was found before its first data line, and the records after it. */
export interface OpenTable {
  readonly sourceName: string;
  readonly source: TextSource;
  readonly dialect: CsvDialect;
  readonly header: string[];
  /** The column roles found in the header (or mapped by the options). */
  readonly columns: Partial<TransactionColumns>;
  readonly shape: InputShape;
  /** The field delimiter as a character (a space for whitespace-separated files). */
  readonly delimiter: string;
  /** Parts of text and records with fast splitting (input/record-splitters.ts); `recordBatches` gives records. */
  readonly rest: AsyncIterable<TableBatch>;
}

/** Opens `bytes` up to its header; throws an InputError naming the file when it cannot be read as a table. */
export async function openTable(
  bytes: AsyncIterable<Uint8Array>,
  options: Pick<
    ResolvedAnalyzeOptions,
    'sourceName' | 'mapping' | 'shape' | 'recordSplitting' | 'purchaseDiversity'
  >,
): Promise<OpenTable> {
  const { sourceName } = options;
  const source = await openTextSource(bytes, sourceName);
  // Excel's `sep=;` line says the delimiter; the header is on the next line.
  const separator = readSeparatorLine(source.sample, sourceName);
  const skipped = separator?.length ?? 0;
  const dialect = detectDialect(source.sample.slice(skipped), sourceName, separator?.delimiter);
  const text = skipped > 0 ? skipCharacters(source.text, skipped) : source.text;
  const records = readTableBatches(text, dialect, sourceName, separator ? 2 : 1, options.recordSplitting);
  const { header, rest } = await takeHeader(records, sourceName);
  const found = findTransactionColumns(header, options.mapping, sourceName);
  const { product: _product, category: _category, ...orderRoles } = found;
  const columns = options.purchaseDiversity === true ? found : orderRoles;
  const shape = options.shape === 'auto' ? detectShape(columns) : options.shape;
  const delimiter = dialect.delimiter === 'whitespace' ? ' ' : dialect.delimiter;
  return { sourceName, source, dialect, header, columns, shape, delimiter, rest };
}

/** The table's columns as a transaction log's; throws a ColumnError naming what is missing. */
export function transactionColumnsOf(table: OpenTable): TransactionColumns {
  return requireTransactionColumns(table.columns, table.header, table.sourceName);
}

/**
 * A transaction log has a date and something of an order (an amount, a quantity, a price or an order id); a
 * customer table has none of those. A log whose other columns cannot be found is still a log, so the missing
 * column is named (rather than the file being read as a customer table).
 */
function detectShape(columns: Partial<TransactionColumns>): InputShape {
  const hasOrderFacts =
    columns.amount !== undefined ||
    columns.quantity !== undefined ||
    columns.price !== undefined ||
    columns.order !== undefined;
  return columns.date !== undefined && hasOrderFacts ? 'transactions' : 'customers';
}

function requireTransactionColumns(
  columns: Partial<TransactionColumns>,
  header: readonly string[],
  sourceName: string,
): TransactionColumns {
  const missing: string[] = [];
  if (columns.customer === undefined) missing.push('customer');
  if (columns.date === undefined) missing.push('date');
  if (columns.amount === undefined && (columns.quantity === undefined || columns.price === undefined)) {
    missing.push('amount (or quantity and price)');
  }
  if (columns.customer === undefined || columns.date === undefined || missing.length > 0) {
    throw new ColumnError(
      `${sourceName}: missing required column ${missing.join(', ')} (header: ${listNames(header)})`,
      { option: 'map' },
    );
  }
  return { ...columns, customer: columns.customer, date: columns.date };
}

async function takeHeader(
  batches: AsyncGenerator<TableBatch>,
  sourceName: string,
): Promise<{ header: string[]; rest: AsyncIterable<TableBatch> }> {
  for (;;) {
    const next = await batches.next();
    if (next.done) throw new MalformedFileError(`${sourceName}: the file is empty`);
    const records = recordsOf(next.value);
    const index = records.findIndex((record) => !isBlankRecord(record));
    if (index < 0) continue;
    const names = records[index] ?? [];
    if (names.length > MAX_COLUMNS) {
      throw new MalformedFileError(
        `${sourceName}: line ${next.value.firstLine + index}: ${names.length.toLocaleString('en-US')} columns, ` +
          `more than the ${MAX_COLUMNS.toLocaleString('en-US')} read`,
      );
    }
    const header = names.map((name) => name.trim());
    const remaining: RecordBatch = {
      records: records.slice(index + 1),
      firstLine: next.value.firstLine + index + 1,
    };
    return { header, rest: prependBatch(remaining, batches) };
  }
}

async function* prependBatch(
  first: RecordBatch,
  rest: AsyncGenerator<TableBatch>,
): AsyncGenerator<TableBatch> {
  yield first;
  yield* rest;
}
