/**
 * Series that continue past what one file holds: a scheduled report whose uploads each hold one week still shows
 * the last weeks, the periods before the file's first one taken from the trends of earlier reports of the same
 * series, as those reports computed them. Pure: the caller reads the archives.
 *
 * Rules: only trends of the same unit; a period the current file holds is always the file's (archives are never
 * looked at from its first period on); an archived period flagged partial is never used (its days were not all
 * in); the periods taken must meet end to start, the first gap stops them; of two archives holding one period the
 * newer wins (a later export may correct an earlier one); at most MAX_CONTINUED_PERIODS in all, the file's own
 * periods never cut. What an archived period says, it says of its own file: its new customers are those new to
 * that file, its segment members those scored among that file's customers.
 */
import type { TrendSeries, Trends } from './compute-trends.ts';
import { trendOutlook } from './trend-outlook.ts';
import type { TrendUnit } from './trend-periods.ts';
import type { WarningThresholds } from './warnings/warning-rules.ts';

/** The longest continued series: two years of months, a year of weeks (one season for the forecast's naive). */
export const MAX_CONTINUED_PERIODS: Readonly<Record<TrendUnit, number>> = { month: 24, week: 52 };

/** One archived period taken: the earlier trends holding it and its index there. */
interface TakenPeriod {
  trends: TrendSeries;
  index: number;
}

/**
 * How many periods the earlier trends add before the current ones under the rules above: the caller reading the
 * archives newest first stops once the file's periods and these reach MAX_CONTINUED_PERIODS.
 * @param earlier oldest first
 */
export function periodsFromArchive(current: TrendSeries, earlier: readonly TrendSeries[]): number {
  return takenPeriods(current, earlier).length;
}

/**
 * `current` continued backwards by `earlier` (oldest first), its outlook (forecasts and warnings) recomputed on
 * the longer series, `fromArchive` the number of leading periods that come from earlier reports. Nothing taken:
 * `current` with `fromArchive: 0`, its outlook as computed.
 */
export function continueSeries(
  current: Trends,
  earlier: readonly TrendSeries[],
  thresholds?: WarningThresholds,
): Trends {
  const taken = takenPeriods(current, earlier);
  if (taken.length === 0) return { ...current, fromArchive: 0 };
  const series: TrendSeries = {
    unit: current.unit,
    periods: [
      ...taken.map(({ trends, index }) => trends.periods[index] as Trends['periods'][number]),
      ...current.periods,
    ],
    base: withTakenValues(current.base, taken, (trends) => trends.base),
    segments: current.segments.map((segment) =>
      withTakenValues(segment, taken, (trends) => trends.segments.find(({ key }) => key === segment.key)),
    ),
    // The file's cohorts only: an archive's cohorts count customers this file cannot see, and its customers
    // cannot be told apart from this file's to merge them. Their periods move by the periods put before them.
    cohorts: current.cohorts.map((cohort) => ({ ...cohort, period: cohort.period + taken.length })),
  };
  return { ...current, ...series, outlook: trendOutlook(series, thresholds), fromArchive: taken.length };
}

/** The archived periods that continue `current` backwards, oldest first. */
function takenPeriods(current: TrendSeries, earlier: readonly TrendSeries[]): TakenPeriod[] {
  const first = current.periods[0];
  const room = MAX_CONTINUED_PERIODS[current.unit] - current.periods.length;
  if (first === undefined || room <= 0) return [];
  // Complete periods of one unit are calendar months or Monday weeks, so a period's end names it; a newer
  // archive's copy replaces an older one's.
  const byEnd = new Map<string, TakenPeriod>();
  for (const trends of earlier) {
    if (trends.unit !== current.unit) continue;
    trends.periods.forEach((period, index) => {
      if (!period.partial && period.start < period.end) byEnd.set(period.end, { trends, index });
    });
  }
  const taken: TakenPeriod[] = [];
  for (let next = byEnd.get(first.start); next && taken.length < room;) {
    taken.push(next);
    next = byEnd.get((next.trends.periods[next.index] as Trends['periods'][number]).start);
  }
  return taken.reverse();
}

/**
 * `current` with each of its lists (one value a period) preceded by the taken periods' values, read from the same
 * list of `pick(archive)`; 0 where an archive has no such object (a segment newer than the code that wrote it).
 */
function withTakenValues<Lists extends object>(
  current: Lists,
  taken: readonly TakenPeriod[],
  pick: (trends: TrendSeries) => object | undefined,
): Lists {
  const continued: Record<string, unknown> = Object.fromEntries(Object.entries(current));
  for (const [key, values] of Object.entries(current)) {
    if (!Array.isArray(values)) continue;
    const before = taken.map(({ trends, index }) => {
      const list: unknown = (pick(trends) as Record<string, unknown> | undefined)?.[key];
      return Array.isArray(list) ? (list[index] as unknown) : 0;
    });
    continued[key] = [...before, ...values];
  }
  return continued as Lists;
}
