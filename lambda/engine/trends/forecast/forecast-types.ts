/**
 * The forecast's contract: what the caller gives (aligned series, their season, a horizon) and what it gets back
 * per series (the chosen model in numbers, every candidate's backtest errors, points with intervals, or the
 * reason there is none). Plain data only, so that the analysis schema can describe it and the report word it.
 */

/** One series, oldest period first; every series of one call has the same length and periods. */
export interface NamedSeries {
  readonly key: string;
  readonly values: readonly number[];
}

export interface ForecastInput {
  readonly series: readonly NamedSeries[];
  /** Periods in a season: 12 for months, 52 for weeks, null for none. */
  readonly seasonLength: number | null;
  /** @default 3 periods ahead. */
  readonly horizon?: number;
  /** @default 0.8: the probability each step's interval should hold the actual value. */
  readonly level?: number;
}

export const DEFAULT_HORIZON = 3;
export const DEFAULT_LEVEL = 0.8;
/** Fewer periods than this: no forecast (reason `too-short`). */
export const MINIMUM_PERIODS = 6;
/** Fewer rolling origins than this: no forecast (reason `too-few-origins`). */
export const MINIMUM_ORIGINS = 2;
/** At most this many rolling origins (the last periods), and at most a third of the history. */
export const MAXIMUM_ORIGINS = 6;

/** The candidates of the backtest: the baseline (seasonal naive, or naive), exponential smoothing, a VAR. */
export type ModelKind = 'seasonal-naive' | 'naive' | 'ets' | 'var';
/** The forms of additive exponential smoothing, chosen within `ets` by AICc on each fit. */
export type EtsForm = 'simple' | 'holt' | 'damped' | 'holt-winters';

/** A fitted model in numbers: the parameters are named so the report can put them in words. */
export type ModelDescription =
  | { readonly kind: 'naive'; readonly residualSd: number }
  | { readonly kind: 'seasonal-naive'; readonly seasonLength: number; readonly residualSd: number }
  | {
      readonly kind: 'ets';
      readonly form: EtsForm;
      /** Smoothing of the level (alpha), trend (beta), season (gamma); damping (phi); absent when the form has none. */
      readonly alpha: number;
      readonly beta?: number;
      readonly gamma?: number;
      readonly phi?: number;
      readonly seasonLength?: number;
      readonly aicc: number;
      readonly residualSd: number;
    }
  | {
      readonly kind: 'var';
      /** Lags, chosen by AIC. */
      readonly order: number;
      /** How many series the VAR was fitted across. */
      readonly seriesCount: number;
      readonly aic: number;
      readonly residualSd: number;
    };

/** One candidate's rolling-origin errors on one series. MASE is null when the scale is zero (a flat history). */
export interface CandidateBacktest {
  readonly model: ModelKind;
  readonly origins: number;
  readonly oneStepMae: number;
  readonly horizonMae: number;
  readonly oneStepMase?: number;
  readonly horizonMase?: number;
}

export interface ForecastStep {
  /** 1 for the period right after the last one given. */
  readonly step: number;
  readonly point: number;
  readonly lower: number;
  readonly upper: number;
}

export type NoForecastReason =
  | { readonly code: 'too-short'; readonly periods: number; readonly needed: number }
  | { readonly code: 'too-few-origins'; readonly origins: number; readonly needed: number }
  | { readonly code: 'not-finite'; readonly period: number };

export type SeriesForecast =
  | {
      readonly key: string;
      readonly status: 'forecast';
      readonly model: ModelDescription;
      /** The candidate with the lowest backtest error over the horizon, before the baseline rule. */
      readonly best: ModelKind;
      /** False: no candidate beat the baseline, so the baseline's forecast is shown. */
      readonly beatsBaseline: boolean;
      readonly candidates: readonly CandidateBacktest[];
      readonly steps: readonly ForecastStep[];
    }
  | { readonly key: string; readonly status: 'none'; readonly reason: NoForecastReason };

export interface ForecastResult {
  readonly horizon: number;
  readonly level: number;
  readonly seasonLength: number | null;
  /** How the intervals are made: the model's analytical forecast variance under Gaussian errors. */
  readonly intervalMethod: 'analytical-gaussian';
  readonly series: readonly SeriesForecast[];
}

/** What every model gives for one series: the fitted description, points and forecast variances per step. */
export interface ModelForecast {
  readonly model: ModelDescription;
  readonly points: readonly number[];
  readonly variances: readonly number[];
}
