/**
 * The schema of the trends' outlook (Analysis.trends.outlook, trends/trend-outlook.ts): the forecasts with their
 * backtests and intervals, and the early warnings. Lists the forecast module declares read-only are read-only here.
 */
import * as z from 'zod';
import { count, finite, list, object, oneOf, share } from './schema-words.ts';
import { RFM_SEGMENT_KEYS } from '../rfm/rfm-segments.ts';

const positive = finite.min(0, 'expected a number of 0 or more');
const modelKind = oneOf(['seasonal-naive', 'naive', 'ets', 'var']);

const modelDescription = z.discriminatedUnion('kind', [
  object({ kind: z.literal('naive'), residualSd: positive }),
  object({ kind: z.literal('seasonal-naive'), seasonLength: count, residualSd: positive }),
  object({
    kind: z.literal('ets'),
    form: oneOf(['simple', 'holt', 'damped', 'holt-winters']),
    alpha: finite,
    beta: finite.exactOptional(),
    gamma: finite.exactOptional(),
    phi: finite.exactOptional(),
    seasonLength: count.exactOptional(),
    aicc: finite,
    residualSd: positive,
  }),
  object({ kind: z.literal('var'), order: count, seriesCount: count, aic: finite, residualSd: positive }),
]);

const candidate = object({
  model: modelKind,
  origins: count,
  oneStepMae: finite,
  horizonMae: finite,
  oneStepMase: finite.exactOptional(),
  horizonMase: finite.exactOptional(),
});

const step = object({ step: count, point: finite, lower: finite, upper: finite });

const reason = z.discriminatedUnion('code', [
  object({ code: z.literal('too-short'), periods: count, needed: count }),
  object({ code: z.literal('too-few-origins'), origins: count, needed: count }),
  object({ code: z.literal('not-finite'), period: count }),
]);

const seriesForecast = z.discriminatedUnion('status', [
  object({
    key: z.string(),
    status: z.literal('forecast'),
    model: modelDescription,
    best: modelKind,
    beatsBaseline: z.boolean(),
    candidates: list(candidate).readonly(),
    steps: list(step).readonly(),
  }),
  object({ key: z.string(), status: z.literal('none'), reason }),
]);

const forecastResult = object({
  horizon: count,
  level: share,
  seasonLength: count,
  intervalMethod: z.literal('analytical-gaussian'),
  series: list(seriesForecast).readonly(),
});

const segment = oneOf(RFM_SEGMENT_KEYS).nullable();
const subject = { series: oneOf(['revenue', 'activeCustomers', 'buyers']), segment };

const warning = z.discriminatedUnion('kind', [
  object({
    kind: z.literal('outside-interval'),
    ...subject,
    period: count,
    direction: oneOf(['below', 'above']),
    actual: finite,
    lower: finite,
    upper: finite,
  }),
  object({ kind: z.literal('falling'), ...subject, periods: count, from: finite, to: finite }),
  object({ kind: z.literal('volatile'), ...subject, before: finite, recent: finite, ratio: finite }),
  object({
    kind: z.literal('cohort-retention'),
    cohort: count,
    share,
    earlierMean: share,
    earlierCohorts: count,
  }),
]);

export const outlookSchema = object({
  history: count,
  base: forecastResult,
  segmentRevenue: forecastResult,
  segmentBuyers: forecastResult,
  warnings: list(warning),
  thresholds: object({
    fallingPeriods: count,
    volatilityRatio: finite,
    volatilityWindow: count,
    cohortDropPoints: share,
    cohortMinCustomers: count,
  }),
});
