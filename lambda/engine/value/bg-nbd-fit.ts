/**
 * Fits BG/NBD by maximum likelihood on the calibration summary: BFGS on log-parameters from three fixed starts
 * (see multi-start-minimise.ts for why three), on the distinct histories weighted by their customers, or a
 * seeded sample when even those are too many (fit-sample.ts).
 */
import {
  type BgNbdParameters,
  bgNbdFromLog,
  bgNbdNegativeLogLikelihood,
  frequencyData,
} from './bg-nbd-likelihood.ts';
import { FIT_SAMPLE_SIZE, type FitOptions, fitRows } from './fit-sample.ts';
import { minimiseWarmOrFromStarts, type Objective } from './multi-start-minimise.ts';

/**
 * Log-parameter starts (r, alpha, a, b): lifetimes' own start (0.1 each), all parameters 1, and a start with a
 * slow purchase rate and likely dropout, so that the three approach the optimum from different sides.
 */
export const BG_NBD_STARTS: readonly (readonly number[])[] = [
  [0.1, 0.1, 0.1, 0.1],
  [0, 0, 0, 0],
  [-1, 2, -1, 1],
];

export interface BgNbdFit {
  readonly parameters: BgNbdParameters;
  /** The log-likelihood of the customers fitted, not normalised: -9,582.43 on the CDNOW sample. */
  readonly logLikelihood: number;
  /** BFGS iterations of the start that was kept. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Customers the parameters were fitted on (all of them, or the sample). */
  readonly customersFitted: number;
}

/** The calibration columns of the customers to fit (t_x and T in one time unit). */
export interface CalibrationColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
}

/** Fits r, alpha, a, b to the customers' (x, t_x, T); at least one customer is needed. */
export function fitBgNbd(columns: CalibrationColumns, options: FitOptions = {}): BgNbdFit {
  const customerCount = columns.x.length;
  if (customerCount === 0) throw new RangeError('BG/NBD needs at least one customer');
  const { x, tx, T } = columns;
  const fitted = fitRows(
    { x, tx, T },
    customerCount,
    options.sampleSize ?? FIT_SAMPLE_SIZE,
    options.seed ?? 1,
  );
  const data = frequencyData(fitted.columns.x, fitted.columns.tx, fitted.columns.T, fitted.weights);
  const objective: Objective = (point, gradient) => bgNbdNegativeLogLikelihood(point, data, gradient);
  const best = minimiseWarmOrFromStarts(objective, options.starts, BG_NBD_STARTS);
  return {
    parameters: bgNbdFromLog(best.point),
    logLikelihood: -best.value * data.count,
    iterations: best.iterations,
    converged: best.converged,
    customersFitted: data.count,
  };
}
