// The summary `analyze` prints: the headline figures and the segments of an analysis, as aligned text, in the words
// and the formatting policy of the email (lambda/report/locale/formatters.ts), English, amounts as plain numbers.
import type { Analysis, ClustersSummary, RfmSummary } from '../engine/analysis/analysis-types.ts';
import type { AggregateCurve } from '../engine/value/aggregate-curve.ts';
import { missingFeatureLines, prospectLines } from './missing-feature-lines.ts';
import { HIGH_VALUE_PROBABILITY, type ValuePriority } from '../engine/value/value-priority.ts';
import { LIKELY_LOST_BELOW, type ValueAnalysis } from '../engine/value/value-result.ts';
import {
  AT_RISK_SEGMENTS,
  LOST_SEGMENTS,
  RFM_SEGMENT_NAMES,
  type RfmSegmentKey,
} from '../engine/rfm/rfm-segments.ts';
import type { ColumnLabelOverrides } from '../report/column-label-settings.ts';
import { makeFormatters } from '../report/locale/formatters.ts';
import { messagesOf } from '../report/locale/messages-of.ts';
import { clusterNames } from '../report/view-model/cluster-names.ts';
import { periodLines } from './period-summary.ts';

/** The segments each group of the KPIs counts, named where the group is: never read as one segment's own count. */
const namesOf = (keys: readonly RfmSegmentKey[]) => keys.map((key) => RFM_SEGMENT_NAMES[key].en).join(', ');
const SLIPPING = namesOf(AT_RISK_SEGMENTS);
const LAPSED = namesOf(LOST_SEGMENTS);

/** The report's formatters in English with no currency: a terminal has no currency to show but the file's. */
const format = makeFormatters('en', undefined, 'UTC');
/** The email's words for why a line was rejected (its data-quality section). */
const REJECTION_WORDS = messagesOf('en').quality.reasons;

/** What the summary takes from the report settings: the words of a customer table's columns. */
export interface SummaryOptions {
  columnLabels?: ColumnLabelOverrides | undefined;
}

/** The readable summary `analyze` prints: input, KPIs, RFM segments and clusters. */
export function formatSummary(analysis: Analysis, options: SummaryOptions = {}): string {
  const lines = [
    ...inputLines(analysis),
    '',
    ...(analysis.activity ? periodLines(analysis.activity, format) : []),
    ...kpiLines(analysis),
    ...(analysis.rfm ? rfmLines(analysis.rfm) : []),
    '',
    ...clusterLines(analysis, options.columnLabels ?? {}),
  ];
  if (analysis.value) lines.push('', ...valueLines(analysis.value, analysis.rfm));
  for (const note of analysis.notes) lines.push(`Note: ${note}`);
  return lines.filter((line, index) => line !== '' || lines[index - 1] !== '').join('\n');
}

/** The file, its rows read, used and rejected (by reason, in the email's words), and its period. */
function inputLines({ input, period }: Analysis): string[] {
  const rejected = Object.entries(input.rowsRejected)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([reason, count]) => `${REJECTION_WORDS[reason] ?? reason} ${format.integer(count ?? 0)}`)
    .join(', ');
  return [
    `${input.source}: ${input.shape === 'transactions' ? 'transaction log' : 'customer table'} ` +
      `(${input.encoding}, delimiter ${JSON.stringify(input.delimiter)}, decimal ${JSON.stringify(input.decimalMark)})`,
    `  rows read ${format.integer(input.rowsRead)}, used ${format.integer(input.rowsUsed)}` +
      (rejected ? `, rejected: ${rejected}` : ''),
    period.firstPurchase ? `  period ${period.firstPurchase} .. ${period.lastPurchase}` : '',
  ];
}

/** The KPIs: totals in whole units, per-order and per-customer amounts with cents, shares with one decimal. */
function kpiLines({ kpis }: Analysis): string[] {
  const { percent } = format;
  return [
    `Customers ${format.integer(kpis.customers)} (active ${format.integer(kpis.activeCustomers)}), ` +
      `orders ${format.integer(kpis.orders)}, revenue ${format.money(kpis.revenue)}`,
    `  average order value ${format.moneyExact(kpis.averageOrderValue)}, orders per customer ${format.ratio(kpis.ordersPerCustomer)}, ` +
      `repeat rate ${percent(kpis.repeatRate)}` +
      (kpis.retentionRate === undefined ? '' : `, retention ${percent(kpis.retentionRate)}`),
    `  slipping away (${SLIPPING}) ${percent(kpis.atRiskCustomerShare)} of customers ` +
      `(${percent(kpis.atRiskRevenueShare)} of revenue), lost (${LAPSED}) ${percent(kpis.lostCustomerShare)}; ` +
      `top 20% bring ${percent(kpis.topFifthRevenueShare)} of revenue`,
    `  historical CLV ${format.moneyExact(kpis.historicalClv)}` +
      (kpis.responseRate === undefined ? '' : `, response rate ${percent(kpis.responseRate)}`),
  ];
}

function rfmLines(rfm: RfmSummary): string[] {
  const lines = ['', `RFM segments (as of ${rfm.asOf}):`];
  for (const segment of rfm.segments.filter((candidate) => candidate.customers > 0)) {
    lines.push(
      `  ${segment.name.en.padEnd(20)} ${format.integer(segment.customers).padStart(7)} ${format.percent(segment.share).padStart(6)}` +
        `  revenue ${format.percent(segment.revenueShare).padStart(6)}`,
    );
  }
  return lines;
}

