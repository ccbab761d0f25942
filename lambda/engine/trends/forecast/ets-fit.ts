/**
 * Exponential smoothing fitted the way automatic ETS does it (Hyndman et al. 2008, ch. 7): each additive form
 * (level only; Holt's linear trend; damped trend; Holt-Winters when two full seasons exist) is fitted by least
 * squares of its one-step errors, then the form with the lowest AICc is kept. Smoothing parameters are kept in
 * their usual region (0 < beta < alpha, 0 < gamma < 1 - alpha, 0.8 <= phi <= 0.98) through logistic maps, so the
 * optimiser (numeric's BFGS, see minimise-smooth.ts) runs unconstrained; the data are divided by their mean
 * magnitude first so that the initial states and the smoothing parameters have comparable scales.
 */
import type { EtsForm, ModelForecast } from './forecast-types.ts';
import {
  type EtsParameters,
  type EtsState,
  type EtsWorkState,
  etsPoints,
  etsVariances,
  holtWintersStart,
  runEts,
} from './ets-recursions.ts';
import { minimiseSmooth } from './minimise-smooth.ts';

/** The form of lowest AICc fitted on a history: all a forecast needs beyond its horizon. */
export interface EtsModel {
  readonly parameters: EtsParameters;
  /** The state after the last period, on the scaled data. */
  readonly final: EtsState;
  /** What the data were divided by. */
  readonly scale: number;
  readonly aicc: number;
  /** The one-step error variance on the scaled data. */
  readonly variance: number;
  readonly length: number;
}

/**
 * Fits already made, by season and history (etsFitKey). A fit depends on nothing else, not on the horizon: the
 * backtests and the early warnings of one outlook fit the same prefixes of the same series, and share them here.
 */
export type EtsFits = Map<string, EtsModel | undefined>;

interface FormFit {
  readonly parameters: EtsParameters;
  readonly final: EtsState;
  readonly sumOfSquares: number;
  /** Parameters counted by AICc: the smoothing parameters and the initial states. */
  readonly parameterCount: number;
}

type MutableParameters = { -readonly [Key in keyof EtsParameters]: EtsParameters[Key] };

const logistic = (value: number): number => 1 / (1 + Math.exp(-value));
const logit = (probability: number): number => Math.log(probability / (1 - probability));
/** Where every fit starts: alpha 0.3, beta a tenth of alpha, gamma a tenth of what alpha leaves, phi 0.89. */
const START = { alpha: logit(0.3), beta: logit(0.1), gamma: logit(0.1), phi: 0 };
/** The floor of the one-step error variance (data divided by their scale), so a perfect fit has a finite AICc. */
const VARIANCE_FLOOR = 1e-12;

/** Fits every form the history allows and forecasts with the one of lowest AICc; undefined under 4 periods. */
export function etsForecast(
  history: readonly number[],
  seasonLength: number | null,
  horizon: number,
  fits?: EtsFits,
): ModelForecast | undefined {
  const model =
    fits === undefined ? fitEts(history, seasonLength) : rememberedFit(fits, history, seasonLength);
  if (model === undefined) return undefined;
  const { parameters, final, scale, variance } = model;
  const points = etsPoints(parameters, final, model.length, horizon).map((point) => point * scale);
  const variances = etsVariances(parameters, variance, horizon).map((value) => value * scale * scale);
  return { model: describe(parameters, model.aicc, Math.sqrt(variance) * scale), points, variances };
}

function rememberedFit(
  fits: EtsFits,
  history: readonly number[],
  seasonLength: number | null,
): EtsModel | undefined {
  const key = etsFitKey(history, seasonLength);
  if (fits.has(key)) return fits.get(key);
  const model = fitEts(history, seasonLength);
  fits.set(key, model);
  return model;
}

/** Exact: every value written in full (shortest round-trip form), -0 apart from 0. */
function etsFitKey(history: readonly number[], seasonLength: number | null): string {
  let key = String(seasonLength);
  for (const value of history) key += Object.is(value, -0) ? ',-0' : `,${value}`;
  return key;
}

