/**
 * Least squares of a smoothing model: numeric's `uncmin` (BFGS with a line search; the project's optimiser
 * already, see engine/value) from one deterministic start, fed a central-difference gradient. Why our own
 * gradient: numeric's fallback `numeric.gradient` throws on the flat stretches a sum of squares can have when a
 * smoothing parameter saturates. The iteration bound keeps every fit bounded in time.
 */
import numeric from 'numeric';

export interface SmoothMinimum {
  readonly point: number[];
  readonly value: number;
}

const TOLERANCE = 1e-8;
const MAX_ITERATIONS = 200;
const STEP = 1e-6;

export function minimiseSmooth(
  objective: (point: ArrayLike<number>) => number,
  start: readonly number[],
): SmoothMinimum {
  // A non-finite value (an overflow far from the optimum) must read as "worse", never as NaN.
  const value = (point: ArrayLike<number>): number => {
    const result = objective(point);
    return Number.isFinite(result) ? result : Number.MAX_VALUE;
  };
  const gradient = (point: number[]): number[] =>
    point.map((_, index) => {
      const up = [...point];
      const down = [...point];
      up[index] = (up[index] ?? 0) + STEP;
      down[index] = (down[index] ?? 0) - STEP;
      const slope = (value(up) - value(down)) / (2 * STEP);
      return Number.isFinite(slope) ? slope : 0;
    });
  const startValue = value(start);
  const run = numeric.uncmin(value, [...start], TOLERANCE, gradient, MAX_ITERATIONS);
  const endValue = value(run.solution);
  // uncmin can end on a worse point after a failed line search; the start is then the better answer.
  return endValue <= startValue
    ? { point: run.solution, value: endValue }
    : { point: [...start], value: startValue };
}
