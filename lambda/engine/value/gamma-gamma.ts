/**
 * The Gamma-Gamma spend model: fitted on the repeat customers with a positive mean repeat value (the first
 * purchase is left out, as in the paper, because it often differs from the ones that follow), it gives each
 * customer's expected average order value, a weighted mean of the population mean p v / (q - 1) and their own
 * mean, weighted by how many repeat purchases back it. It assumes spend is independent of purchase frequency:
 * the Pearson correlation between the two is returned so that a caller can warn when it is high.
 */
import { FIT_SAMPLE_SIZE, type FitOptions, fitRows } from './fit-sample.ts';
import {
  type GammaGammaParameters,
  gammaGammaFromLog,
  gammaGammaNegativeLogLikelihood,
  spendData,
} from './gamma-gamma-likelihood.ts';
import { minimiseWarmOrFromStarts, type Objective } from './multi-start-minimise.ts';

/** Log-parameter starts (p, q, v): lifetimes' start (0.1 each), all ones, and a wider spread of spend. */
export const GAMMA_GAMMA_STARTS: readonly (readonly number[])[] = [
  [0.1, 0.1, 0.1],
  [0, 0, 0],
  [1, 1, 1],
];

export interface GammaGammaFit {
  readonly parameters: GammaGammaParameters;
  /** The log-likelihood of the customers fitted, not normalised: -4,055.92 on the CDNOW sample. */
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Repeat customers with a positive mean value that the parameters were fitted on. */
  readonly customersFitted: number;
  /** Pearson correlation between x and the mean repeat value over those customers (the model assumes 0). */
  readonly frequencyValueCorrelation: number;
}

/** Fits p, q, v on the customers with x > 0 and a positive mean repeat value; at least one is needed. */
export function fitGammaGamma(
  x: Float64Array,
  meanRepeatValue: Float64Array,
  options: FitOptions = {},
): GammaGammaFit {
  const rows: number[] = [];
  for (let customer = 0; customer < x.length; customer++) {
    if ((x[customer] as number) > 0 && (meanRepeatValue[customer] as number) > 0) rows.push(customer);
  }
  if (rows.length === 0)
    throw new RangeError('Gamma-Gamma needs at least one repeat customer with a positive value');
  const repeat = {
    x: Float64Array.from(rows, (row) => x[row] as number),
    meanValue: Float64Array.from(rows, (row) => meanRepeatValue[row] as number),
  };
  const fitted = fitRows(repeat, rows.length, options.sampleSize ?? FIT_SAMPLE_SIZE, options.seed ?? 1);
  const data = spendData(fitted.columns.x, fitted.columns.meanValue, fitted.weights);
  const objective: Objective = (point, gradient) => gammaGammaNegativeLogLikelihood(point, data, gradient);
  const best = minimiseWarmOrFromStarts(objective, options.starts, GAMMA_GAMMA_STARTS);
  return {
    parameters: gammaGammaFromLog(best.point),
    logLikelihood: -best.value * data.count,
    iterations: best.iterations,
    converged: best.converged,
    customersFitted: data.count,
    frequencyValueCorrelation: pearsonCorrelation(repeat.x, repeat.meanValue),
  };
}

/**
 * E[M | x, m]: a customer's expected average order value, (p (v + x m)) / (p x + q - 1); with x = 0, the
 * population mean p v / (q - 1). Needs q > 1 (else the population mean is infinite).
 * @example expectedAverageOrderValue({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35) // ≈ 24.66
 */
export function expectedAverageOrderValue(
  parameters: GammaGammaParameters,
  x: number,
  meanValue: number,
): number {
  const { p, q, v } = parameters;
  const observed = x > 0 ? meanValue : 0;
  return (p * (v + x * observed)) / (p * x + q - 1);
}

/** The population mean of the average order value, p v / (q - 1) (Infinity when q <= 1). */
export function populationAverageOrderValue(parameters: GammaGammaParameters): number {
  const { p, q, v } = parameters;
  return q > 1 ? (p * v) / (q - 1) : Number.POSITIVE_INFINITY;
}

/** Pearson's r of two columns of the same length; 0 when either is constant. */
export function pearsonCorrelation(left: Float64Array, right: Float64Array): number {
  const count = left.length;
  let meanLeft = 0;
  let meanRight = 0;
  for (let index = 0; index < count; index++) {
    meanLeft += (left[index] as number) / count;
    meanRight += (right[index] as number) / count;
  }
  let cross = 0;
  let squaresLeft = 0;
  let squaresRight = 0;
  for (let index = 0; index < count; index++) {
    const dl = (left[index] as number) - meanLeft;
    const dr = (right[index] as number) - meanRight;
    cross += dl * dr;
    squaresLeft += dl * dl;
    squaresRight += dr * dr;
  }
  return squaresLeft > 0 && squaresRight > 0 ? cross / Math.sqrt(squaresLeft * squaresRight) : 0;
}
