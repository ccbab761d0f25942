import type { ShapeAnalysis } from './analysis-types.ts';
import type { ResolvedAnalyzeOptions } from './analyze-options.ts';
import type { FeatureTable } from './clustering/clustering-types.ts';
import { customerRowsView } from './export/customer-columns.ts';
import type { TransactionColumns } from './input/column-roles.ts';
import { formatIsoDay, MS_PER_DAY, parseIsoDay } from './input/date-parsing.ts';
import type { RecordBatch } from './input/record-reader.ts';
import { computeBaseKpisFromColumns, computeRetentionFromOrders } from './kpis/base-kpis.ts';
import { type RfmMeasureColumns, scoreRfmColumns } from './rfm/score-rfm.ts';
import { clusterAndSummarizeColumns, summarizeSegmentColumns } from './summarize-groups.ts';
import type { LedgerCustomers } from './transactions/customer-ledger.ts';
import { readTransactions } from './transactions/read-transactions.ts';
import { REJECTION_REASONS } from './transactions/rejection-reasons.ts';
import { InputError } from '../errors/input-errors.ts';

export interface TransactionInput {
  header: readonly string[];
  columns: TransactionColumns;
  delimiter: string;
  batches: AsyncIterable<RecordBatch>;
}

const RFM_METHOD =
  'Quintiles of the mid-rank, ties kept together (5 = best); segment from R and FM = round((F + M) / 2)';

/** Analyses a transaction log: cleaning, per-customer RFM, segments, KPIs and K-means on R, F, M. */
export async function analyzeTransactions(
  input: TransactionInput,
  options: ResolvedAnalyzeOptions,
): Promise<ShapeAnalysis> {
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
  if (read.rowsUsed === 0) {
    const reasons = REJECTION_REASONS.filter((reason) => read.rowsRejected[reason] > 0)
      .map(
        (reason) =>
          `${read.rowsRejected[reason]} ${reason} (first at line ${read.firstRejectedLine[reason]})`,
      )
      .join(', ');
    throw new InputError(`${options.sourceName}: no usable transaction line: ${reasons}`);
  }
  const { firstMs, lastMs } = read.ledger.period;
  const asOfDay =
    asOfMs === undefined ? Math.floor(lastMs / MS_PER_DAY) + 1 : Math.floor(asOfMs / MS_PER_DAY);
  const ledgerCustomers = read.ledger.customersInIdOrder();
  const retentionRate = computeRetentionFromOrders(
    read.ledger.takeOrderDays(),
    ledgerCustomers.count,
    asOfDay,
    options.activeWindowDays,
  );
  const { body, customers } = analyzeLedger(ledgerCustomers, asOfDay, retentionRate, options);
  const columns = Object.fromEntries(
    Object.entries(input.columns).map(([role, column]) => [role, input.header[column as number] ?? '']),
  );
  return {
    input: {
      decimalMark: read.decimalMark,
      dateOrder: read.dateOrder ?? null,
      columns,
      rowsRead: read.rowsRead,
      rowsUsed: read.rowsUsed,
      rowsRejected: read.rowsRejected,
      firstRejectedLine: read.firstRejectedLine,
    },
    body: { period: { firstPurchase: formatIsoDay(firstMs), lastPurchase: formatIsoDay(lastMs) }, ...body },
    customers,
  };
}

/** RFM, KPIs and K-means on the ledger's customers, column by column (nothing is built per customer). */
function analyzeLedger(
  ledger: LedgerCustomers,
  asOfDay: number,
  retentionRate: number | undefined,
  options: ResolvedAnalyzeOptions,
): { body: Omit<ShapeAnalysis['body'], 'period'>; customers: ShapeAnalysis['customers'] } {
  const { count } = ledger;
  const recencyDays = new Int32Array(count);
  for (let row = 0; row < count; row++) recencyDays[row] = asOfDay - (ledger.lastPurchaseDays[row] as number);
  const facts = { count, recencyDays, frequency: ledger.frequency, monetary: ledger.monetary };
  const scores = scoreRfmColumns(facts);
  const kpis = computeBaseKpisFromColumns(
    facts,
    scores.segments,
    { activeWindowDays: options.activeWindowDays },
    retentionRate,
  );
  const context = {
    totalCustomers: kpis.customers,
    totalRevenue: kpis.revenue,
    activeWindowDays: options.activeWindowDays,
  };
  const clustering = clusterAndSummarizeColumns(rfmFeatureTable(facts), facts, context, {
    seed: options.seed,
    k: options.k,
    naming: 'rfm',
    ambiguousMargin: options.ambiguousMargin,
  });
  return {
    body: {
      kpis,
      rfm: {
        asOf: formatIsoDay(asOfDay * MS_PER_DAY),
        method: RFM_METHOD,
        segments: summarizeSegmentColumns(facts, scores.segments, context),
      },
      clusters: clustering.summary,
      notes: clustering.summary.skipped ? [clustering.summary.skipped] : [],
    },
    customers: customerRowsView({
      ...facts,
      idAt: ledger.idAt,
      ...scores,
      clusters: clustering.clusters,
    }),
  };
}

/** The K-means input: recency, frequency and monetary of each customer, row-major. */
function rfmFeatureTable(facts: RfmMeasureColumns & { count: number }): FeatureTable {
  const values = new Float64Array(facts.count * 3);
  for (let row = 0; row < facts.count; row++) {
    values[row * 3] = facts.recencyDays[row] as number;
    values[row * 3 + 1] = facts.frequency[row] as number;
    values[row * 3 + 2] = facts.monetary[row] as number;
  }
  return { names: ['recency_days', 'frequency', 'monetary'], values, rowCount: facts.count };
}

function parseAsOf(asOf: string | undefined): number | undefined {
  if (asOf === undefined) return undefined;
  const ms = parseIsoDay(asOf);
  if (Number.isNaN(ms)) throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  return ms;
}
