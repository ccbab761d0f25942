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
  etsPass,
  etsPoints,
  etsVariances,
  holtWintersStart,
} from './ets-recursions.ts';
import { minimiseSmooth } from './minimise-smooth.ts';

interface FormFit {
  readonly parameters: EtsParameters;
  readonly initial: EtsState;
  readonly sumOfSquares: number;
  /** Parameters counted by AICc: the smoothing parameters and the initial states. */
  readonly parameterCount: number;
}

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
): ModelForecast | undefined {
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
  const { parameters, initial, sumOfSquares, parameterCount } = best.fit;
  const { final } = etsPass(scaled, parameters, initial);
  const variance = sumOfSquares / Math.max(1, scaled.length - parameterCount);
  const points = etsPoints(parameters, final, scaled.length, horizon).map((point) => point * scale);
  const variances = etsVariances(parameters, variance, horizon).map((value) => value * scale * scale);
  return { model: describe(parameters, best.aicc, Math.sqrt(variance) * scale), points, variances };
}

/** AICc of a least-squares fit (Gaussian likelihood up to a constant); infinite when n is too small for it. */
function aicc(fit: FormFit, length: number): number {
  const k = fit.parameterCount + 1;
  if (length - k - 1 <= 0) return Number.POSITIVE_INFINITY;
  const variance = Math.max(fit.sumOfSquares / length, VARIANCE_FLOOR);
  return length * Math.log(variance) + 2 * k + (2 * k * (k + 1)) / (length - k - 1);
}

function fitForm(history: readonly number[], form: EtsForm, seasonLength: number): FormFit {
  const firstStep = (history[1] ?? 0) - (history[0] ?? 0);
  if (form === 'holt-winters') {
    const initial = holtWintersStart(history, seasonLength);
    const toModel = (point: readonly number[]): EtsParameters => smoothing(form, point, seasonLength);
    const objective = (point: readonly number[]): number =>
      etsPass(history, toModel(point), initial).sumOfSquares;
    const best = minimiseSmooth(objective, [START.alpha, START.beta, START.gamma]);
    const parameters = toModel(best.point);
    const { sumOfSquares } = etsPass(history, parameters, initial);
    return { parameters, initial, sumOfSquares, parameterCount: 3 + 2 + (seasonLength - 1) };
  }
  // The initial level and trend are fitted too, started so that the first one-step forecast is the first value.
  const smoothingStart =
    form === 'simple'
      ? [START.alpha]
      : form === 'holt'
        ? [START.alpha, START.beta]
        : [START.alpha, START.beta, START.phi];
  const stateStart = form === 'simple' ? [history[0] ?? 0] : [(history[0] ?? 0) - firstStep, firstStep];
  const split = (point: readonly number[]): { parameters: EtsParameters; initial: EtsState } => {
    const states = point.slice(smoothingStart.length);
    return {
      parameters: smoothing(form, point, 1),
      initial: { level: states[0] ?? 0, trend: states[1] ?? 0, season: [0] },
    };
  };
  const objective = (point: readonly number[]): number => {
    const { parameters, initial } = split(point);
    return etsPass(history, parameters, initial).sumOfSquares;
  };
  const best = minimiseSmooth(objective, [...smoothingStart, ...stateStart]);
  const { parameters, initial } = split(best.point);
  const { sumOfSquares } = etsPass(history, parameters, initial);
  return { parameters, initial, sumOfSquares, parameterCount: smoothingStart.length + stateStart.length };
}

/** The smoothing parameters of a form from the optimiser's unconstrained point (first entries). */
function smoothing(form: EtsForm, point: readonly number[], seasonLength: number): EtsParameters {
  const alpha = logistic(point[0] ?? 0);
  const hasTrend = form !== 'simple';
  const beta = hasTrend ? alpha * logistic(point[1] ?? 0) : 0;
  const gamma = form === 'holt-winters' ? (1 - alpha) * logistic(point[2] ?? 0) : 0;
  const phi = form === 'damped' ? 0.8 + 0.18 * logistic(point[2] ?? 0) : 1;
  return { form, alpha, beta, gamma, phi, seasonLength: form === 'holt-winters' ? seasonLength : 1 };
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
