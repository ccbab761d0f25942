/**
 * The baseline every other model must beat: each period repeats the same period one season before (seasonal
 * naive), or the last period (naive) when the history holds fewer than two seasons, since one season alone
 * leaves no seasonal difference to measure its error by. Variances are the textbook ones (Hyndman and
 * Athanasopoulos, Forecasting: Principles and Practice, 5.5): sigma^2 * h for naive, sigma^2 * (floor((h-1)/m)+1)
 * for seasonal naive, sigma^2 the mean squared in-sample difference.
 */
import type { ModelForecast } from './forecast-types.ts';

/** The baseline's lag for histories of at least this length: the season when two full seasons exist, else 1. */
export function baselineLag(length: number, seasonLength: number | null): number {
  return seasonLength !== null && length >= 2 * seasonLength ? seasonLength : 1;
}

/** The baseline's forecast at this lag, or undefined when the history is too short to measure its error. */
export function seasonalNaiveForecast(
  history: readonly number[],
  lag: number,
  horizon: number,
): ModelForecast | undefined {
  if (history.length < lag + 1) return undefined;
  const variance = meanSquaredDifference(history, lag);
  const points: number[] = [];
  const variances: number[] = [];
  for (let step = 1; step <= horizon; step += 1) {
    const seasonsBack = Math.floor((step - 1) / lag) + 1;
    points.push(history[history.length + step - 1 - seasonsBack * lag] ?? Number.NaN);
    variances.push(variance * (lag === 1 ? step : seasonsBack));
  }
  const residualSd = Math.sqrt(variance);
  const model =
    lag === 1
      ? { kind: 'naive' as const, residualSd }
      : { kind: 'seasonal-naive' as const, seasonLength: lag, residualSd };
  return { model, points, variances };
}

/** The mean absolute difference at this lag: the MASE scale (Hyndman and Koehler 2006); 0 when undefined. */
export function meanAbsoluteDifference(history: readonly number[], lag: number): number {
  return meanOfDifferences(history, lag, Math.abs);
}

function meanSquaredDifference(history: readonly number[], lag: number): number {
  return meanOfDifferences(history, lag, (difference) => difference * difference);
}

function meanOfDifferences(
  history: readonly number[],
  lag: number,
  measure: (value: number) => number,
): number {
  let sum = 0;
  for (let index = lag; index < history.length; index += 1) {
    sum += measure((history[index] ?? 0) - (history[index - lag] ?? 0));
  }
  return history.length > lag ? sum / (history.length - lag) : 0;
}
