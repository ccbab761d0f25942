/**
 * The Gamma-Gamma spend model's log-likelihood (Fader, Hardie & Lee 2005, "The Gamma-Gamma Model of Monetary
 * Value") and its analytic gradient, on log(p, q, v), normalised by the number of customers. A customer with x
 * repeat purchases of mean value m contributes
 *   lnG(px + q) - lnG(px) - lnG(q) + q ln v + (px - 1) ln m + px ln x - (px + q) ln(x m + v),
 * as in lifetimes' GammaGammaFitter. The terms in x alone (the log-gammas and digammas of px) are computed once
 * per distinct x.
 */
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { distinctValues } from './distinct-values.ts';

/** The spend parameters: each customer's mean order value is Gamma(p, nu), nu ~ Gamma(q, v). */
export interface GammaGammaParameters {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/** Repeat customers (x > 0, m > 0), with each customer's index into the distinct values of x. */
export interface SpendData {
  /** Customers represented: the rows, or the sum of the weights. */
  readonly count: number;
  /** Customers sharing each row's (x, m); undefined: one each. */
  readonly weights: Float64Array | undefined;
  readonly x: Float64Array;
  readonly meanValue: Float64Array;
  readonly distinctX: Float64Array;
  readonly distinctIndex: Int32Array;
}

/** Indexes the customers' x by its distinct values. */
export function spendData(x: Float64Array, meanValue: Float64Array, weights?: Float64Array): SpendData {
  const { values: distinctX, indexOfRow: distinctIndex } = distinctValues(x);
  const count = weights === undefined ? x.length : weights.reduce((sum, weight) => sum + weight, 0);
  return { count, weights, x, meanValue, distinctX, distinctIndex };
}

/** Parameters from their logarithms, in the order p, q, v. */
export function gammaGammaFromLog(logParameters: ArrayLike<number>): GammaGammaParameters {
  const [p, q, v] = Array.from({ length: 3 }, (_, index) => Math.exp(logParameters[index] as number));
  return { p: p as number, q: q as number, v: v as number };
}

/** Per distinct x: lnG(px + q) - lnG(px) + px ln x, and digamma(px + q), digamma(px) for the gradient. */
function distinctXTerms(parameters: GammaGammaParameters, distinctX: Float64Array, withGradient: boolean) {
  const { p, q } = parameters;
  const size = distinctX.length;
  const constant = new Float64Array(size);
  const psiSum = new Float64Array(size);
  const psiPx = new Float64Array(size);
  for (let index = 0; index < size; index++) {
    const x = distinctX[index] as number;
    const px = p * x;
    constant[index] = gammaln(px + q) - gammaln(px) + px * Math.log(x);
    if (!withGradient) continue;
    psiSum[index] = digamma(px + q);
    psiPx[index] = digamma(px);
  }
  return { constant, psiSum, psiPx };
}

/** Mean negative log-likelihood at exp(logParameters); fills `gradient` (d / d log-parameter) when given. */
export function gammaGammaNegativeLogLikelihood(
  logParameters: ArrayLike<number>,
  data: SpendData,
  gradient?: number[],
): number {
  const parameters = gammaGammaFromLog(logParameters);
  const { p, q, v } = parameters;
  const terms = distinctXTerms(parameters, data.distinctX, gradient !== undefined);
  const logV = Math.log(v);
  const shared = -gammaln(q) + q * logV;
  const psiQ = gradient === undefined ? 0 : digamma(q);
  let logLikelihood = 0;
  let gradP = 0;
  let gradQ = 0;
  let gradV = 0;
  for (let customer = 0; customer < data.x.length; customer++) {
    const weight = data.weights === undefined ? 1 : (data.weights[customer] as number);
    const x = data.x[customer] as number;
    const m = data.meanValue[customer] as number;
    const k = data.distinctIndex[customer] as number;
    const px = p * x;
    const logM = Math.log(m);
    const logXmV = Math.log(x * m + v);
    logLikelihood += weight * (shared + (terms.constant[k] as number) + (px - 1) * logM - (px + q) * logXmV);
    if (gradient === undefined) continue;
    const psiSum = terms.psiSum[k] as number;
    gradP += weight * x * (psiSum - (terms.psiPx[k] as number) + logM + Math.log(x) - logXmV);
    gradQ += weight * (psiSum - psiQ + logV - logXmV);
    gradV += weight * (q / v - (px + q) / (x * m + v));
  }
  const count = data.count;
  if (gradient !== undefined) {
    gradient[0] = (-gradP * p) / count;
    gradient[1] = (-gradQ * q) / count;
    gradient[2] = (-gradV * v) / count;
  }
  return -logLikelihood / count;
}
