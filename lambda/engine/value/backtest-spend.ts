/**
 * The backtest of the spend side: the Gamma-Gamma fit on the calibration period, each customer's predicted
 * holdout revenue (BG/NBD's expected purchases times their expected average order value, undiscounted) against
 * the revenue of their holdout purchases. Its error does not vote in the verdict (the purchase model's does); a
 * failed fit withholds the value figures (order value, CLV), not the purchase predictions.
 */
import { expectedAverageOrderValue, fitGammaGamma } from './gamma-gamma.ts';
import type { GammaGammaParameters } from './gamma-gamma-likelihood.ts';
import type { FitOptions } from './fit-sample.ts';

export interface SpendBacktest {
  readonly parameters: GammaGammaParameters;
  readonly logLikelihood: number;
  readonly customersFitted: number;
  /** Pearson's r between x and the mean repeat value (the model assumes independence). */
  readonly frequencyValueCorrelation: number;
  readonly predictedRevenue: number;
  readonly actualRevenue: number;
  /** Mean over customers of |predicted - actual| holdout revenue. */
  readonly revenueMae: number;
}

/** Calibration columns of the spend fit, the predicted holdout purchases and the actual holdout revenue. */
export interface SpendColumns {
  readonly x: Float64Array;
  readonly meanRepeatValue: Float64Array;
  readonly predictedPurchases: Float64Array;
  readonly actualRevenue: Float64Array;
}

/** Fits Gamma-Gamma and compares revenue; throws a RangeError with the reason when the fit is unusable. */
export function backtestSpend(columns: SpendColumns, options: FitOptions = {}): SpendBacktest {
  const fit = fitGammaGamma(columns.x, columns.meanRepeatValue, options);
  const { q } = fit.parameters;
  if (!(q > 1) || !fit.converged) {
    throw new RangeError(
      fit.converged
        ? `spend model: q = ${q.toFixed(3)}, so the mean order value is infinite`
        : 'spend model: the optimiser did not converge',
    );
  }
  let predictedRevenue = 0;
  let actualRevenue = 0;
  let error = 0;
  const count = columns.x.length;
  for (let customer = 0; customer < count; customer++) {
    const orderValue = expectedAverageOrderValue(
      fit.parameters,
      columns.x[customer] as number,
      columns.meanRepeatValue[customer] as number,
    );
    const predicted = (columns.predictedPurchases[customer] as number) * orderValue;
    const actual = columns.actualRevenue[customer] as number;
    predictedRevenue += predicted;
    actualRevenue += actual;
    error += Math.abs(predicted - actual);
  }
  return {
    parameters: fit.parameters,
    logLikelihood: fit.logLikelihood,
    customersFitted: fit.customersFitted,
    frequencyValueCorrelation: fit.frequencyValueCorrelation,
    predictedRevenue,
    actualRevenue,
    revenueMae: count > 0 ? error / count : 0,
  };
}