function fitEts(history: readonly number[], seasonLength: number | null): EtsModel | undefined {
  if (history.length < 4) return undefined;
  const scale = history.reduce((sum, value) => sum + Math.abs(value), 0) / history.length || 1;
  const scaled = history.map((value) => value / scale);
  const forms: EtsForm[] = ['simple', 'holt', 'damped'];
  if (seasonLength !== null && history.length >= 2 * seasonLength) forms.push('holt-winters');
  const scored = forms
    .map((form) => fitForm(scaled, form, seasonLength ?? 1))
    .map((fit) => ({ fit, aicc: aicc(fit, scaled.length) }))
    .filter(({ aicc: value }) => Number.isFinite(value));
  const best = scored.reduce<(typeof scored)[number] | undefined>(
    (kept, entry) => (kept === undefined || entry.aicc < kept.aicc ? entry : kept),
    undefined,
  );
  if (best === undefined) return undefined;
  const { parameters, final, sumOfSquares, parameterCount } = best.fit;
  const variance = sumOfSquares / Math.max(1, scaled.length - parameterCount);
  return { parameters, final, scale, aicc: best.aicc, variance, length: scaled.length };
}

/** AICc of a least-squares fit (Gaussian likelihood up to a constant); infinite when n is too small for it. */
function aicc(fit: FormFit, length: number): number {
  const k = fit.parameterCount + 1;
  if (length - k - 1 <= 0) return Number.POSITIVE_INFINITY;
  const variance = Math.max(fit.sumOfSquares / length, VARIANCE_FLOOR);
  return length * Math.log(variance) + 2 * k + (2 * k * (k + 1)) / (length - k - 1);
}

/**
 * One form by least squares. The optimiser's point is the unconstrained smoothing parameters, then (but for
 * Holt-Winters, started from the first two seasons) the initial level and trend, started so that the first
 * one-step forecast is the first value. Each evaluation writes into one parameter set and one state.
 */
function fitForm(history: readonly number[], form: EtsForm, seasonLength: number): FormFit {
  const seasonal = form === 'holt-winters';
  const smoothingCount = form === 'simple' ? 1 : seasonal || form === 'damped' ? 3 : 2;
  const firstStep = (history[1] ?? 0) - (history[0] ?? 0);
  const stateStart = form === 'simple' ? [history[0] ?? 0] : [(history[0] ?? 0) - firstStep, firstStep];
  const seasonStart = seasonal ? holtWintersStart(history, seasonLength) : undefined;
  const parameters: MutableParameters = { form, alpha: 0, beta: 0, gamma: 0, phi: 1, seasonLength: 1 };
  const state: EtsWorkState = { level: 0, trend: 0, season: new Float64Array(seasonal ? seasonLength : 1) };
  const load = (point: ArrayLike<number>): void => {
    setSmoothing(parameters, point, seasonLength);
    if (seasonStart === undefined) {
      state.level = point[smoothingCount] ?? 0;
      state.trend = point[smoothingCount + 1] ?? 0;
      state.season[0] = 0;
      return;
    }
    state.level = seasonStart.level;
    state.trend = seasonStart.trend;
    state.season.set(seasonStart.season);
  };
  const objective = (point: ArrayLike<number>): number => {
    load(point);
    return runEts(history, parameters, state);
  };
  const start = [START.alpha, START.beta, seasonal ? START.gamma : START.phi].slice(0, smoothingCount);
  const best = minimiseSmooth(objective, seasonal ? start : [...start, ...stateStart]);
  load(best.point);
  const sumOfSquares = runEts(history, parameters, state);
  const final = { level: state.level, trend: state.trend, season: Array.from(state.season) };
  const parameterCount = seasonal ? 3 + 2 + (seasonLength - 1) : smoothingCount + stateStart.length;
  return { parameters: { ...parameters }, final, sumOfSquares, parameterCount };
}

/** The smoothing parameters of a form from the optimiser's unconstrained point (first entries), into `target`. */
function setSmoothing(target: MutableParameters, point: ArrayLike<number>, seasonLength: number): void {
  const { form } = target;
  const alpha = logistic(point[0] ?? 0);
  target.alpha = alpha;
  target.beta = form !== 'simple' ? alpha * logistic(point[1] ?? 0) : 0;
  target.gamma = form === 'holt-winters' ? (1 - alpha) * logistic(point[2] ?? 0) : 0;
  target.phi = form === 'damped' ? 0.8 + 0.18 * logistic(point[2] ?? 0) : 1;
  target.seasonLength = form === 'holt-winters' ? seasonLength : 1;
}

function describe(parameters: EtsParameters, aiccValue: number, residualSd: number): ModelForecast['model'] {
  const { form, alpha, beta, gamma, phi, seasonLength } = parameters;
  return {
    kind: 'ets',
    form,
    alpha,
    ...(form === 'simple' ? {} : { beta }),
    ...(form === 'holt-winters' ? { gamma, seasonLength } : {}),
    ...(form === 'damped' ? { phi } : {}),
    aicc: aiccValue,
    residualSd,
  };
}
