/**
 * The engine's entry: opens a CSV byte stream, finds its dialect and header, chooses the pipeline for its shape
 * (transactions/ or customer-table/), and adds to the pipeline's result what it knows of the file itself.
 */
import type { AnalysisResult, InputShape, ShapeAnalysis } from './analysis/analysis-types.ts';
import { type AnalyzeOptions, resolveAnalyzeOptions } from './analysis/analyze-options.ts';
import { analyzeTransactions } from './transactions/analyze-transactions.ts';
import { analyzeCustomerTable } from './customer-table/analyze-customer-table.ts';
import { findTransactionColumns, type TransactionColumns } from './input/column-roles.ts';
import { detectDialect } from './input/csv-dialect.ts';
import { listNames } from './input/message-text.ts';
import { isBlankRecord, type RecordBatch, readRecords } from './input/record-reader.ts';
import { readSeparatorLine, skipCharacters } from './input/separator-line.ts';
import { openTextSource } from './input/text-source.ts';
import { ColumnError, MalformedFileError } from '../errors/input-errors.ts';

/**
 * The most columns read: 16,384, Excel's own limit (column XFD). A wider header is refused before any line under
 * it is read; a header line longer than 1 MiB is refused sooner still (record-reader.ts).
 */
export const MAX_COLUMNS = 16_384;

/**
 * Analyses one CSV file streamed as bytes (.csv or .csv.gz, any supported encoding and dialect): detects its
 * shape, cleans it, scores RFM, clusters and computes the KPIs. Throws an InputError subclass when the file or
 * the options are wrong, with a message naming the file and the line or column.
 */
export async function analyzeCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions,
): Promise<AnalysisResult> {
  const resolved = resolveAnalyzeOptions(options);
  const { sourceName } = resolved;
  const source = await openTextSource(bytes, sourceName);
  // Excel's `sep=;` line says the delimiter; the header is on the next line.
  const separator = readSeparatorLine(source.sample, sourceName);
  const skipped = separator?.length ?? 0;
  const dialect = detectDialect(source.sample.slice(skipped), sourceName, separator?.delimiter);
  const text = skipped > 0 ? skipCharacters(source.text, skipped) : source.text;
  const records = readRecords(text, dialect, sourceName, separator ? 2 : 1);
  const { header, rest } = await takeHeader(records, sourceName);
  const columns = findTransactionColumns(header, resolved.mapping, sourceName);
  const shape = resolved.shape === 'auto' ? detectShape(columns) : resolved.shape;
  const delimiter = dialect.delimiter === 'whitespace' ? ' ' : dialect.delimiter;
  let result: ShapeAnalysis;
  if (shape === 'transactions') {
    const complete = requireTransactionColumns(columns, header, sourceName);
    result = await analyzeTransactions({ header, columns: complete, delimiter, batches: rest }, resolved);
  } else {
    result = await analyzeCustomerTable({ header, delimiter, batches: rest }, resolved);
  }
  return {
    analysis: {
      schemaVersion: 1,
      generatedAt: resolved.now.toISOString(),
      activeWindowDays: resolved.activeWindowDays,
      input: {
        source: sourceName,
        shape,
        encoding: source.decoder.encoding,
        delimiter: dialect.delimiter === '\t' ? 'tab' : dialect.delimiter,
        ...result.input,
        undecodableCharacters: source.decoder.replacementCount,
      },
      ...result.body,
    },
    customers: result.customers,
  };
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
  batches: AsyncGenerator<RecordBatch>,
  sourceName: string,
): Promise<{ header: string[]; rest: AsyncIterable<RecordBatch> }> {
  for (;;) {
    const next = await batches.next();
    if (next.done) throw new MalformedFileError(`${sourceName}: the file is empty`);
    const index = next.value.records.findIndex((record) => !isBlankRecord(record));
    if (index < 0) continue;
    const names = next.value.records[index] ?? [];
    if (names.length > MAX_COLUMNS) {
      throw new MalformedFileError(
        `${sourceName}: line ${next.value.firstLine + index}: ${names.length.toLocaleString('en-US')} columns, ` +
          `more than the ${MAX_COLUMNS.toLocaleString('en-US')} read`,
      );
    }
    const header = names.map((name) => name.trim());
    const remaining: RecordBatch = {
      records: next.value.records.slice(index + 1),
      firstLine: next.value.firstLine + index + 1,
    };
    return { header, rest: prependBatch(remaining, batches) };
  }
}

async function* prependBatch(
  first: RecordBatch,
  rest: AsyncGenerator<RecordBatch>,
): AsyncGenerator<RecordBatch> {
  yield first;
  yield* rest;
}
