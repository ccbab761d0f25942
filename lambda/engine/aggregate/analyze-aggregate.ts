/**
 * The analysis of a transaction log aggregated by an SQL engine (issue 16): the orders the aggregation's `orders`
 * query returns (aggregate-sql.ts) make the same customer ledger the engine makes reading the lines, so everything
 * after the reading (RFM, segments, KPIs, the value models, trends, K-means) runs unchanged on it. An order is its
 * first moment and its amount; its last moment, when later, moves its customer's last purchase as a line would.
 * What the lines were (their encoding, the first line of each rejection) stayed with the SQL engine: the analysis
 * says which one aggregated them (`input.aggregatedBy`).
 */
import { NO_CURRENCY } from '../input/currency-marks.ts';
import type { AnalysisResult, SqlEngine } from '../analysis/analysis-types.ts';
import { assembleAnalysis } from '../analysis/assemble-analysis.ts';
import { type AnalyzeOptions, resolveAnalyzeOptions } from '../analysis/analyze-options.ts';
import { REJECTION_REASONS, type RejectionReason } from '../analysis/rejection-reasons.ts';
import type { DecimalMark } from '../input/number-parsing.ts';
import { parseAsOf, resolveAsOfDay } from '../shared-steps/as-of-day.ts';
import { analyzeLedgerRead } from '../transactions/analyze-transactions.ts';
import { CustomerLedger } from '../transactions/customer-ledger.ts';
import { InputError } from '../../errors/input-errors.ts';

/** One order as the aggregation returns it. */
export interface AggregatedOrder {
  customer: string;
  orderKey: string;
  /** Its first and last lines' moments, as wall-clock milliseconds (the engine's). */
  firstMs: number;
  lastMs: number;
  amount: number;
}

/** A log as an SQL engine aggregated it. */
export interface AggregatedLog {
  engine: SqlEngine;
  /** The header of each role. */
  columns: Record<string, string>;
  delimiter: string;
  decimalMark: DecimalMark;
  rowsRead: number;
  rejections: Partial<Record<RejectionReason, number>>;
  /**
   * In memory (DuckDB's rows), or streamed in batches (a result file read as it arrives): the ledger is then the only
   * copy kept.
   */
  orders: Iterable<AggregatedOrder> | AsyncIterable<readonly AggregatedOrder[]>;
}

/** Analyses the aggregated log as analyzeCsv analyses the file. */
export async function analyzeAggregatedLog(
  log: AggregatedLog,
  options: AnalyzeOptions,
): Promise<AnalysisResult> {
  const resolved = resolveAnalyzeOptions(options);
  const ledger = new CustomerLedger();
  const add = (order: AggregatedOrder) => {
    ledger.add(order.customer, order.orderKey, order.firstMs, order.amount);
    if (order.lastMs > order.firstMs) ledger.add(order.customer, order.orderKey, order.lastMs, 0);
  };
  if (Symbol.iterator in log.orders) for (const order of log.orders) add(order);
  else for await (const batch of log.orders) for (const order of batch) add(order);
  const rowsRejected = Object.fromEntries(
    REJECTION_REASONS.map((reason) => [reason, log.rejections[reason] ?? 0]),
  ) as Record<RejectionReason, number>;
  const rejected = Object.values(rowsRejected).reduce((sum, lines) => sum + lines, 0);
  const rowsUsed = log.rowsRead - rejected;
  if (rowsUsed <= 0) {
    throw new InputError(`${resolved.sourceName}: no usable transaction line (${log.engine})`, {
      file: resolved.sourceName,
    });
  }
  const asOfMs = parseAsOf(resolved.asOf);
  const asOfDay = resolveAsOfDay(asOfMs, ledger.period.lastMs, resolved.now.getTime());
  const read = {
    ledger,
    rowsRead: log.rowsRead,
    rowsUsed,
    rowsRejected,
    decimalMark: log.decimalMark,
    dateOrder: resolved.dateOrder,
    currency: { ...NO_CURRENCY, otherLines: {} },
    firstRejectedLine: {},
  };
  const result = analyzeLedgerRead(read, asOfDay, log.columns, resolved);
  // The SQL engine read the file as UTF-8 and replaced nothing it could not decode that it tells of.
  return assembleAnalysis(
    resolved,
    {
      shape: 'transactions',
      encoding: 'utf-8',
      delimiter: log.delimiter,
      undecodableCharacters: 0,
      aggregatedBy: log.engine,
    },
    result,
  );
}
