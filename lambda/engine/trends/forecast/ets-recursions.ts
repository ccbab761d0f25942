/**
 * Additive-error exponential smoothing in its state-space form (Hyndman, Koehler, Ord and Snyder, Forecasting
 * with Exponential Smoothing, 2008): one pass gives the one-step errors (their sum of squares is what the fit
 * minimises: the Gaussian likelihood of an additive model), the final state gives the forecasts, and the
 * forecast variance is exact for these linear models: sigma^2 * (1 + sum_{j<h} c_j^2) with
 * c_j = alpha + beta * phi_j + gamma * [j is a whole number of seasons] (their table 6.1, class 1).
 */
import type { EtsForm } from './forecast-types.ts';

export interface EtsParameters {
  readonly form: EtsForm;
  readonly alpha: number;
  /** 0 for the forms without a trend. */
  readonly beta: number;
  /** 0 without a season. */
  readonly gamma: number;
  /** 1 without damping. */
  readonly phi: number;
  /** 1 without a season. */
  readonly seasonLength: number;
}

export interface EtsState {
  readonly level: number;
  readonly trend: number;
  /** One slot per position in the season (period index mod season length); [0] without a season. */
  readonly season: readonly number[];
}

export interface EtsPass {
  readonly sumOfSquares: number;
  readonly final: EtsState;
}

/**
 * The state a pass carries, updated in place: the optimiser runs thousands of passes per fit, so they share one
 * state and allocate nothing.
 */
export interface EtsWorkState {
  level: number;
  trend: number;
  /** seasonLength slots. */
  readonly season: Float64Array;
}

/** Runs the recursions over the history from the initial state: the one-step errors and the last state. */
export function etsPass(history: readonly number[], parameters: EtsParameters, initial: EtsState): EtsPass {
  const season = new Float64Array(Math.max(parameters.seasonLength, initial.season.length));
  season.set(initial.season);
  const state: EtsWorkState = { level: initial.level, trend: initial.trend, season };
  const sumOfSquares = runEts(history, parameters, state);
  return { sumOfSquares, final: { level: state.level, trend: state.trend, season: Array.from(season) } };
}

/** etsPass in place: `state` holds the initial state before and the last state after; returns the sum of squares. */
export function runEts(history: readonly number[], parameters: EtsParameters, state: EtsWorkState): number {
  const { alpha, beta, gamma, phi, seasonLength } = parameters;
  const { season } = state;
  let { level, trend } = state;
  let sumOfSquares = 0;
  for (let index = 0; index < history.length; index += 1) {
    const slot = index % seasonLength;
    const damped = phi * trend;
    const predictedLevel = level + damped;
    const error = (history[index] as number) - (predictedLevel + (season[slot] as number));
    sumOfSquares += error * error;
    level = predictedLevel + alpha * error;
    trend = damped + beta * error;
    season[slot] = (season[slot] as number) + gamma * error;
  }
  state.level = level;
  state.trend = trend;
  return sumOfSquares;
}

/** Point forecasts for the periods after a history of `length` periods, from its final state. */
export function etsPoints(
  parameters: EtsParameters,
  final: EtsState,
  length: number,
  horizon: number,
): number[] {
  const points: number[] = [];
  let dampedTrend = 0;
  for (let step = 1; step <= horizon; step += 1) {
    dampedTrend += parameters.phi ** step;
    const slot = (length + step - 1) % parameters.seasonLength;
    points.push(final.level + dampedTrend * final.trend + (final.season[slot] ?? 0));
  }
  return points;
}

/** The forecast variance of each step, for one-step error variance `variance`. */
export function etsVariances(parameters: EtsParameters, variance: number, horizon: number): number[] {
  const { alpha, beta, gamma, phi, seasonLength, form } = parameters;
  const variances: number[] = [];
  let sumOfSquaredWeights = 0;
  let dampedSum = 0;
  for (let step = 1; step <= horizon; step += 1) {
    variances.push(variance * (1 + sumOfSquaredWeights));
    // c_j for j = step, used by the next step's variance.
    dampedSum += phi ** step;
    const seasonal = form === 'holt-winters' && step % seasonLength === 0 ? gamma : 0;
    const weight = alpha + beta * dampedSum + seasonal;
    sumOfSquaredWeights += weight * weight;
  }
  return variances;
}

/**
 * The classical starting state for Holt-Winters from the first two seasons: the trend from the difference of
 * their means, the level just before the first period, each season slot the mean deviation from that line
 * (centred so the season sums to zero, otherwise the level and the season would share a constant).
 */
export function holtWintersStart(history: readonly number[], seasonLength: number): EtsState {
  const mean = (from: number): number =>
    history.slice(from, from + seasonLength).reduce((sum, value) => sum + value, 0) / seasonLength;
  const [first, second] = [mean(0), mean(seasonLength)];
  const trend = (second - first) / seasonLength;
  const level = first - (trend * (seasonLength + 1)) / 2;
  const raw = Array.from({ length: seasonLength }, (_, slot) => {
    const deviation = (index: number): number => (history[index] ?? 0) - (level + trend * (index + 1));
    return (deviation(slot) + deviation(slot + seasonLength)) / 2;
  });
  const centre = raw.reduce((sum, value) => sum + value, 0) / seasonLength;
  return { level, trend, season: raw.map((value) => value - centre) };
}
