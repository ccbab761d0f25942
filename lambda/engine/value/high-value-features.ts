/**
 * What the P(high value) classifier knows of a customer on a given day: features from their purchases up to that
 * day (inclusive), in the purchase summary's convention (same-day orders merged, times in the summary's unit), and
 * the value they then bought in the days that followed (the label's raw material). Sums of money are rounded to
 * 1e-4, as the ledger rounds its totals, so that the order of the entries cannot change a feature in its last
 * bits (and with it the canonical order of customers that the training split relies on).
 */
import type { FeatureMatrix } from './logistic-regression.ts';
import { type OrderColumns, summarisePurchases, type TimeUnit } from './purchase-summary.ts';

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

/** The features of every customer seen by `endDay`, and what they bought in the following days. */
export function customerFeaturesAt(orders: OrderColumns, day: FeatureDay): CustomerFeatures {
  const summary = summarisePurchases(orders, {
    customerCount: day.customerCount,
    calibrationEndDay: day.endDay,
    observationEndDay: day.endDay + day.followingDays,
    timeUnit: day.timeUnit,
  });
  const values = valuesUpTo(orders, day.customerCount, day.endDay);
  const customers = Int32Array.from(summary.inCalibration.keys()).filter(
    (customer) => summary.inCalibration[customer] === 1,
  );
  const width = HIGH_VALUE_FEATURES.length;
  const matrix = new Float64Array(customers.length * width);
  customers.forEach((customer, row) => {
    const x = summary.x[customer] as number;
    const T = summary.T[customer] as number;
    const total = roundMoney(values.total[customer] as number);
    const repeatValue = total - roundMoney(values.firstDay[customer] as number);
    const at = row * width;
    matrix[at] = Math.log1p(x);
    matrix[at + 1] = T - (summary.tx[customer] as number);
    matrix[at + 2] = T;
    matrix[at + 3] = Math.log1p(x > 0 ? Math.max(0, repeatValue / x) : 0);
    matrix[at + 4] = Math.log1p(Math.max(0, total));
  });
  return {
    customers,
    features: { rowCount: customers.length, columnCount: width, values: matrix },
    followingValue: Float64Array.from(customers, (customer) =>
      roundMoney(summary.holdoutValue[customer] as number),
    ),
  };
}

/**
 * Each customer's total order value on days up to `endDay`, and the value of their first purchase day (the
 * summary's mean repeat value is a quotient of an unrounded sum: recomputed here from rounded sums instead).
 */
function valuesUpTo(
  orders: OrderColumns,
  customerCount: number,
  endDay: number,
): { total: Float64Array; firstDay: Float64Array } {
  const total = new Float64Array(customerCount);
  const firstDay = new Float64Array(customerCount);
  const firstDayNumber = new Float64Array(customerCount).fill(Number.POSITIVE_INFINITY);
  for (let order = 0; order < orders.count; order++) {
    const day = orders.days[order] as number;
    if (day > endDay) continue;
    const customer = orders.customers[order] as number;
    const amount = orders.amounts[order] as number;
    total[customer] = (total[customer] as number) + amount;
    if (day < (firstDayNumber[customer] as number)) {
      firstDayNumber[customer] = day;
      firstDay[customer] = amount;
    } else if (day === firstDayNumber[customer]) {
      firstDay[customer] = (firstDay[customer] as number) + amount;
    }
  }
  return { total, firstDay };
}
