/**
 * A small vector autoregression across aligned series (Lütkepohl, New Introduction to Multiple Time Series
 * Analysis, 2005): each series regressed on an intercept and the last p values of every series, by least
 * squares (ml-matrix's QR solve), p from 1 to MAX_LAG chosen by AIC = ln det(Sigma) + 2 p K^2 / T on the same
 * sample for every p (3.3.2 and 4.3). Forecasts iterate the fitted equations; their covariance after h steps is
 * sum_{i<h} Phi_i Sigma Phi_i' with Phi the moving-average weights (3.5), which gives each series its interval.
 */
import { Matrix, determinant, solve } from 'ml-matrix';
import type { ModelForecast } from './forecast-types.ts';

/** The largest order tried: the reference documents' VARs across segments use one or two monthly lags. */
export const MAX_LAG = 3;

export interface VarFit {
  readonly order: number;
  /** intercept[k]: equation k's constant. */
  readonly intercept: readonly number[];
  /** coefficients[j][k][l]: the weight in equation k of series l lagged j + 1 periods. */
  readonly coefficients: readonly (readonly (readonly number[])[])[];
  /** Residual covariance, divided by the degrees of freedom of each equation. */
  readonly covariance: readonly (readonly number[])[];
  readonly aic: number;
}

/** Fits the VAR of the AIC-chosen order; undefined when too short for even one lag or when it is singular. */
export function fitVar(histories: readonly (readonly number[])[], maxLag = MAX_LAG): VarFit | undefined {
  try {
    return fitVarOrThrow(histories, maxLag);
  } catch (error) {
    // ml-matrix's QR solve throws on a rank-deficient design: a flat series, or two series moving as one.
    if (error instanceof Error && /rank deficient/i.test(error.message)) return undefined;
    throw error;
  }
}

function fitVarOrThrow(histories: readonly (readonly number[])[], maxLag: number): VarFit | undefined {
  const seriesCount = histories.length;
  const length = histories[0]?.length ?? 0;
  // Each equation needs, beyond its 1 + K p coefficients, K + 1 residual degrees of freedom for a usable Sigma.
  const enough = (order: number): boolean => length - order - (1 + seriesCount * order) >= seriesCount + 1;
  let largest = Math.min(maxLag, length);
  while (largest >= 1 && !enough(largest)) largest -= 1;
  if (seriesCount < 2 || largest < 1) return undefined;
  let chosen: { order: number; aic: number } | undefined;
  for (let order = 1; order <= largest; order += 1) {
    const { residuals, rows } = leastSquares(histories, order, largest);
    const logDet = Math.log(determinant(residuals.transpose().mmul(residuals).div(rows)));
    const aic = logDet + (2 * order * seriesCount * seriesCount) / rows;
    if (Number.isFinite(aic) && (chosen === undefined || aic < chosen.aic)) chosen = { order, aic };
  }
  if (chosen === undefined) return undefined;
  const { order, aic } = chosen;
  const { coefficients, residuals, rows } = leastSquares(histories, order, order);
  const covariance = residuals
    .transpose()
    .mmul(residuals)
    .div(rows - 1 - seriesCount * order);
  return {
    order,
    aic,
    intercept: coefficients.getRow(0),
    coefficients: Array.from({ length: order }, (_, lag) =>
      Array.from({ length: seriesCount }, (_, equation) =>
        Array.from({ length: seriesCount }, (_, series) =>
          coefficients.get(1 + lag * seriesCount + series, equation),
        ),
      ),
    ),
    covariance: covariance.to2DArray(),
  };
}

/** Each series' forecast by the VAR across all of them, or undefined for every series when it cannot be fitted. */
export function varForecasts(
  histories: readonly (readonly number[])[],
  horizon: number,
): (ModelForecast | undefined)[] {
  const fit = fitVar(histories);
  if (fit === undefined) return histories.map(() => undefined);
  const paths = histories.map((history) => [...history]);
  for (let step = 0; step < horizon; step += 1) {
    const next = fit.intercept.map((constant, equation) =>
      fit.coefficients.reduce(
        (sum, lagWeights, lag) =>
          sum +
          (lagWeights[equation] ?? []).reduce(
            (inner, weight, series) => inner + weight * lagged(paths, series, lag),
            0,
          ),
        constant,
      ),
    );
    next.forEach((value, series) => paths[series]?.push(value));
  }
  const variances = forecastVariances(fit, horizon);
  return histories.map((history, series) => ({
    model: {
      kind: 'var',
      order: fit.order,
      seriesCount: histories.length,
      aic: fit.aic,
      residualSd: Math.sqrt(fit.covariance[series]?.[series] ?? 0),
    },
    points: paths[series]?.slice(history.length) ?? [],
    variances: variances.map((matrix) => matrix.get(series, series)),
  }));
}

const lagged = (paths: readonly number[][], series: number, lag: number): number => {
  const path = paths[series] ?? [];
  return path[path.length - 1 - lag] ?? 0;
};

/** The regression of every series on an intercept and `order` lags, on the rows after the first `skip` periods. */
function leastSquares(
  histories: readonly (readonly number[])[],
  order: number,
  skip: number,
): { coefficients: Matrix; residuals: Matrix; rows: number } {
  const length = histories[0]?.length ?? 0;
  const design: number[][] = [];
  const targets: number[][] = [];
  for (let time = skip; time < length; time += 1) {
    const row = [1];
    for (let lag = 1; lag <= order; lag += 1)
      histories.forEach((history) => row.push(history[time - lag] ?? 0));
    design.push(row);
    targets.push(histories.map((history) => history[time] ?? 0));
  }
  const x = new Matrix(design);
  const y = new Matrix(targets);
  const coefficients = solve(x, y);
  return { coefficients, residuals: y.sub(x.mmul(coefficients)), rows: design.length };
}

/** The forecast covariance of steps 1..horizon from the moving-average weights Phi_i. */
function forecastVariances(fit: VarFit, horizon: number): Matrix[] {
  const seriesCount = fit.intercept.length;
  const lagMatrices = fit.coefficients.map((weights) => new Matrix(weights.map((row) => [...row])));
  const sigma = new Matrix(fit.covariance.map((row) => [...row]));
  const weights: Matrix[] = [Matrix.eye(seriesCount)];
  for (let i = 1; i < horizon; i += 1) {
    let phi = Matrix.zeros(seriesCount, seriesCount);
    for (let j = 1; j <= Math.min(i, fit.order); j += 1) {
      phi = phi.add((weights[i - j] as Matrix).mmul(lagMatrices[j - 1] as Matrix));
    }
    weights.push(phi);
  }
  const result: Matrix[] = [];
  let total = Matrix.zeros(seriesCount, seriesCount);
  for (const phi of weights) {
    total = total.add(phi.mmul(sigma).mmul(phi.transpose()));
    result.push(total.clone());
  }
  return result;
}
