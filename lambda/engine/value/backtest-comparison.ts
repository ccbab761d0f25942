/**
 * The backtest's comparison of predicted with actual holdout purchases, for the model and for a naive baseline:
 * totals, mean absolute error per customer, and the means by number of calibration repeat purchases (0, 1, ...,
 * 7+), the table of Fader, Hardie & Lee (2005, Figure 4). Plain numbers and arrays, ready for the analysis JSON.
 */

/** Calibration repeat purchases from which customers share the last row of the table (7+). */
export const REPEAT_PURCHASES_TABLE_TOP = 7;

/** One row of the table: customers with that many calibration repeat purchases (or more, on the last row). */
export interface RepeatPurchasesRow {
  readonly repeatPurchases: number;
  /** True on the last row: `repeatPurchases` or more. */
  readonly orMore: boolean;
  readonly customers: number;
  /** Means over the row's customers of the holdout purchases; null when the row has no customer. */
  readonly meanPredicted: number | null;
  readonly meanBaseline: number | null;
  readonly meanActual: number | null;
}

export interface PurchaseComparison {
  /** Calibration customers compared. */
  readonly customers: number;
  readonly predictedTotal: number;
  readonly baselineTotal: number;
  readonly actualTotal: number;
  /** Mean over customers of |predicted - actual| holdout purchases. */
  readonly modelMae: number;
  readonly baselineMae: number;
  /** modelMae / baselineMae (below 1: the model is better); null when the baseline's error is 0. */
  readonly maeRatio: number | null;
  readonly byRepeatPurchases: RepeatPurchasesRow[];
}

/**
 * The naive baseline: each customer keeps the repeat purchase rate they had, x / T purchases per unit from their
 * first purchase to the calibration end, for `horizon` units; 0 for a customer first seen on that end (T = 0).
 * @example naiveBaselinePurchases(2, 38.86, 39) // 2.007: 2 repeat purchases in 38.86 weeks, over 39 weeks
 */
export function naiveBaselinePurchases(x: number, T: number, horizon: number): number {
  return T > 0 ? (x / T) * horizon : 0;
}

/** Per calibration customer: repeat purchases in calibration, and the holdout purchases predicted and actual. */
export interface ComparedColumns {
  readonly x: Float64Array;
  readonly predicted: Float64Array;
  readonly baseline: Float64Array;
  readonly actual: Float64Array;
}

/** Totals, errors and the table by calibration repeat purchases; at least one customer is needed. */
export function comparePurchases(columns: ComparedColumns): PurchaseComparison {
  const count = columns.x.length;
  if (count === 0) throw new RangeError('the comparison needs at least one calibration customer');
  const rows = Array.from({ length: REPEAT_PURCHASES_TABLE_TOP + 1 }, () => ({
    customers: 0,
    predicted: 0,
    baseline: 0,
    actual: 0,
  }));
  let modelError = 0;
  let baselineError = 0;
  for (let customer = 0; customer < count; customer++) {
    const predicted = columns.predicted[customer] as number;
    const baseline = columns.baseline[customer] as number;
    const actual = columns.actual[customer] as number;
    const row = rows[Math.min(columns.x[customer] as number, REPEAT_PURCHASES_TABLE_TOP)] as (typeof rows)[0];
    row.customers++;
    row.predicted += predicted;
    row.baseline += baseline;
    row.actual += actual;
    modelError += Math.abs(predicted - actual);
    baselineError += Math.abs(baseline - actual);
  }
  const sumOf = (key: 'predicted' | 'baseline' | 'actual') => rows.reduce((sum, row) => sum + row[key], 0);
  const meanOf = (sum: number, customers: number) => (customers > 0 ? sum / customers : null);
  return {
    customers: count,
    predictedTotal: sumOf('predicted'),
    baselineTotal: sumOf('baseline'),
    actualTotal: sumOf('actual'),
    modelMae: modelError / count,
    baselineMae: baselineError / count,
    maeRatio: baselineError > 0 ? modelError / baselineError : null,
    byRepeatPurchases: rows.map((row, repeatPurchases) => ({
      repeatPurchases,
      orMore: repeatPurchases === REPEAT_PURCHASES_TABLE_TOP,
      customers: row.customers,
      meanPredicted: meanOf(row.predicted, row.customers),
      meanBaseline: meanOf(row.baseline, row.customers),
      meanActual: meanOf(row.actual, row.customers),
    })),
  };
}
