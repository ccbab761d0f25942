/**
 * The per-customer purchase summary the value models are fitted on, in the convention of lifetimes'
 * `summary_data_from_transaction_data` (and pymc-marketing's `rfm_summary`): orders on the same day merged into
 * one purchase; x = repeat purchase days in the calibration period; t_x = first to last purchase; T = first
 * purchase to the calibration end; the mean value of the repeat purchases (the first purchase excluded). Times are
 * day differences divided by the unit, so weeks are fractional (CDNOW's t_x = 30.43 is 213 days / 7): lifetimes
 * gets this with `freq='D', freq_multiplier=7`; its `freq='W'` would merge whole calendar weeks instead.
 */

import { groupedFor, type OrdersByCustomer } from './orders-by-customer.ts';
import { roundToTenThousandths } from '../numbers/round-sum.ts';

/** One entry per order: the customer's dense index, the order's day number (floor(ms / 86,400,000)), its value. */
export interface OrderColumns {
  readonly count: number;
  readonly customers: Int32Array;
  readonly days: Int32Array;
  readonly amounts: Float64Array;
}

/** The unit of t_x and T (and so of the models' time parameters and horizons). */
export type TimeUnit = 'days' | 'weeks' | 'months';

/** Days in one unit: a month is 365.25 / 12 days, the mean Gregorian month. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  days: 1,
  weeks: 7,
  months: 365.25 / 12,
};

export interface SummaryOptions {
  readonly customerCount: number;
  /** The last day of the calibration period, inclusive. */
  readonly calibrationEndDay: number;
  /** The last day of the observation (holdout) period, inclusive; the calibration end when there is none. */
  readonly observationEndDay?: number;
  /** @default 'weeks' */
  readonly timeUnit?: TimeUnit;
}

/** Per-customer columns, one entry per dense customer index. */
export interface PurchaseSummary {
  readonly customerCount: number;
  readonly timeUnit: TimeUnit;
  /** 1 when the customer's first purchase is in the calibration period (x, t_x, T are defined), else 0. */
  readonly inCalibration: Uint8Array;
  /** Repeat purchase days in the calibration period. */
  readonly x: Float64Array;
  /** First to last calibration purchase, in units. */
  readonly tx: Float64Array;
  /** First purchase to the calibration end, in units. */
  readonly T: Float64Array;
  /** Mean value of the repeat purchase days (a day's value is the sum of its orders); 0 when x = 0. */
  readonly meanRepeatValue: Float64Array;
  /** Purchase days after the calibration end, up to the observation end. */
  readonly holdoutPurchases: Float64Array;
  /** Value of those purchases. */
  readonly holdoutValue: Float64Array;
}

/**
 * Summarises the orders per customer; the result does not depend on the order of the entries. Orders grouped by
 * customer (orders-by-customer.ts) are read as they are; others are grouped in a copy.
 */
export function summarisePurchases(orders: OrderColumns, options: SummaryOptions): PurchaseSummary {
  const { customerCount, calibrationEndDay } = options;
  const observationEndDay = options.observationEndDay ?? calibrationEndDay;
  if (observationEndDay < calibrationEndDay) {
    throw new RangeError('the observation end must not be before the calibration end');
  }
  const timeUnit = options.timeUnit ?? 'weeks';
  const unitDays = DAYS_PER_UNIT[timeUnit];
  const grouped = groupedFor(orders, customerCount);
  const summary: PurchaseSummary = {
    customerCount,
    timeUnit,
    inCalibration: new Uint8Array(customerCount),
    x: new Float64Array(customerCount),
    tx: new Float64Array(customerCount),
    T: new Float64Array(customerCount),
    meanRepeatValue: new Float64Array(customerCount),
    holdoutPurchases: new Float64Array(customerCount),
    holdoutValue: new Float64Array(customerCount),
  };
  for (let customer = 0; customer < customerCount; customer++) {
    summariseCustomer(grouped, customer, calibrationEndDay, observationEndDay, unitDays, summary);
  }
  return summary;
}

/** Fills one customer's entries from their orders, in day order (orders-by-customer.ts). */
function summariseCustomer(
  grouped: OrdersByCustomer,
  customer: number,
  calibrationEndDay: number,
  observationEndDay: number,
  unitDays: number,
  summary: PurchaseSummary,
): void {
  const start = grouped.offsets[customer] as number;
  const end = grouped.offsets[customer + 1] as number;
  if (end === start) return;
  const { days, amounts } = grouped;
  const firstDay = days[start] as number;
  let lastCalibrationDay = firstDay;
  let repeatValue = 0;
  let holdoutValue = 0;
  let calibrationDays = 0;
  let holdoutDays = 0;
  for (let offset = start; offset < end; offset++) {
    const day = days[offset] as number;
    const amount = amounts[offset] as number;
    const newDay = offset === start || day !== days[offset - 1];
    if (day <= calibrationEndDay) {
      if (day !== firstDay) repeatValue += amount;
      lastCalibrationDay = day;
      if (newDay) calibrationDays++;
    } else if (day <= observationEndDay) {
      holdoutValue += amount;
      if (newDay) holdoutDays++;
    }
  }
  summary.holdoutPurchases[customer] = holdoutDays;
  summary.holdoutValue[customer] = roundToTenThousandths(holdoutValue);
  if (firstDay > calibrationEndDay) return;
  const repeatDays = calibrationDays - 1;
  summary.inCalibration[customer] = 1;
  summary.x[customer] = repeatDays;
  summary.tx[customer] = (lastCalibrationDay - firstDay) / unitDays;
  summary.T[customer] = (calibrationEndDay - firstDay) / unitDays;
  summary.meanRepeatValue[customer] = repeatDays > 0 ? roundToTenThousandths(repeatValue) / repeatDays : 0;
}

/** The calibration columns of the customers in the calibration period, with their dense indices (`rows`). */
export function calibrationColumns(summary: PurchaseSummary) {
  let count = 0;
  for (const flag of summary.inCalibration) count += flag;
  if (count === summary.customerCount) {
    // Every customer is in (the whole history's summary): the columns themselves, not a copy of them.
    const { x, tx, T, meanRepeatValue } = summary;
    const rows = new Int32Array(count);
    for (let row = 0; row < count; row++) rows[row] = row;
    return { rows, x, tx, T, meanRepeatValue };
  }
  const rows = new Int32Array(count);
  for (let row = 0, next = 0; row < summary.customerCount; row++) {
    if (summary.inCalibration[row] === 1) rows[next++] = row;
  }
  return {
    rows,
    x: pickRows(summary.x, rows),
    tx: pickRows(summary.tx, rows),
    T: pickRows(summary.T, rows),
    meanRepeatValue: pickRows(summary.meanRepeatValue, rows),
  };
}

/** column[rows[i]] for each i (a plain loop: Float64Array.from with a mapping function is several times slower). */
export function pickRows(column: Float64Array, rows: Int32Array): Float64Array {
  const picked = new Float64Array(rows.length);
  for (let index = 0; index < rows.length; index++) picked[index] = column[rows[index] as number] as number;
  return picked;
}
