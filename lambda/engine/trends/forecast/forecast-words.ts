/**
 * The forecast's model and its missing-forecast reasons in plain English, for the JSON and the command line. The
 * email words them from the same numbers in its own messages (English and French); this is the reference wording.
 */
import type { ModelDescription, NoForecastReason } from './forecast-types.ts';

const two = (value: number): string => value.toFixed(2);

/** One sentence: the model and its fitted parameters. */
export function describeModel(model: ModelDescription): string {
  switch (model.kind) {
    case 'naive':
      return 'Naive: each period repeats the last one.';
    case 'seasonal-naive':
      return `Seasonal naive: each period repeats the same period ${model.seasonLength} periods before.`;
    case 'var':
      return `Vector autoregression of order ${model.order} across ${model.seriesCount} series (order chosen by AIC).`;
    case 'ets':
      return describeSmoothing(model);
  }
}

function describeSmoothing(model: Extract<ModelDescription, { kind: 'ets' }>): string {
  const level = `level smoothing ${two(model.alpha)}`;
  const trend = model.beta === undefined ? '' : `, trend smoothing ${two(model.beta)}`;
  switch (model.form) {
    case 'simple':
      return `Exponential smoothing of the level (${level}).`;
    case 'holt':
      return `Holt's linear trend (${level}${trend}).`;
    case 'damped':
      return `Holt's damped trend (${level}${trend}, damping ${two(model.phi ?? 1)}).`;
    case 'holt-winters':
      return `Holt-Winters additive season of ${model.seasonLength ?? 0} periods (${level}${trend}, season smoothing ${two(model.gamma ?? 0)}).`;
  }
}

/** Why there is no forecast, with its numbers. */
export function describeNoForecast(reason: NoForecastReason): string {
  switch (reason.code) {
    case 'too-short':
      return `No forecast: ${reason.periods} periods of history, at least ${reason.needed} are needed.`;
    case 'too-few-origins':
      return `No forecast: ${reason.origins} backtest origins, at least ${reason.needed} are needed to choose a model.`;
    case 'not-finite':
      return `No forecast: period ${reason.period + 1} has no usable value.`;
  }
}
