/**
 * Customer lifetime value over a horizon, as lifetimes' `customer_lifetime_value` computes it: month by month,
 * the purchases BG/NBD expects in that month (the difference of its cumulative expectation) times the
 * Gamma-Gamma expected order value, discounted to today at a monthly rate, then times the margin. With the
 * default margin of 1 the result is revenue CLV, not profit: callers must say which in every output.
 */
import type { BgNbdParameters } from './bg-nbd-likelihood.ts';
import { type CustomerHistory, conditionalExpectedPurchases } from './bg-nbd-predictions.ts';
import { expectedAverageOrderValue } from './gamma-gamma.ts';
import type { GammaGammaParameters } from './gamma-gamma-likelihood.ts';
import { DAYS_PER_UNIT, type TimeUnit } from './purchase-summary.ts';

export interface CustomerValueOptions {
  /** Whole months ahead. @default 12 */
  readonly horizonMonths?: number;
  /**
   * Discount rate per month. @default 0.01: about 12.7% a year ((1.01)^12 - 1), near a common cost of capital
   * for a retail business, and lifetimes' default.
   */
  readonly monthlyDiscountRate?: number;
  /** Share of revenue kept as profit. @default 1: revenue CLV */
  readonly margin?: number;
  /** The unit t_x and T are in (the fit's). @default 'weeks' */
  readonly timeUnit?: TimeUnit;
}

export const CUSTOMER_VALUE_DEFAULTS: Required<CustomerValueOptions> = {
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  margin: 1,
  timeUnit: 'weeks',
};

/** The fitted models a value is computed from. */
export interface ValueModels {
  readonly purchases: BgNbdParameters;
  readonly spend: GammaGammaParameters;
}

/**
 * One customer's discounted value: sum over months k = 1..horizon of (E[X(k months)] - E[X(k - 1 months)]) times
 * the expected order value, divided by (1 + rate)^k, times the margin. A month is 365.25 / 12 days (4.348 weeks;
 * lifetimes rounds it to 4.345).
 */
export function customerLifetimeValue(
  models: ValueModels,
  history: CustomerHistory,
  meanRepeatValue: number,
  options: CustomerValueOptions = {},
): number {
  const settings = { ...CUSTOMER_VALUE_DEFAULTS, ...options };
  const orderValue = expectedAverageOrderValue(models.spend, history.x, meanRepeatValue);
  return discountedExpectedPurchases(models.purchases, history, settings) * orderValue * settings.margin;
}

/**
 * The purchase side of the CLV, which depends on the history alone: sum over months k = 1..horizon of
 * (E[X(k months)] - E[X(k - 1 months)]) / (1 + rate)^k. The CLV is this times the order value and the margin.
 */
export function discountedExpectedPurchases(
  purchases: BgNbdParameters,
  history: CustomerHistory,
  options: CustomerValueOptions = {},
): number {
  const settings = { ...CUSTOMER_VALUE_DEFAULTS, ...options };
  checkSettings(settings);
  const unitsPerMonth = DAYS_PER_UNIT.months / DAYS_PER_UNIT[settings.timeUnit];
  let discounted = 0;
  let purchasesSoFar = 0;
  for (let month = 1; month <= settings.horizonMonths; month++) {
    const purchasesByMonth = conditionalExpectedPurchases(purchases, history, month * unitsPerMonth);
    discounted += (purchasesByMonth - purchasesSoFar) / Math.pow(1 + settings.monthlyDiscountRate, month);
    purchasesSoFar = purchasesByMonth;
  }
  return discounted;
}

/** customerLifetimeValue for every customer of the columns. */
export function customerLifetimeValues(
  models: ValueModels,
  columns: {
    readonly x: Float64Array;
    readonly tx: Float64Array;
    readonly T: Float64Array;
    readonly meanRepeatValue: Float64Array;
  },
  options: CustomerValueOptions = {},
): Float64Array {
  const values = new Float64Array(columns.x.length);
  for (let customer = 0; customer < values.length; customer++) {
    const history = {
      x: columns.x[customer] as number,
      tx: columns.tx[customer] as number,
      T: columns.T[customer] as number,
    };
    values[customer] = customerLifetimeValue(
      models,
      history,
      columns.meanRepeatValue[customer] as number,
      options,
    );
  }
  return values;
}

function checkSettings(settings: Required<CustomerValueOptions>): void {
  if (
    !Number.isInteger(settings.horizonMonths) ||
    settings.horizonMonths < 1 ||
    settings.horizonMonths > 1200
  ) {
    throw new RangeError('the horizon must be a whole number of months between 1 and 1200');
  }
  if (!(settings.monthlyDiscountRate > -1))
    throw new RangeError('the monthly discount rate must be above -100%');
  if (!Number.isFinite(settings.margin)) throw new RangeError('the margin must be a finite number');
}