/** The clusters under the names the email gives them ("Wine and meat buyers, high income" for a customer table). */
function clusterLines(analysis: Analysis, columnLabels: ColumnLabelOverrides): string[] {
  const { clusters } = analysis;
  if (clusters.skipped) return [`Clusters: skipped, ${clusters.skipped}`];
  const names = clusterNames(analysis, { locale: 'en', columnLabels });
  const nameOf = (key: string) => names.get(key) ?? key;
  const width = Math.max(32, ...clusters.clusters.map((cluster) => nameOf(cluster.key).length));
  const scored = clusters.scoredWith;
  return [
    scored
      ? `Clusters: K = ${clusters.k}, the saved segmentation of ${scored.asOf} (${scored.source}), not refitted${scored.prospects ? ', scored as prospects' : ''}`
      : `Clusters: K = ${clusters.k} (${describeSelection(clusters.selection)})`,
    ...clusters.clusters.map(
      (cluster) =>
        `  ${nameOf(cluster.key).padEnd(width)} ${format.integer(cluster.size).padStart(7)} ${format.percent(cluster.share).padStart(6)}` +
        `  revenue ${format.percent(cluster.kpis.revenueShare).padStart(6)}`,
    ),
    `  ${format.integer(clusters.ambiguousCustomers)} customers set aside as ambiguous between two clusters`,
    ...(scored ? prospectLines(scored.prospects) : []),
    ...(scored ? missingFeatureLines(scored.missing, analysis.kpis.customers) : []),
  ];
}

/** How K was chosen; when no K was eligible the engine falls back to the smallest, which is not "best". */
function describeSelection(selection: ClustersSummary['selection']): string {
  if (selection?.method === 'fixed') return 'fixed';
  const eligible = selection?.candidates.some((candidate) => candidate.eligible) ?? true;
  return eligible ? 'best silhouette' : 'smallest K tried: no K gave every cluster enough customers';
}

/**
 * Customer value ahead: the backtest line (the model's error against the naive baseline's, shown or withheld
 * and why), then the value at stake per segment (predicted value, customers likely lost) when shown.
 */
function valueLines(value: ValueAnalysis, rfm: RfmSummary | null): string[] {
  const basis = value.basis === 'revenue' ? 'revenue' : `margin ${format.percent(value.margin)}`;
  const lines = [
    `Customer value, next ${value.horizonMonths} months (${basis}, discount ${format.percent(value.monthlyDiscountRate)} a month):`,
  ];
  const { purchases } = value.backtest;
  const verdict = value.verdict.status === 'shown' ? 'shown' : `withheld (${value.verdict.reason})`;
  lines.push(
    purchases === null
      ? `  backtest: not compared, ${verdict}`
      : `  backtest: model error ${format.ratio(purchases.modelMae)} vs naive baseline ${format.ratio(purchases.baselineMae)} ` +
          `purchases per customer over ${value.backtest.split.holdoutDays} days held out: ${verdict}`,
  );
  if (value.totalPredictedValue !== null || value.customersLikelyLost !== null) {
    lines.push(
      `  predicted value ${value.totalPredictedValue === null ? 'withheld' : format.money(value.totalPredictedValue)}, ` +
        `${format.integer(value.customersLikelyLost ?? 0)} of ${format.integer(value.customersScored)} customers ` +
        `likely lost (P(alive) < ${LIKELY_LOST_BELOW})`,
    );
    const names = new Map(rfm?.segments.map((segment) => [segment.key as string, segment.name.en]));
    for (const segment of value.segments.filter((candidate) => candidate.customers > 0)) {
      const predicted = segment.predictedValue === null ? 'withheld' : format.money(segment.predictedValue);
      lines.push(
        `  ${(names.get(segment.key) ?? segment.key).padEnd(20)} predicted value ${predicted.padStart(14)}` +
          `  likely lost ${format.integer(segment.customersLikelyLost ?? 0).padStart(7)}`,
      );
    }
  }
  const aggregate = value.aggregate && aggregateLine(value.aggregate, value.horizonMonths);
  if (aggregate) lines.push(aggregate);
  if (value.priority !== null) lines.push(priorityLine(value.priority));
  for (const note of value.notes) lines.push(`  ${note}`);
  return lines;
}

/** The base's repeat purchases: expected against seen up to the last day, then expected over the horizon. */
function aggregateLine(aggregate: AggregateCurve, horizonMonths: number): string | null {
  const seen = aggregate.points.find((point) => point.day === aggregate.lastDaySeen);
  const last = aggregate.points.at(-1);
  if (seen === undefined || last === undefined) return null;
  const whole = (figure: number) => format.integer(Math.round(figure));
  return (
    `  repeat purchases of the base to ${aggregate.lastDaySeen}: expected ${whole(seen.expected)}, seen ` +
    `${whole(seen.actual ?? 0)}; ${whole(last.expected - seen.expected)} more expected in the next ${horizonMonths} months`
  );
}

/** The customers (and predicted value) of each priority, segment × predicted value, and the high-value rule. */
function priorityLine(priority: ValuePriority): string {
  const levels = priority.levels.map(
    (level) =>
      `${level.key} ${format.integer(level.customers)}` +
      (level.predictedValue === null ? '' : ` (${format.money(level.predictedValue)})`),
  );
  return `  priority (segment x predicted value, high value by ${HIGH_VALUE_RULE_WORDS[priority.highValueRule]}): ${levels.join(', ')}`;
}

const HIGH_VALUE_RULE_WORDS: Record<ValuePriority['highValueRule'], string> = {
  probability: `P(high value) >= ${HIGH_VALUE_PROBABILITY}`,
  'clv-top-share': 'top share of predicted value',
  'purchases-top-share': 'top share of expected purchases',
};
