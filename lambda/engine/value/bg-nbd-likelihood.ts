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

/**
 * Customers' (x, t_x, T) columns, with each row's index into the distinct values of x; with `weights`, row i
 * stands for weights[i] customers sharing that history (an exact compression of the base, fit-sample.ts).
 */
export interface FrequencyData {
  /** Customers represented: the rows, or the sum of the weights. */
  readonly count: number;
  readonly weights: Float64Array | undefined;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly distinctX: Float64Array;
  readonly distinctIndex: Int32Array;
  /** The distinct T and t_x (a few hundred: whole days in a unit) and each row's index into them. */
  readonly distinctT: Float64Array;
  readonly tIndex: Int32Array;
  readonly distinctTx: Float64Array;
  readonly txIndex: Int32Array;
}

/** Indexes the customers' x by its distinct values (ascending); `weights` (optional) counts each row's customers. */
export function frequencyData(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weights?: Float64Array,
): FrequencyData {
  const { values: distinctX, indexOfRow: distinctIndex } = distinctValues(x);
  const count = weights === undefined ? x.length : weights.reduce((sum, weight) => sum + weight, 0);
  const { values: distinctT, indexOfRow: tIndex } = distinctValues(T);
  const { values: distinctTx, indexOfRow: txIndex } = distinctValues(tx);
  return { count, weights, x, tx, T, distinctX, distinctIndex, distinctT, tIndex, distinctTx, txIndex };
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
  // log(alpha + T) and 1 / (alpha + T) once per distinct T and t_x, log(a / (b + x - 1)) once per distinct x.
  const logOf = (times: Float64Array) => times.map((time) => Math.log(alpha + time));
  const inverseOf = (times: Float64Array) => times.map((time) => 1 / (alpha + time));
  const [logAlphaTs, logAlphaTxs] = [logOf(data.distinctT), logOf(data.distinctTx)];
  const [inverseTs, inverseTxs] = [inverseOf(data.distinctT), inverseOf(data.distinctTx)];
  const logDeadOdds = data.distinctX.map((x) => (x > 0 ? logA - Math.log(b + x - 1) : 0));
  let logLikelihood = 0;
  let gradR = 0;
  let gradAlpha = 0;
  let gradA = 0;
  let gradB = 0;
  for (let customer = 0; customer < data.x.length; customer++) {
    const weight = data.weights === undefined ? 1 : (data.weights[customer] as number);
    const x = data.x[customer] as number;
    const k = data.distinctIndex[customer] as number;
    const logAlphaT = logAlphaTs[data.tIndex[customer] as number] as number;
    const aliveTerm = -(r + x) * logAlphaT;
    let bracket = aliveTerm;
    let deadWeight = 0;
    let logAlphaTx = 0;
    if (x > 0) {
      logAlphaTx = logAlphaTxs[data.txIndex[customer] as number] as number;
      const deadTerm = (logDeadOdds[k] as number) - (r + x) * logAlphaTx;
      // log(e^alive + e^dead) and the dead term's share from one exponential of the smaller minus the larger.
      const gap = Math.exp(-Math.abs(aliveTerm - deadTerm));
      bracket = Math.max(aliveTerm, deadTerm) + Math.log1p(gap);
      deadWeight = deadTerm >= aliveTerm ? 1 / (1 + gap) : gap / (1 + gap);
    }
    logLikelihood += weight * ((terms.constant[k] as number) + bracket);
    if (gradient === undefined) continue;
    const aliveWeight = 1 - deadWeight;
    gradR += weight * ((terms.dR[k] as number) - aliveWeight * logAlphaT - deadWeight * logAlphaTx);
    gradAlpha +=
      weight *
      (r / alpha -
        aliveWeight * (r + x) * (inverseTs[data.tIndex[customer] as number] as number) -
        deadWeight * (r + x) * (inverseTxs[data.txIndex[customer] as number] as number));
    gradA += weight * ((terms.dA[k] as number) + deadWeight / a);
    gradB += weight * ((terms.dB[k] as number) - (x > 0 ? deadWeight / (b + x - 1) : 0));
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
