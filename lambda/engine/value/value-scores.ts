/**
 * The models fitted on the whole history up to the as-of day, and every customer scored: P(alive), expected
 * purchases over the horizon, expected order value (Gamma-Gamma; its population mean for one-time buyers) and the
 * discounted CLV. The purchase side is predicted once per distinct (x, t_x, T) (distinct-histories.ts).
 */
import { fitBgNbd } from './bg-nbd-fit.ts';
import type { BgNbdParameters } from './bg-nbd-likelihood.ts';
import type { FitOptions } from './fit-sample.ts';
import type { GammaGammaParameters } from './gamma-gamma-likelihood.ts';
import { conditionalExpectedPurchases, probabilityAlive } from './bg-nbd-predictions.ts';
import { perDistinctHistory } from './bg-nbd-scores.ts';
import { type CustomerValueOptions, discountedExpectedPurchases } from './customer-value.ts';
import { distinctHistories } from './distinct-histories.ts';
import { expectedAverageOrderValue, fitGammaGamma } from './gamma-gamma.ts';
import {
  calibrationColumns,
  DAYS_PER_UNIT,
  type OrderColumns,
  summarisePurchases,
} from './purchase-summary.ts';
import type { ValueAnalysis, ValueColumns } from './value-result.ts';

export interface FittedValue {
  readonly purchaseModel: NonNullable<ValueAnalysis['purchaseModel']>;
  readonly spendModel: ValueAnalysis['spendModel'];
  /** Why the spend model failed on the whole history; null when it fitted or was not allowed. */
  readonly spendFailure: string | null;
  readonly customersScored: number;
  /** Every column but P(high value), which the classifier fills. */
  readonly columns: ValueColumns;
}

/**
 * What the backtest says to the fits on the whole history: its optima, where they start from, and whether the
 * spend model may be fitted at all (not when it failed in the backtest: its figures are withheld either way).
 */
export interface WarmStarts {
  readonly purchases: BgNbdParameters | undefined;
  readonly spend: GammaGammaParameters | undefined;
  readonly spendAllowed: boolean;
}

/** Fits both models on the orders up to `lastDay` (inclusive) and scores every customer row. */
export function fitAndScoreValue(
  orders: OrderColumns,
  customerCount: number,
  lastDay: number,
  options: Required<CustomerValueOptions>,
  warm: WarmStarts,
): FittedValue {
  const summary = summarisePurchases(orders, {
    customerCount,
    calibrationEndDay: lastDay,
    timeUnit: options.timeUnit,
  });
  const calibration = calibrationColumns(summary);
  const { fit, spend } = fitModels(calibration, warm);
  const horizon = (options.horizonMonths * DAYS_PER_UNIT.months) / DAYS_PER_UNIT[options.timeUnit];
  const distinct = distinctHistories(calibration);
  const { parameters } = fit;
  const alive = perDistinctHistory(distinct, (history) => probabilityAlive(parameters, history));
  const expected = perDistinctHistory(distinct, (history) =>
    conditionalExpectedPurchases(parameters, history, horizon),
  );
  const discounted = perDistinctHistory(distinct, (history) =>
    discountedExpectedPurchases(parameters, history, options),
  );
  const column = () => new Float64Array(customerCount).fill(Number.NaN);
  const columns = {
    probabilityAlive: column(),
    expectedPurchases: column(),
    expectedOrderValue: column(),
    clv: column(),
    probabilityHighValue: column(),
  };
  calibration.rows.forEach((row, customer) => {
    const history = distinct.indexOfRow[customer] as number;
    columns.probabilityAlive[row] = alive[history] as number;
    columns.expectedPurchases[row] = expected[history] as number;
    if (spend.model === null) return;
    const x = calibration.x[customer] as number;
    const orderValue = expectedAverageOrderValue(
      spend.model.parameters,
      x,
      calibration.meanRepeatValue[customer] as number,
    );
    columns.expectedOrderValue[row] = orderValue;
    columns.clv[row] = (discounted[history] as number) * orderValue * options.margin;
  });
  return {
    purchaseModel: {
      parameters,
      logLikelihood: fit.logLikelihood,
      customersFitted: fit.customersFitted,
      converged: fit.converged,
    },
    spendModel: spend.model,
    spendFailure: spend.failure,
    customersScored: calibration.rows.length,
    columns,
  };
}

/** BG/NBD and Gamma-Gamma on the calibration columns, each from the backtest's optimum when there is one. */
function fitModels(
  calibration: ReturnType<typeof calibrationColumns>,
  warm: WarmStarts,
): { fit: ReturnType<typeof fitBgNbd>; spend: ReturnType<typeof fitSpend> } {
  const logOf = (values: readonly number[]) => [values.map(Math.log)];
  const { purchases, spend: spendStart } = warm;
  const fit = fitBgNbd(
    calibration,
    purchases ? { starts: logOf([purchases.r, purchases.alpha, purchases.a, purchases.b]) } : {},
  );
  const spend = warm.spendAllowed
    ? fitSpend(
        calibration.x,
        calibration.meanRepeatValue,
        spendStart ? { starts: logOf([spendStart.p, spendStart.q, spendStart.v]) } : {},
      )
    : { model: null, failure: null };
  return { fit, spend };
}

/** Gamma-Gamma on the repeat customers, or why it cannot give a finite mean order value. */
function fitSpend(
  x: Float64Array,
  meanRepeatValue: Float64Array,
  options: FitOptions,
): { model: ValueAnalysis['spendModel']; failure: string | null } {
  try {
    const fit = fitGammaGamma(x, meanRepeatValue, options);
    const { q } = fit.parameters;
    if (!fit.converged) return { model: null, failure: 'spend model: the optimiser did not converge' };
    if (!(q > 1)) {
      return {
        model: null,
        failure: `spend model: q = ${q.toFixed(3)}, so the mean order value is infinite`,
      };
    }
    const { parameters, logLikelihood, customersFitted, frequencyValueCorrelation } = fit;
    return {
      model: { parameters, logLikelihood, customersFitted, frequencyValueCorrelation },
      failure: null,
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { model: null, failure: error.message };
  }
}
