/**
 * The early warnings of the trends, in data: each with the series and segment it is about and its numbers, for
 * the report to say in words. Over the complete periods: the last one outside the interval forecast for it from
 * the ones before, a run of falls, a rise in volatility, and the newest cohort retaining clearly worse.
 */
import type { RfmSegmentKey } from '../rfm/rfm-segments.ts';
import type { TrendSeries } from './compute-trends.ts';
import type { EtsFits } from './forecast/ets-fit.ts';
import { forecastSeries } from './forecast/forecast-series.ts';
import type { NamedSeries } from './forecast/forecast-types.ts';
import {
  cohortRetentionDrop,
  fallingRun,
  outsideInterval,
  volatilityRise,
  type WarningThresholds,
} from './warnings/warning-rules.ts';

/** The series a warning is about: the base's (segment null) or a segment's. */
interface WarningSubject {
  series: 'revenue' | 'activeCustomers' | 'buyers';
  segment: RfmSegmentKey | null;
}

export type TrendWarning =
  | (WarningSubject & {
      kind: 'outside-interval';
      period: number;
      direction: 'below' | 'above';
      actual: number;
      lower: number;
      upper: number;
    })
  | (WarningSubject & { kind: 'falling'; periods: number; from: number; to: number })
  | (WarningSubject & { kind: 'volatile'; before: number; recent: number; ratio: number })
  | { kind: 'cohort-retention'; cohort: number; share: number; earlierMean: number; earlierCohorts: number };

export interface WarningInput {
  trends: TrendSeries;
  /** Complete periods: the series below hold that many values. */
  history: number;
  base: NamedSeries[];
  revenue: NamedSeries[];
  buyers: NamedSeries[];
  seasonLength: number;
  thresholds: WarningThresholds;
  /** The outlook's fits: its backtests already fitted the prefixes these forecasts fit (forecastSeries). */
  fits?: EtsFits;
}

export function trendWarnings(input: WarningInput): TrendWarning[] {
  const { thresholds } = input;
  const subjects: (WarningSubject & { values: readonly number[] })[] = [
    ...input.base.map(({ key, values }) => ({
      series: key as 'revenue' | 'activeCustomers',
      segment: null,
      values,
    })),
    ...input.revenue.map(({ key, values }) => ({
      series: 'revenue' as const,
      segment: key as RfmSegmentKey,
      values,
    })),
    ...input.buyers.map(({ key, values }) => ({
      series: 'buyers' as const,
      segment: key as RfmSegmentKey,
      values,
    })),
  ];
  const warnings: TrendWarning[] = [...outsideTheirInterval(input)];
  for (const { values, ...subject } of subjects) {
    const falling = fallingRun(values, thresholds.fallingPeriods);
    if (falling) warnings.push({ kind: 'falling', ...subject, ...falling });
  }
  for (const { values, ...subject } of subjects.filter(({ series }) => series === 'revenue')) {
    const volatile = volatilityRise(values, thresholds.volatilityWindow, thresholds.volatilityRatio);
    if (volatile) warnings.push({ kind: 'volatile', ...subject, ...volatile });
  }
  const cohort = newCohortDrop(input);
  if (cohort) warnings.push(cohort);
  return warnings;
}

/** The last complete period of the base's series and the segments' revenue, against a forecast without it. */
function outsideTheirInterval({ base, revenue, history, seasonLength, fits }: WarningInput): TrendWarning[] {
  const last = history - 1;
  const subjects: { series: NamedSeries[]; segment: boolean }[] = [
    { series: base, segment: false },
    { series: revenue, segment: true },
  ];
  return subjects.flatMap(({ series, segment }) => {
    if (series.length === 0) return [];
    const before = series.map(({ key, values }) => ({ key, values: values.slice(0, last) }));
    const forecast = forecastSeries({ series: before, seasonLength, horizon: 1 }, fits);
    return forecast.series.flatMap((one, index): TrendWarning[] => {
      const step = one.status === 'forecast' ? one.steps[0] : undefined;
      const outside =
        step &&
        outsideInterval(series[index]?.values[last] ?? Number.NaN, { lower: step.lower, upper: step.upper });
      if (!outside) return [];
      const subject: WarningSubject = segment
        ? { series: 'revenue', segment: one.key as RfmSegmentKey }
        : { series: one.key as 'revenue' | 'activeCustomers', segment: null };
      return [{ kind: 'outside-interval', ...subject, period: last, ...outside }];
    });
  });
}

/** The share of each cohort buying again the period after its first, for the cohorts whose next period is over. */
function newCohortDrop({ trends, history, thresholds }: WarningInput): TrendWarning | null {
  const cohorts = trends.cohorts.map((cohort) => ({
    label: String(cohort.period),
    customers: cohort.customers,
    share: cohort.period + 1 < history ? (cohort.buyingShare[1] ?? null) : null,
  }));
  const drop = cohortRetentionDrop(cohorts, thresholds.cohortDropPoints, thresholds.cohortMinCustomers);
  if (drop === null) return null;
  const { share, earlierMean, earlierCohorts } = drop;
  return { kind: 'cohort-retention', cohort: Number(drop.cohort), share, earlierMean, earlierCohorts };
}
