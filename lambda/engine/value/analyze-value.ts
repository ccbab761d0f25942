/**
 * Customer value for one file: the backtest first (backtest.ts: may the predictions be shown?), then, unless
 * withheld, both models fitted on the whole history up to the as-of day and every customer scored
 * (value-scores.ts), P(high value) from the classifier (high-value-classifier.ts). The groups and priorities
 * come after clustering (with-value-groups.ts). Customers are dense row indices (id order).
 */
import { formatIsoDay, MS_PER_DAY } from '../input/date-parsing.ts';
import { aggregateCurve } from './aggregate-curve.ts';
import { runBacktest, type ValueBacktest } from './backtest.ts';
import { CUSTOMER_VALUE_DEFAULTS, type CustomerValueOptions } from './customer-value.ts';
import { classifyHighValue } from './high-value-classifier.ts';
import { groupInPlace } from './orders-by-customer.ts';
import { DAYS_PER_UNIT, type OrderColumns } from './purchase-summary.ts';
import { columnTotals, probabilityAliveDistribution } from './value-groups.ts';
import { LIKELY_LOST_BELOW, type ValueAnalysis, type ValueColumns } from './value-result.ts';
import { fitAndScoreValue } from './value-scores.ts';
import { spendWithheldNote, withholdBeforeFit } from './value-verdict.ts';

/** Frequency-value correlation above which the spend model's independence assumption is flagged. */
export const HIGH_FREQUENCY_VALUE_CORRELATION = 0.3;

export interface ValueInput {
  /** The file's distinct orders, customers as row indices below `customerCount`; sorted in place. */
  readonly orders: OrderColumns;
  readonly customerCount: number;
  /** The as-of day: the models see the orders before it. */
  readonly asOfDay: number;
}

export interface ValueOutcome {
  /** Its `segments` and `clusters` are empty until withValueGroups fills them. */
  readonly analysis: ValueAnalysis;
  /** Null when the predictions are withheld. */
  readonly columns: ValueColumns | null;
}

/** The value analysis and, when shown, the per-customer columns. Settings default to CUSTOMER_VALUE_DEFAULTS. */
export function analyzeValue(input: ValueInput, options: CustomerValueOptions = {}): ValueOutcome {
  const settings = { ...CUSTOMER_VALUE_DEFAULTS, ...options };
  const lastDay = input.asOfDay - 1;
  // Grouped once, in place: the four purchase summaries below read them without copying (orders-by-customer.ts).
  const orders = groupInPlace(ordersUpTo(input.orders, lastDay), input.customerCount);
  const backtest = backtestOrWithhold(orders, input.customerCount, settings.timeUnit);
  const header = headerOf(settings, lastDay, backtest);
  const { verdict } = backtest;
  if (verdict.status === 'withheld') {
    return { analysis: withheldAnalysis(header, verdict.note), columns: null };
  }
  const fitted = fitAndScoreValue(orders, input.customerCount, lastDay, settings, {
    purchases: backtest.purchaseModel?.parameters,
    spend: backtest.spend?.parameters,
    spendAllowed: verdict.spendNote === null,
  });
  const highValue = classifyHighValue(orders, input.customerCount, {
    horizonMonths: settings.horizonMonths,
    timeUnit: settings.timeUnit,
    scoringEndDay: lastDay,
  });
  if (highValue.status === 'scored') fitted.columns.probabilityHighValue.set(highValue.scores);
  const { columns } = fitted;
  const withValue = fitted.spendModel !== null;
  const correlation = fitted.spendModel?.frequencyValueCorrelation ?? 0;
  const analysis: ValueAnalysis = {
    ...header,
    purchaseModel: fitted.purchaseModel,
    spendModel: fitted.spendModel,
    highValue: {
      status: highValue.status,
      reason: highValue.status === 'withheld' ? highValue.reason : null,
      figures: highValue.figures ?? null,
    },
    customersScored: fitted.customersScored,
    totalPredictedValue: withValue ? columnTotals(columns.clv, 0).sum : null,
    customersLikelyLost: columnTotals(columns.probabilityAlive, LIKELY_LOST_BELOW).countBelow,
    probabilityAliveDistribution: probabilityAliveDistribution(columns.probabilityAlive),
    aggregate: aggregateCurve(orders, fitted.purchaseModel.parameters, {
      lastDay,
      horizonDays: settings.horizonMonths * DAYS_PER_UNIT.months,
      timeUnit: settings.timeUnit,
    }),
    segments: [],
    clusters: [],
    priority: null,
    notes: [
      verdict.note,
      ...spendNotes(verdict.spendNote, fitted.spendFailure),
      ...(highValue.status === 'withheld' ? [highValue.reason] : []),
      ...(Math.abs(correlation) > HIGH_FREQUENCY_VALUE_CORRELATION ? [correlationNote(correlation)] : []),
    ],
  };
  return { analysis, columns };
}

