/**
 * Maximum likelihood for the value models: numeric's `uncmin` (BFGS with a backtracking line search, fed the
 * analytic gradient) from a few deterministic starts, keeping the lowest objective. Why several starts: the
 * likelihood surfaces have flat ridges (for BG/NBD, a and b can grow together with little change in fit) where
 * a single BFGS run can stop early; in the research runs on CDNOW, 1 random start in 20 for BG/NBD and 3 in 20 for
 * Gamma-Gamma ended away from the maximum; three fixed, spread-out starts cost three fits (tens of
 * milliseconds there) to make that unlikely, without the cost of random restarts.
 * The starts are fixed, so the same data always gives the same parameters.
 */
import numeric from 'numeric';

/** The objective: returns f(x) and, when `gradient` is given, writes df/dx into it. */
export type Objective = (point: readonly number[], gradient?: number[]) => number;

export interface MinimiseOptions {
  /** @default 1e-9: BFGS stops when its step (in log-parameters) is shorter. */
  readonly tolerance?: number;
  /** @default 1000: iterations per start, line-search halvings included (so every run is bounded). */
  readonly maxIterations?: number;
  /** @default 1e-5: the largest |gradient| entry at which a stopped run counts as converged. */
  readonly gradientTolerance?: number;
}

export interface MinimiseResult {
  readonly point: number[];
  readonly value: number;
  /** Iterations of the run that was kept. */
  readonly iterations: number;
  /** BFGS stopped on a short step (not on its iteration limit or a non-finite value) with a near-zero gradient. */
  readonly converged: boolean;
  /** Which start was kept (0-based). */
  readonly start: number;
}

const DEFAULTS: Required<MinimiseOptions> = { tolerance: 1e-9, maxIterations: 1000, gradientTolerance: 1e-5 };

/** Messages of `uncmin` that mean it stopped on a short step, i.e. at a (local) minimum when the gradient is ~0. */
const STOPPED_ON_SHORT_STEP = ['Newton step smaller than tol', 'Line search step size smaller than tol'];

/** Minimises from each start and keeps the best result (converged runs first, then the lowest value). */
export function minimiseFromStarts(
  objective: Objective,
  starts: readonly (readonly number[])[],
  options: MinimiseOptions = {},
): MinimiseResult {
  if (starts.length === 0) throw new RangeError('at least one start point is needed');
  const settings = { ...DEFAULTS, ...options };
  let best: MinimiseResult | undefined;
  starts.forEach((start, index) => {
    const result = minimiseOnce(objective, start, settings, index);
    if (best === undefined || isBetter(result, best)) best = result;
  });
  return best as MinimiseResult;
}

/**
 * From the warm starts (a nearby fit's optimum) when they converge, else from the model's fixed starts: a warm
 * start saves most iterations, and the fixed starts are the fallback that never depends on it.
 */
export function minimiseWarmOrFromStarts(
  objective: Objective,
  warmStarts: readonly (readonly number[])[] | undefined,
  fixedStarts: readonly (readonly number[])[],
): MinimiseResult {
  const warm = warmStarts === undefined ? undefined : minimiseFromStarts(objective, warmStarts);
  return warm?.converged === true ? warm : minimiseFromStarts(objective, fixedStarts);
}

function isBetter(candidate: MinimiseResult, incumbent: MinimiseResult): boolean {
  if (!Number.isFinite(candidate.value)) return false;
  if (!Number.isFinite(incumbent.value)) return true;
  if (candidate.converged !== incumbent.converged) return candidate.converged;
  return candidate.value < incumbent.value;
}

function minimiseOnce(
  objective: Objective,
  start: readonly number[],
  settings: Required<MinimiseOptions>,
  index: number,
): MinimiseResult {
  const value = (point: number[]): number => {
    const result = objective(point);
    // A non-finite value (an overflow far from the optimum) must read as "worse", never as NaN, which uncmin
    // only tolerates inside its line search.
    return Number.isFinite(result) ? result : Number.MAX_VALUE;
  };
  const gradientOf = (point: number[]): number[] => {
    const gradient = point.map(() => 0);
    objective(point, gradient);
    return gradient;
  };
  const run = numeric.uncmin(value, [...start], settings.tolerance, gradientOf, settings.maxIterations);
  const finalGradient = gradientOf(run.solution);
  const gradientSmall = finalGradient.every((entry) => Math.abs(entry) <= settings.gradientTolerance);
  const stoppedOnStep = STOPPED_ON_SHORT_STEP.includes(run.message.trim());
  return {
    point: run.solution,
    value: value(run.solution),
    iterations: run.iterations,
    converged: stoppedOnStep && gradientSmall,
    start: index,
  };
}
