/**
 * What the P(high value) classifier knows of a customer on a given day: features from their purchases up to that
 * day (inclusive), in the purchase summary's convention (same-day orders merged, times in the summary's unit), and
 * the value they then bought in the days that followed (the label's raw material). Sums of money are rounded to
 * 1e-4, as the ledger rounds its totals, so that the order of the entries cannot change a feature in its last
 * bits (and with it the canonical order of customers that the training split relies on).
 */
import type { FeatureMatrix } from './logistic-regression.ts';
import { groupedFor, type OrdersByCustomer } from './orders-by-customer.ts';
import { DAYS_PER_UNIT, type OrderColumns, type TimeUnit } from './purchase-summary.ts';

/**
 * The features, in column order: log1p(x) (repeat purchase days); recency = T - t_x (units since the last
 * purchase); age = T (units since the first); log1p(mean value of the repeat purchases, 0 without one);
 * log1p(total value up to the day, first purchase included). Logs tame the long tails of counts and money.
 */
export const HIGH_VALUE_FEATURES = [
  'log_repeat_purchases',
  'recency',
  'age',
  'log_mean_repeat_value',
  'log_total_value',
] as const;

export type HighValueFeature = (typeof HIGH_VALUE_FEATURES)[number];

export interface CustomerFeatures {
  /** Dense customer index of each row: the customers whose first purchase is on or before the day. */
  readonly customers: Int32Array;
  /** One row per entry of `customers`, columns as HIGH_VALUE_FEATURES. */
  readonly features: FeatureMatrix;
  /** Each row's purchase value in the `followingDays` days after the day (rounded to 1e-4). */
  readonly followingValue: Float64Array;
}

export interface FeatureDay {
  readonly customerCount: number;
  /** The last day the features see, inclusive. */
  readonly endDay: number;
  /** Days after it whose purchases make `followingValue` (0 when scoring). */
  readonly followingDays: number;
  readonly timeUnit: TimeUnit;
}

/** Rounds money to 1e-4: equal totals stay equal whatever the order they were added in. */
const roundMoney = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * The features of every customer seen by `endDay`, and what they bought in the following days. Read from the
 * orders grouped by customer (grouped in a copy when they are not): nothing per customer is built but the matrix.
 */
export function customerFeaturesAt(orders: OrderColumns, day: FeatureDay): CustomerFeatures {
  const grouped = groupedFor(orders, day.customerCount);
  let seen = 0;
  for (let customer = 0; customer < day.customerCount; customer++) if (isSeen(grouped, customer, day)) seen++;
  const width = HIGH_VALUE_FEATURES.length;
  const customers = new Int32Array(seen);
  const matrix = new Float64Array(seen * width);
  const followingValue = new Float64Array(seen);
  const features = new Float64Array(width);
  for (let customer = 0, row = 0; customer < day.customerCount; customer++) {
    if (!isSeen(grouped, customer, day)) continue;
    followingValue[row] = customerFeaturesInto(grouped, customer, day, features);
    matrix.set(features, row * width);
    customers[row++] = customer;
  }
  return {
    customers,
    features: { rowCount: seen, columnCount: width, values: matrix },
    followingValue,
  };
}

/** Whether the customer's first purchase is on or before the day (their orders are in day order). */
export function isSeen(grouped: OrdersByCustomer, customer: number, day: FeatureDay): boolean {
  const start = grouped.offsets[customer] as number;
  return start < (grouped.offsets[customer + 1] as number) && (grouped.days[start] as number) <= day.endDay;
}

/**
 * Writes a seen customer's features (HIGH_VALUE_FEATURES order) into `into` and returns the value they bought in
 * the following days, in the purchase summary's convention (same-day orders one purchase, times in the unit).
 */
export function customerFeaturesInto(
  grouped: OrdersByCustomer,
  customer: number,
  day: FeatureDay,
  into: Float64Array,
): number {
  const { days, amounts } = grouped;
  const start = grouped.offsets[customer] as number;
  const end = grouped.offsets[customer + 1] as number;
  const firstDay = days[start] as number;
  const followingEnd = day.endDay + day.followingDays;
  let purchaseDays = 0;
  let lastDay = firstDay;
  let total = 0;
  let firstDayValue = 0;
  let following = 0;
  for (let offset = start; offset < end; offset++) {
    const orderDay = days[offset] as number;
    const amount = amounts[offset] as number;
    if (orderDay <= day.endDay) {
      if (offset === start || orderDay !== days[offset - 1]) purchaseDays++;
      lastDay = orderDay;
      total += amount;
      if (orderDay === firstDay) firstDayValue += amount;
    } else if (orderDay <= followingEnd) {
      following += amount;
    }
  }
  const unitDays = DAYS_PER_UNIT[day.timeUnit];
  const x = purchaseDays - 1;
  const T = (day.endDay - firstDay) / unitDays;
  const tx = (lastDay - firstDay) / unitDays;
  const roundedTotal = roundMoney(total);
  const repeatValue = roundedTotal - roundMoney(firstDayValue);
  into[0] = Math.log1p(x);
  into[1] = T - tx;
  into[2] = T;
  into[3] = Math.log1p(x > 0 ? Math.max(0, repeatValue / x) : 0);
  into[4] = Math.log1p(Math.max(0, roundedTotal));
  return roundMoney(following);
}
