/**
 * The transaction-log pipeline: the lines cleaned into a customer ledger, each customer's recency, frequency and
 * monetary value, RFM scores, then the shared tail (KPIs, segments, K-means on R, F, M and the purchase diversity
 * when the log names products, notes) and the rows.
 */
import type { ShapeAnalysis } from '../analysis/analysis-types.ts';
import type { ResolvedAnalyzeOptions } from '../analysis/analyze-options.ts';
import { formatIsoDay } from '../input/date-parsing.ts';
import { computeRetentionFromOrders } from '../kpis/base-kpis.ts';
import { type PeriodActivity, periodActivity } from '../kpis/period-activity.ts';
import { recentActivityMethod } from '../rfm/rfm-segments.ts';
import { rfmEdgesOf, scoreRfmOn } from '../rfm/score-edges.ts';
import { type CustomerColumns, customerRowsView } from '../shared-steps/customer-columns.ts';
import { summarizeCustomerBase } from '../shared-steps/summarize-customer-base.ts';
import { customerFeatureTable } from './customer-features.ts';
import type { LedgerCustomers } from './ledger-customers.ts';
import { valueByLedgerGroups, valueOfLedger } from './ledger-value.ts';
import { otherCurrencyNotes } from './log-currency.ts';
import type { ValueOutcome } from '../value/analyze-value.ts';
import type { OrderColumns } from '../value/purchase-summary.ts';
import { ordersFingerprint } from './orders-fingerprint.ts';
import type { TransactionReadResult } from './read-transactions.ts';
import { type TransactionInput, readLedger } from './read-ledger.ts';
import { computeTrends, type Trends } from '../trends/compute-trends.ts';
import { untimed } from '../analysis/analysis-stages.ts';

const RFM_METHOD =
  'Quintiles of the mid-rank, ties kept together (5 = best); segment from R and FM = round((F + M) / 2)';

/** Analyses a transaction log: cleaning, per-customer RFM, segments, KPIs and K-means (customer-features.ts). */
export async function analyzeTransactions(
  input: TransactionInput,
  options: ResolvedAnalyzeOptions,
): Promise<ShapeAnalysis> {
  const time = options.timeStage ?? untimed;
  const { read, asOfDay } = await time('read', () => readLedger(input, options));
  const columns = Object.fromEntries(
    Object.entries(input.columns).map(([role, column]) => [role, input.header[column as number] ?? '']),
  );
  return analyzeLedgerRead(read, asOfDay, columns, options);
}

/**
 * Everything after the reading: RFM, segments, KPIs, the value models, trends and K-means, from the ledger of a
 * log read line by line here, or made of the orders an SQL engine aggregated (aggregate/analyze-aggregate.ts).
 * `columns`: the header of each role.
 */
export function analyzeLedgerRead(
  read: TransactionReadResult,
  asOfDay: number,
  columns: Record<string, string>,
  options: ResolvedAnalyzeOptions,
): ShapeAnalysis {
  const { firstMs, lastMs } = read.ledger.period;
  const ledgerCustomers = read.ledger.customersInIdOrder();
  const orders = read.ledger.takeOrders();
  // Before the value step, which groups the order columns in place.
  const contentFingerprint = options.fingerprint ? ordersFingerprint(orders, ledgerCustomers) : undefined;
  const { retentionRate, valueOutcome, activity, trends } = fromOrders(
    orders,
    ledgerCustomers,
    asOfDay,
    options,
  );
  const {
    body: ledgerBody,
    columns: customerColumns,
    model,
  } = analyzeLedger(ledgerCustomers, asOfDay, retentionRate, options);
  const valued = valueByLedgerGroups(valueOutcome, customerColumns);
  const currencyNotes = otherCurrencyNotes(read.currency, read.firstRejectedLine.otherCurrency);
  const notes = [...currencyNotes, ...ledgerBody.notes, ...valued.notes];
  const body = { ...ledgerBody, value: valued.value, ...(activity && { activity }), trends, notes };
  const customers = customerRowsView({
    ...customerColumns,
    value: valued.valueColumns,
    priorities: valued.priorities,
  });
  return {
    input: {
      decimalMark: read.decimalMark,
      dateOrder: read.dateOrder ?? null,
      currency: read.currency,
      columns,
      rowsRead: read.rowsRead,
      rowsUsed: read.rowsUsed,
      rowsRejected: read.rowsRejected,
      firstRejectedLine: read.firstRejectedLine,
      ...(contentFingerprint !== undefined && { contentFingerprint }),
    },
    body: { period: { firstPurchase: formatIsoDay(firstMs), lastPurchase: formatIsoDay(lastMs) }, ...body },
    customers,
    model,
  };
}

/**
 * What the orders give: the trends, the retention rate, a scheduled report's own period and the value models, run
 * before clustering so that their working memory and K-means' are not held at once; the orders are garbage when
 * this returns. The trends come first: the value step groups the order columns in place (groupInPlace), and the
 * trends' working memory is garbage before the models'.
 */
function fromOrders(
  orders: OrderColumns,
  ledgerCustomers: LedgerCustomers,
  asOfDay: number,
  options: ResolvedAnalyzeOptions,
): {
  retentionRate: number | undefined;
  valueOutcome: ValueOutcome | null;
  activity?: PeriodActivity;
  trends: Trends | null;
} {
  const time = options.timeStage ?? untimed;
  const trends = time('trends', () =>
    computeTrends({
      orders,
      customerCount: ledgerCustomers.count,
      asOfDay,
      activeWindowDays: options.activeWindowDays,
      warnings: options.trendWarnings,
    }),
  );
  const retentionRate = computeRetentionFromOrders(
    orders,
    ledgerCustomers.count,
    asOfDay,
    options.activeWindowDays,
  );
  const activity = options.activity && periodActivity(orders, ledgerCustomers.count, options.activity);
  return {
    trends,
    retentionRate,
    ...(activity && { activity }),
    valueOutcome: time('value', () => valueOfLedger(orders, ledgerCustomers, asOfDay, options.value)),
  };
}

/** RFM scores, then the shared tail, on the ledger's customers column by column (nothing is built per customer). */
function analyzeLedger(
  ledger: LedgerCustomers,
  asOfDay: number,
  retentionRate: number | undefined,
  options: ResolvedAnalyzeOptions,
): {
  body: Omit<ShapeAnalysis['body'], 'period' | 'value'>;
  columns: CustomerColumns;
  model: ShapeAnalysis['model'];
} {
  const { count } = ledger;
  const recencyDays = new Int32Array(count);
  for (let row = 0; row < count; row++) recencyDays[row] = asOfDay - (ledger.lastPurchaseDays[row] as number);
  const facts = { count, recencyDays, frequency: ledger.frequency, monetary: ledger.monetary };
  const time = options.timeStage ?? untimed;
  const scores = time('rfm', () =>
    scoreRfmOn(facts, options.activeWindowDays, options.segmentation?.rfm?.edges),
  );
  const { body, clusters, model } = time('segments', () =>
    summarizeCustomerBase(
      {
        facts,
        segments: scores.segments,
        retentionRate,
        asOfDay,
        rfmMethod: `${RFM_METHOD}; ${recentActivityMethod(options.activeWindowDays)}`,
        features: customerFeatureTable(facts, ledger.diversity),
        naming: 'rfm',
        shape: 'transactions',
        rfmEdges: rfmEdgesOf(facts, scores),
        featureColumns: null,
      },
      options,
    ),
  );
  return { body, columns: { ...facts, idAt: ledger.idAt, ...scores, clusters }, model };
}
