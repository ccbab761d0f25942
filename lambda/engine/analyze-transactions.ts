import type { CustomerRow, ShapeAnalysis } from './analysis-types.ts';
import type { ResolvedAnalyzeOptions } from './analyze-options.ts';
import { InputError } from './errors.ts';
import type { TransactionColumns } from './input/column-roles.ts';
import { formatIsoDay, MS_PER_DAY, parseIsoDay } from './input/date-parsing.ts';
import type { RecordBatch } from './input/record-reader.ts';
import { computeBaseKpis, computeRetentionRate } from './kpis/base-kpis.ts';
import { scoreRfm } from './rfm/score-rfm.ts';
import { clusterAndSummarize, summarizeSegments } from './summarize-groups.ts';
import { readTransactions } from './transactions/read-transactions.ts';
import { REJECTION_REASONS } from './transactions/rejection-reasons.ts';

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
  const histories = read.ledger.histories();
  const rfm = scoreRfm(
    histories.map((history) => ({
      id: history.id,
      recencyDays: asOfDay - Math.floor(history.lastPurchaseMs / MS_PER_DAY),
      frequency: history.orderDays.length,
      monetary: history.monetary,
    })),
  );
  const retentionRate = computeRetentionRate(
    histories.map((history) => history.orderDays),
    asOfDay,
    options.activeWindowDays,
  );
  const kpis = computeBaseKpis(rfm, { activeWindowDays: options.activeWindowDays }, retentionRate);
  const context = {
    totalCustomers: kpis.customers,
    totalRevenue: kpis.revenue,
    activeWindowDays: options.activeWindowDays,
  };
  const features = new Float64Array(rfm.length * 3);
  rfm.forEach((customer, row) => {
    features.set([customer.recencyDays, customer.frequency, customer.monetary], row * 3);
  });
  const clustering = clusterAndSummarize(
    { names: ['recency_days', 'frequency', 'monetary'], values: features, rowCount: rfm.length },
    rfm,
    context,
    { seed: options.seed, k: options.k, naming: 'rfm', ambiguousMargin: options.ambiguousMargin },
  );
  const customers: CustomerRow[] = rfm.map((customer, row) => ({
    id: customer.id,
    recencyDays: customer.recencyDays,
    frequency: customer.frequency,
    monetary: customer.monetary,
    recencyScore: customer.recencyScore,
    frequencyScore: customer.frequencyScore,
    monetaryScore: customer.monetaryScore,
    segment: customer.segment,
    cluster: clustering.assignments?.[row]?.cluster ?? null,
    clusterMargin: clustering.assignments?.[row]?.margin ?? null,
  }));
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
    body: {
      period: { firstPurchase: formatIsoDay(firstMs), lastPurchase: formatIsoDay(lastMs) },
      kpis,
      rfm: {
        asOf: formatIsoDay(asOfDay * MS_PER_DAY),
        method: RFM_METHOD,
        segments: summarizeSegments(rfm, context),
      },
      clusters: clustering.summary,
      notes: clustering.summary.skipped ? [clustering.summary.skipped] : [],
    },
    customers,
  };
}

function parseAsOf(asOf: string | undefined): number | undefined {
  if (asOf === undefined) return undefined;
  const ms = parseIsoDay(asOf);
  if (Number.isNaN(ms)) throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  return ms;
}
