/**
 * The rolling-origin backtest (Tashman 2000): at each of the last k periods, every candidate is fitted on the
 * history before it and forecasts up to the horizon (fewer steps near the end); its absolute errors give the
 * one-step MAE and the MAE over all steps, and their MASE: divided by the baseline's in-sample one-step MAE on
 * the history before the first origin (Hyndman and Koehler 2006), so one number compares series of any size.
 */
import type { CandidateBacktest, ModelForecast, ModelKind } from './forecast-types.ts';
import { meanAbsoluteDifference } from './seasonal-naive.ts';

/** A model run on all the series at once (the VAR needs them together; the others run each alone). */
export interface Candidate {
  readonly kind: ModelKind;
  readonly run: (
    histories: readonly (readonly number[])[],
    horizon: number,
  ) => readonly (ModelForecast | undefined)[];
}

interface Errors {
  oneStep: number[];
  allSteps: number[];
  failed: boolean;
}

/** Per series, the backtest of each candidate that forecast at every origin (the others are left out). */
export function rollingOriginBacktest(
  series: readonly (readonly number[])[],
  candidates: readonly Candidate[],
  origins: number,
  horizon: number,
  baselineLag: number,
): CandidateBacktest[][] {
  const length = series[0]?.length ?? 0;
  const errors = series.map(() =>
    candidates.map((): Errors => ({ oneStep: [], allSteps: [], failed: false })),
  );
  for (let origin = length - origins; origin < length; origin += 1) {
    const histories = series.map((values) => values.slice(0, origin));
    const steps = Math.min(horizon, length - origin);
    candidates.forEach((candidate, candidateIndex) => {
      const forecasts = candidate.run(histories, steps);
      series.forEach((values, seriesIndex) => {
        const tally = errors[seriesIndex]?.[candidateIndex] as Errors;
        const forecast = forecasts[seriesIndex];
        if (forecast === undefined) {
          tally.failed = true;
          return;
        }
        forecast.points.forEach((point, step) => {
          const error = Math.abs((values[origin + step] ?? Number.NaN) - point);
          tally.allSteps.push(error);
          if (step === 0) tally.oneStep.push(error);
        });
      });
    });
  }
  return series.map((values, seriesIndex) => {
    const scale = meanAbsoluteDifference(values.slice(0, length - origins), baselineLag);
    return candidates.flatMap((candidate, candidateIndex) => {
      const tally = errors[seriesIndex]?.[candidateIndex] as Errors;
      return tally.failed ? [] : [summarise(candidate.kind, tally, origins, scale)];
    });
  });
}

function summarise(model: ModelKind, tally: Errors, origins: number, scale: number): CandidateBacktest {
  const oneStepMae = mean(tally.oneStep);
  const horizonMae = mean(tally.allSteps);
  return {
    model,
    origins,
    oneStepMae,
    horizonMae,
    // A flat history has no scale: no MASE, rather than a number that is not one.
    ...(scale > 0 && { oneStepMase: oneStepMae / scale, horizonMase: horizonMae / scale }),
  };
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
