/**
 * The forecast of aligned series: the rolling-origin backtest picks, per series, among the baseline (seasonal
 * naive, or naive), exponential smoothing and a VAR across the series; a model other than the baseline is kept
 * only when its error over the horizon is lower than the baseline's, otherwise the baseline is shown and the
 * result says so. The kept model is refitted on the whole history for the points and their intervals.
 * Pure and deterministic: no randomness, no clock.
 */
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { type EtsFits, etsForecast } from './ets-fit.ts';
import {
  type CandidateBacktest,
  DEFAULT_HORIZON,
  DEFAULT_LEVEL,
  type ForecastInput,
  type ForecastResult,
  type ForecastStep,
  MAXIMUM_ORIGINS,
  MINIMUM_ORIGINS,
  MINIMUM_PERIODS,
  type ModelForecast,
  type NoForecastReason,
  type SeriesForecast,
} from './forecast-types.ts';
import { type Candidate, rollingOriginBacktest } from './rolling-origin.ts';
import { baselineLag, seasonalNaiveForecast } from './seasonal-naive.ts';
import { varForecasts } from './var-model.ts';

/** A candidate beats the baseline only by more than rounding: a tie (a flat or exactly periodic history) keeps it. */
const RELATIVE_MARGIN = 1e-9;

/**
 * Forecasts every series of `input`. `fits`: the exponential smoothing fits already made, reused and added to; a
 * fit depends only on its history and season, so any forecasts may share one map: no number changes, only time.
 */
export function forecastSeries(input: ForecastInput, fits: EtsFits = new Map()): ForecastResult {
  const horizon = input.horizon ?? DEFAULT_HORIZON;
  const level = input.level ?? DEFAULT_LEVEL;
  checkInput(input, horizon, level);
  const length = input.series[0]?.values.length ?? 0;
  const origins = Math.min(MAXIMUM_ORIGINS, Math.floor(length / 3));
  const reasons = input.series.map(({ values }) => noForecastReason(values, origins));
  const usable = input.series.filter((_, index) => reasons[index] === undefined);
  const forecasts = forecastUsable(
    usable.map(({ values }) => values),
    input.seasonLength,
    { horizon, level, origins, fits },
  );
  let next = 0;
  const series = input.series.map(({ key }, index): SeriesForecast => {
    const reason = reasons[index];
    if (reason !== undefined) return { key, status: 'none', reason };
    const forecast = forecasts[next] as Omit<Extract<SeriesForecast, { status: 'forecast' }>, 'key'>;
    next += 1;
    return { key, ...forecast };
  });
  return { horizon, level, seasonLength: input.seasonLength, intervalMethod: 'analytical-gaussian', series };
}

function noForecastReason(values: readonly number[], origins: number): NoForecastReason | undefined {
  const period = values.findIndex((value) => !Number.isFinite(value));
  if (period >= 0) return { code: 'not-finite', period };
  if (values.length < MINIMUM_PERIODS)
    return { code: 'too-short', periods: values.length, needed: MINIMUM_PERIODS };
  if (origins < MINIMUM_ORIGINS) return { code: 'too-few-origins', origins, needed: MINIMUM_ORIGINS };
  return undefined;
}

interface Settings {
  readonly horizon: number;
  readonly level: number;
  readonly origins: number;
  readonly fits: EtsFits;
}

function forecastUsable(
  series: readonly (readonly number[])[],
  seasonLength: number | null,
  settings: Settings,
) {
  if (series.length === 0) return [];
  const length = series[0]?.length ?? 0;
  // One lag for the baseline across the backtest and the final fit: the season only when every backtest
  // history already holds two full seasons.
  const lag = baselineLag(length - settings.origins, seasonLength);
  const candidates: Candidate[] = [
    {
      kind: lag === 1 ? 'naive' : 'seasonal-naive',
      run: each((history, h) => seasonalNaiveForecast(history, lag, h)),
    },
    { kind: 'ets', run: each((history, h) => etsForecast(history, seasonLength, h, settings.fits)) },
  ];
  if (series.length >= 2) candidates.push({ kind: 'var', run: varForecasts });
  const backtests = rollingOriginBacktest(series, candidates, settings.origins, settings.horizon, lag);
  const finals = new Map<Candidate, readonly (ModelForecast | undefined)[]>();
  const finalOf = (candidate: Candidate, index: number): ModelForecast | undefined => {
    if (!finals.has(candidate)) finals.set(candidate, candidate.run(series, settings.horizon));
    return finals.get(candidate)?.[index];
  };
  return series.map((_, index) => {
    const candidateErrors = backtests[index] ?? [];
    const { best, beatsBaseline } = choose(candidateErrors);
    const winner = candidates.find(({ kind }) => kind === best.model) as Candidate;
    const baseline = candidates[0] as Candidate;
    const kept = beatsBaseline
      ? (finalOf(winner, index) ?? finalOf(baseline, index))
      : finalOf(baseline, index);
    const shown = kept as ModelForecast;
    return {
      status: 'forecast' as const,
      model: shown.model,
      best: best.model,
      beatsBaseline: beatsBaseline && shown.model.kind === best.model,
      candidates: candidateErrors,
      steps: steps(
        shown,
        settings.level,
        (series[index] ?? []).every((value) => value >= 0),
      ),
    };
  });
}

/** The lowest horizon error wins (the baseline, listed first, on a tie); it must beat the baseline to be kept. */
function choose(errors: readonly CandidateBacktest[]): { best: CandidateBacktest; beatsBaseline: boolean } {
  const baseline = errors[0] as CandidateBacktest;
  const best = errors.reduce((kept, entry) => (entry.horizonMae < kept.horizonMae ? entry : kept), baseline);
  return {
    best,
    beatsBaseline: best !== baseline && best.horizonMae < baseline.horizonMae * (1 - RELATIVE_MARGIN),
  };
}

/**
 * Point +- z * forecast sd. When the history never went below zero (revenue, customers), neither does the lower
 * bound: the model's Gaussian tail below zero is an impossible outcome, and cutting it keeps the coverage.
 */
function steps(forecast: ModelForecast, level: number, nonNegative: boolean): ForecastStep[] {
  const z = quantile((1 + level) / 2, 0, 1);
  return forecast.points.map((point, index) => {
    const spread = z * Math.sqrt(Math.max(0, forecast.variances[index] ?? 0));
    const lower = point - spread;
    return { step: index + 1, point, lower: nonNegative ? Math.max(0, lower) : lower, upper: point + spread };
  });
}

const each =
  (model: (history: readonly number[], horizon: number) => ModelForecast | undefined) =>
  (histories: readonly (readonly number[])[], horizon: number): (ModelForecast | undefined)[] =>
    histories.map((history) => model(history, horizon));

function checkInput(input: ForecastInput, horizon: number, level: number): void {
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`horizon must be a whole number >= 1, not ${horizon}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, not ${level}`);
  const season = input.seasonLength;
  if (season !== null && (!Number.isInteger(season) || season < 2)) {
    throw new RangeError(`seasonLength must be null or a whole number >= 2, not ${season}`);
  }
  const lengths = new Set(input.series.map(({ values }) => values.length));
  if (lengths.size > 1)
    throw new RangeError(`series must be aligned, got lengths ${[...lengths].join(', ')}`);
}
