/**
 * A transaction log read the way analyzeCsv reads it (open-table.ts, then the cleaning rules into the ledger), down
 * to its ledger or to the distinct orders the value models take: for whoever needs the analysis's input without
 * the whole analysis (the value and purchase-diversity tests on real files, the benchmark of the fits).
 */
import { type AnalyzeOptions, resolveAnalyzeOptions } from './analysis/analyze-options.ts';
import { openTable, transactionColumnsOf } from './open-table.ts';
import { readLedger } from './transactions/read-ledger.ts';
import type { TransactionReadResult } from './transactions/read-transactions.ts';
import { renameToRows } from './transactions/ledger-value.ts';
import type { OrderColumns } from './value/purchase-summary.ts';
import { ColumnError } from '../errors/input-errors.ts';

/** A log's distinct orders, customers as rows in id order, with the customer count and the as-of day. */
export interface OrderColumnsOfFile {
  readonly orders: OrderColumns;
  readonly customerCount: number;
  /** The day (days since 1970-01-01) the analysis would take as its as-of day. */
  readonly asOfDay: number;
}

/**
 * A transaction log read through the cleaning rules into its ledger, and the as-of day: what analyzeCsv reads
 * before the analysis; an InputError for a file analyzeCsv would refuse or a customer table.
 */
export async function readLogLedger(
  bytes: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions,
): Promise<{ read: TransactionReadResult; asOfDay: number }> {
  const resolved = resolveAnalyzeOptions(options);
  const table = await openTable(bytes, resolved);
  if (table.shape !== 'transactions') {
    throw new ColumnError(`${resolved.sourceName}: a customer table has no orders to read`, {
      option: 'shape',
    });
  }
  const { header, delimiter, rest } = table;
  return readLedger({ header, columns: transactionColumnsOf(table), delimiter, batches: rest }, resolved);
}

/** The cleaned orders of a transaction log; an InputError for a file analyzeCsv would refuse or a customer table. */
export async function readOrderColumns(
  bytes: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions,
): Promise<OrderColumnsOfFile> {
  const { read, asOfDay } = await readLogLedger(bytes, options);
  const ledger = read.ledger.customersInIdOrder();
  return { orders: renameToRows(read.ledger.takeOrders(), ledger), customerCount: ledger.count, asOfDay };
}
