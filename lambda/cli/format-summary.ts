// The summary `analyze` prints: the headline figures and the segments of an analysis, as aligned text.
import type { Analysis, ClustersSummary, RfmSummary } from '../engine/analysis/analysis-types.ts';
import type { AggregateCurve } from '../engine/value/aggregate-curve.ts';
import { HIGH_VALUE_PROBABILITY, type ValuePriority } from '../engine/value/value-priority.ts';
import { LIKELY_LOST_BELOW, type ValueAnalysis } from '../engine/value/value-result.ts';
import {
  AT_RISK_SEGMENTS,
  LOST_SEGMENTS,
  RFM_SEGMENT_NAMES,
  type RfmSegmentKey,
} from '../engine/rfm/rfm-segments.ts';

/** The segments each group of the KPIs counts, named where the group is: never read as one segment's own count. */
const namesOf = (keys: readonly RfmSegmentKey[]) => keys.map((key) => RFM_SEGMENT_NAMES[key].en).join(', ');
const SLIPPING = namesOf(AT_RISK_SEGMENTS);
const LAPSED = namesOf(LOST_SEGMENTS);

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** The readable summary `analyze` prints: input, KPIs, RFM segments and clusters. */
export function formatSummary(analysis: Analysis): string {
  const { input, kpis, rfm, clusters } = analysis;
  const rejected = Object.entries(input.rowsRejected)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([reason, count]) => `${reason} ${number.format(count ?? 0)}`)
    .join(', ');
  const lines = [
    `${input.source}: ${input.shape === 'transactions' ? 'transaction log' : 'customer table'} ` +
      `(${input.encoding}, delimiter ${JSON.stringify(input.delimiter)}, decimal ${JSON.stringify(input.decimalMark)})`,
    `  rows read ${number.format(input.rowsRead)}, used ${number.format(input.rowsUsed)}` +
      (rejected ? `, rejected: ${rejected}` : ''),
    analysis.period.firstPurchase
      ? `  period ${analysis.period.firstPurchase} .. ${analysis.period.lastPurchase}`
      : '',
    '',
    `Customers ${number.format(kpis.customers)} (active ${number.format(kpis.activeCustomers)}), ` +
      `orders ${number.format(kpis.orders)}, revenue ${money.format(kpis.revenue)}`,
    `  average order value ${money.format(kpis.averageOrderValue)}, orders per customer ${kpis.ordersPerCustomer.toFixed(2)}, ` +
      `repeat rate ${percent.format(kpis.repeatRate)}` +
      (kpis.retentionRate === undefined ? '' : `, retention ${percent.format(kpis.retentionRate)}`),
    `  slipping away (${SLIPPING}) ${percent.format(kpis.atRiskCustomerShare)} of customers ` +
      `(${percent.format(kpis.atRiskRevenueShare)} of revenue), lost (${LAPSED}) ${percent.format(kpis.lostCustomerShare)}; ` +
      `top 20% bring ${percent.format(kpis.topFifthRevenueShare)} of revenue`,
    `  historical CLV ${money.format(kpis.historicalClv)}` +
      (kpis.responseRate === undefined ? '' : `, response rate ${percent.format(kpis.responseRate)}`),
  ];
  if (rfm) {
    lines.push('', `RFM segments (as of ${rfm.asOf}):`);
    for (const segment of rfm.segments.filter((candidate) => candidate.customers > 0)) {
      lines.push(
        `  ${segment.name.en.padEnd(20)} ${number.format(segment.customers).padStart(7)} ${percent.format(segment.share).padStart(6)}` +
          `  revenue ${percent.format(segment.revenueShare).padStart(6)}`,
      );
    }
  }
  lines.push('');
  if (clusters.skipped) {
    lines.push(`Clusters: skipped, ${clusters.skipped}`);
  } else {
    lines.push(`Clusters: K = ${clusters.k} (${describeSelection(clusters.selection)})`);
    for (const cluster of clusters.clusters) {
      lines.push(
        `  ${cluster.name.en.padEnd(32)} ${number.format(cluster.size).padStart(7)} ${percent.format(cluster.share).padStart(6)}` +
          `  revenue ${percent.format(cluster.kpis.revenueShare).padStart(6)}`,
      );
    }
    lines.push(
      `  ${number.format(clusters.ambiguousCustomers)} customers set aside as ambiguous between two clusters`,
    );
  }
  if (analysis.value) lines.push('', ...valueLines(analysis.value, analysis.rfm));
  for (const note of analysis.notes) lines.push(`Note: ${note}`);
  return lines.filter((line, index) => line !== '' || lines[index - 1] !== '').join('\n');
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
  const basis = value.basis === 'revenue' ? 'revenue' : `margin ${percent.format(value.margin)}`;
  const lines = [
    `Customer value, next ${value.horizonMonths} months (${basis}, discount ${percent.format(value.monthlyDiscountRate)} a month):`,
  ];
  const { purchases } = value.backtest;
  const verdict = value.verdict.status === 'shown' ? 'shown' : `withheld (${value.verdict.reason})`;
  lines.push(
    purchases === null
      ? `  backtest: not compared, ${verdict}`
      : `  backtest: model error ${purchases.modelMae.toFixed(3)} vs naive baseline ${purchases.baselineMae.toFixed(3)} ` +
          `purchases per customer over ${value.backtest.split.holdoutDays} days held out: ${verdict}`,
  );
  if (value.totalPredictedValue !== null || value.customersLikelyLost !== null) {
    lines.push(
      `  predicted value ${value.totalPredictedValue === null ? 'withheld' : money.format(value.totalPredictedValue)}, ` +
        `${number.format(value.customersLikelyLost ?? 0)} of ${number.format(value.customersScored)} customers ` +
        `likely lost (P(alive) < ${LIKELY_LOST_BELOW})`,
    );
    const names = new Map(rfm?.segments.map((segment) => [segment.key as string, segment.name.en]));
    for (const segment of value.segments.filter((candidate) => candidate.customers > 0)) {
      const predicted = segment.predictedValue === null ? 'withheld' : money.format(segment.predictedValue);
      lines.push(
        `  ${(names.get(segment.key) ?? segment.key).padEnd(20)} predicted value ${predicted.padStart(14)}` +
          `  likely lost ${number.format(segment.customersLikelyLost ?? 0).padStart(7)}`,
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
  const whole = (figure: number) => number.format(Math.round(figure));
  return (
    `  repeat purchases of the base to ${aggregate.lastDaySeen}: expected ${whole(seen.expected)}, seen ` +
    `${whole(seen.actual ?? 0)}; ${whole(last.expected - seen.expected)} more expected in the next ${horizonMonths} months`
  );
}

/** The customers (and predicted value) of each priority, segment × predicted value, and the high-value rule. */
function priorityLine(priority: ValuePriority): string {
  const levels = priority.levels.map(
    (level) =>
      `${level.key} ${number.format(level.customers)}` +
      (level.predictedValue === null ? '' : ` (${money.format(level.predictedValue)})`),
  );
  return `  priority (segment x predicted value, high value by ${HIGH_VALUE_RULE_WORDS[priority.highValueRule]}): ${levels.join(', ')}`;
}

const HIGH_VALUE_RULE_WORDS: Record<ValuePriority['highValueRule'], string> = {
  probability: `P(high value) >= ${HIGH_VALUE_PROBABILITY}`,
  'clv-top-share': 'top share of predicted value',
  'purchases-top-share': 'top share of expected purchases',
};
