/**
 * The front of a transaction log's analysis: its lines read through the cleaning rules into the ledger, and the
 * as-of day; an InputError when no line is usable. Shared by analyzeTransactions and readOrderColumns
 * (../read-order-columns.ts).
 */
import { InputError } from '../../errors/input-errors.ts';
import type { ResolvedAnalyzeOptions } from '../analysis/analyze-options.ts';
import { REJECTION_REASONS } from '../analysis/rejection-reasons.ts';
import { parseAsOf, resolveAsOfDay } from '../shared-steps/as-of-day.ts';
import type { TransactionColumns } from '../input/column-roles.ts';
import type { TableBatch } from '../input/record-reader.ts';
import { readTransactions, type TransactionReadResult } from './read-transactions.ts';

/** A transaction log as read so far: its header, each role's column, its delimiter and its records to come. */
export interface TransactionInput {
  header: readonly string[];
  columns: TransactionColumns;
  delimiter: string;
  batches: AsyncIterable<TableBatch>;
}

/**
 * The log read through the cleaning rules into its ledger, and the as-of day; throws an InputError when no line
 * is usable. The front both analyzeTransactions and readOrderColumns (../read-order-columns.ts) share.
 */
export async function readLedger(
  input: TransactionInput,
  options: ResolvedAnalyzeOptions,
): Promise<{ read: TransactionReadResult; asOfDay: number }> {
  const asOfMs = parseAsOf(options.asOf);
  const read = await readTransactions(input.batches, {
    sourceName: options.sourceName,
    header: input.header,
    columns: input.columns,
    delimiter: input.delimiter,
    nowMs: options.now.getTime(),
    asOfMs,
    dateOrder: options.dateOrder,
    decimalMark: options.decimalMark,
    onProgress: options.onProgress,
  });
  if (read.rowsUsed === 0) throw noUsableLine(read, options.sourceName);
  return { read, asOfDay: resolveAsOfDay(asOfMs, read.ledger.period.lastMs, options.now.getTime()) };
}

/** No line was used: says how many lines each reason rejected, and where the first of each was. */
function noUsableLine(read: TransactionReadResult, sourceName: string): InputError {
  const reasons = REJECTION_REASONS.filter((reason) => read.rowsRejected[reason] > 0)
    .map(
      (reason) => `${read.rowsRejected[reason]} ${reason} (first at line ${read.firstRejectedLine[reason]})`,
    )
    .join(', ');
  return new InputError(`${sourceName}: no usable transaction line: ${reasons}`, { file: sourceName });
}