type ValueHeader = Pick<ValueAnalysis, 'basis' | 'horizonMonths' | 'monthlyDiscountRate' | 'margin'> &
  Pick<ValueAnalysis, 'timeUnit' | 'lastDaySeen' | 'verdict' | 'backtest'>;

/** What every value analysis carries, shown or withheld: the settings, the last day seen and the backtest. */
function headerOf(
  settings: Required<CustomerValueOptions>,
  lastDay: number,
  backtest: ValueBacktest,
): ValueHeader {
  return {
    basis: settings.margin === 1 ? 'revenue' : 'margin',
    horizonMonths: settings.horizonMonths,
    monthlyDiscountRate: settings.monthlyDiscountRate,
    margin: settings.margin,
    timeUnit: settings.timeUnit,
    lastDaySeen: formatIsoDay(lastDay * MS_PER_DAY),
    verdict: backtest.verdict,
    backtest,
  };
}

/** The analysis when the predictions are withheld: the backtest, no figure. */
function withheldAnalysis(header: ValueHeader, note: string): ValueAnalysis {
  return {
    ...header,
    purchaseModel: null,
    spendModel: null,
    highValue: null,
    customersScored: 0,
    totalPredictedValue: null,
    customersLikelyLost: null,
    probabilityAliveDistribution: null,
    aggregate: null,
    segments: [],
    clusters: [],
    priority: null,
    notes: [note],
  };
}

/** The backtest, or a too-short verdict when no order precedes the as-of day. */
function backtestOrWithhold(
  orders: OrderColumns,
  customerCount: number,
  timeUnit: CustomerValueOptions['timeUnit'],
): ValueBacktest {
  if (orders.count > 0) return runBacktest(orders, customerCount, timeUnit === undefined ? {} : { timeUnit });
  const verdict = withholdBeforeFit({ historyDays: 0, holdoutDays: 0, repeatCustomers: 0 });
  if (verdict === undefined) throw new Error('unreachable: an empty history is always too short');
  const split = { firstDay: 0, calibrationEndDay: 0, lastDay: 0, historyDays: 0, holdoutDays: 0 };
  const day = formatIsoDay(0);
  return {
    split: {
      ...split,
      firstPurchase: day,
      calibrationEnd: day,
      lastPurchase: day,
      timeUnit: timeUnit ?? 'weeks',
      holdoutLength: 0,
    },
    calibrationCustomers: 0,
    repeatCustomers: 0,
    purchaseModel: null,
    purchases: null,
    spend: null,
    spendFailure: null,
    verdict,
  };
}

/** The orders on or before `lastDay`: the same columns when none is after it (the usual case). */
function ordersUpTo(orders: OrderColumns, lastDay: number): OrderColumns {
  let kept = 0;
  for (let order = 0; order < orders.count; order++) if ((orders.days[order] as number) <= lastDay) kept++;
  if (kept === orders.count) return orders;
  const picked = {
    count: kept,
    customers: new Int32Array(kept),
    days: new Int32Array(kept),
    amounts: new Float64Array(kept),
  };
  let next = 0;
  for (let order = 0; order < orders.count; order++) {
    if ((orders.days[order] as number) > lastDay) continue;
    picked.customers[next] = orders.customers[order] as number;
    picked.days[next] = orders.days[order] as number;
    picked.amounts[next] = orders.amounts[order] as number;
    next++;
  }
  return picked;
}

/** One note for withheld value figures, whichever fit failed: the backtest's or the whole history's. */
function spendNotes(backtestNote: string | null, wholeHistoryFailure: string | null): string[] {
  if (backtestNote !== null) return [backtestNote];
  return wholeHistoryFailure === null ? [] : [spendWithheldNote(wholeHistoryFailure)];
}

function correlationNote(correlation: number): string {
  return (
    `Purchase frequency and order value are correlated (r = ${correlation.toFixed(2)}); the spend model assumes ` +
    'they are not, so order values of frequent buyers may be off.'
  );
}
