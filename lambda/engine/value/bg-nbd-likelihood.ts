/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) and its analytic gradient, on log-parameters so
 * that the optimiser searches an unconstrained space. Normalised by the number of customers, as lifetimes does,
 * so that the optimiser's tolerances mean the same on 2,000 customers as on 2 million. Two things keep it fast
 * and stable: the Beta-function ratio B(a, b + x) / B(a, b) is taken as betaln(a, b + x) - betaln(a, b) (no
 * cancellation of huge log-gammas when b is large), and every term that depends only on x is computed once per
 * distinct x (a few dozen values), not once per customer.
 */
import betaln from '@stdlib/math-base-special-betaln';
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { distinctValues } from './distinct-values.ts';

/** The four BG/NBD parameters: purchase rate Gamma(r, alpha), dropout probability Beta(a, b). */
export interface BgNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Customers' (x, t_x, T) columns, with each customer's index into the distinct values of x. */
export interface FrequencyData {
  readonly count: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly distinctX: Float64Array;
  readonly distinctIndex: Int32Array;
}

/** Indexes the customers' x by its distinct values (ascending). */
export function frequencyData(x: Float64Array, tx: Float64Array, T: Float64Array): FrequencyData {
  const { values: distinctX, indexOfRow: distinctIndex } = distinctValues(x);
  return { count: x.length, x, tx, T, distinctX, distinctIndex };
}

/** Parameters from their logarithms, in the order r, alpha, a, b. */
export function bgNbdFromLog(logParameters: ArrayLike<number>): BgNbdParameters {
  const [r, alpha, a, b] = Array.from({ length: 4 }, (_, index) => Math.exp(logParameters[index] as number));
  return { r: r as number, alpha: alpha as number, a: a as number, b: b as number };
}

/** x-only terms, one entry per distinct x: the log-likelihood's constant part and its parameter derivatives. */
interface DistinctXTerms {
  readonly constant: Float64Array;
  readonly dR: Float64Array;
  readonly dA: Float64Array;
  readonly dB: Float64Array;
}

function distinctXTerms(
  parameters: BgNbdParameters,
  distinctX: Float64Array,
  withGradient: boolean,
): DistinctXTerms {
  const { r, alpha, a, b } = parameters;
  const size = distinctX.length;
  const terms = {
    constant: new Float64Array(size),
    dR: new Float64Array(size),
    dA: new Float64Array(size),
    dB: new Float64Array(size),
  };
  const base = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
  const [psiR, psiAB, psiB] = withGradient ? [digamma(r), digamma(a + b), digamma(b)] : [0, 0, 0];
  for (let index = 0; index < size; index++) {
    const x = distinctX[index] as number;
    terms.constant[index] = base + gammaln(r + x) + betaln(a, b + x);
    if (!withGradient) continue;
    const psiABx = digamma(a + b + x);
    terms.dR[index] = digamma(r + x) - psiR + Math.log(alpha);
    terms.dA[index] = psiAB - psiABx;
    terms.dB[index] = digamma(b + x) - psiABx - psiB + psiAB;
  }
  return terms;
}

/**
 * Mean negative log-likelihood at exp(logParameters); when `gradient` is given, fills it with the derivatives
 * with respect to the log-parameters. Each customer's likelihood is Gamma/Beta terms times
 * [(alpha + T)^-(r+x) + [x > 0] a / (b + x - 1) (alpha + t_x)^-(r+x)], the bracket summed in log space.
 */
export function bgNbdNegativeLogLikelihood(
  logParameters: ArrayLike<number>,
  data: FrequencyData,
  gradient?: number[],
): number {
  const parameters = bgNbdFromLog(logParameters);
  const { r, alpha, a, b } = parameters;
  const terms = distinctXTerms(parameters, data.distinctX, gradient !== undefined);
  const logA = Math.log(a);
  let logLikelihood = 0;
  let gradR = 0;
  let gradAlpha = 0;
  let gradA = 0;
  let gradB = 0;
  for (let customer = 0; customer < data.count; customer++) {
    const x = data.x[customer] as number;
    const k = data.distinctIndex[customer] as number;
    const logAlphaT = Math.log(alpha + (data.T[customer] as number));
    const aliveTerm = -(r + x) * logAlphaT;
    let bracket = aliveTerm;
    let deadWeight = 0;
    let logAlphaTx = 0;
    if (x > 0) {
      logAlphaTx = Math.log(alpha + (data.tx[customer] as number));
      const deadTerm = logA - Math.log(b + x - 1) - (r + x) * logAlphaTx;
      const larger = Math.max(aliveTerm, deadTerm);
      bracket = larger + Math.log(Math.exp(aliveTerm - larger) + Math.exp(deadTerm - larger));
      deadWeight = Math.exp(deadTerm - bracket);
    }
    logLikelihood += (terms.constant[k] as number) + bracket;
    if (gradient === undefined) continue;
    const aliveWeight = 1 - deadWeight;
    gradR += (terms.dR[k] as number) - aliveWeight * logAlphaT - deadWeight * logAlphaTx;
    gradAlpha +=
      r / alpha -
      (aliveWeight * (r + x)) / (alpha + (data.T[customer] as number)) -
      (deadWeight * (r + x)) / (alpha + (data.tx[customer] as number));
    gradA += (terms.dA[k] as number) + deadWeight / a;
    gradB += (terms.dB[k] as number) - (x > 0 ? deadWeight / (b + x - 1) : 0);
  }
  const count = data.count;
  if (gradient !== undefined) {
    gradient[0] = (-gradR * r) / count;
    gradient[1] = (-gradAlpha * alpha) / count;
    gradient[2] = (-gradA * a) / count;
    gradient[3] = (-gradB * b) / count;
  }
  return -logLikelihood / count;
}
