/**
 * The early warnings of the trends, each a pure rule over plain series with its threshold: a last period outside
 * its forecast interval, a series falling several periods in a row, a series turning volatile, a new cohort
 * retaining clearly worse than the ones before. Each rule returns the numbers a reader needs, or null when it does
 * not fire. A ratio or a drop fires only when it strictly exceeds its threshold (a value at the threshold does
 * not); a run of falls fires from its count of periods on.
 */

/** The thresholds, with the defaults below (WARNING_DEFAULTS); all configurable. */
export interface WarningThresholds {
  /** A series whose last this-many period-to-period changes are all falls. */
  fallingPeriods: number;
  /** Volatility of the last `volatilityWindow` changes over that of the window before, above this ratio. */
  volatilityRatio: number;
  volatilityWindow: number;
  /** The newest cohort's share buying again, this many points below the mean of the cohorts before it. */
  cohortDropPoints: number;
  /** The cohorts compared must have at least this many customers each (small cohorts swing by chance). */
  cohortMinCustomers: number;
}

export const WARNING_DEFAULTS: WarningThresholds = {
  fallingPeriods: 3,
  volatilityRatio: 1.5,
  volatilityWindow: 4,
  cohortDropPoints: 0.1,
  cohortMinCustomers: 30,
};

/** The last value against its forecast interval: below or above it, by how much. */
export function outsideInterval(
  actual: number,
  interval: { lower: number; upper: number },
): { direction: 'below' | 'above'; actual: number; lower: number; upper: number } | null {
  if (!Number.isFinite(actual)) return null;
  if (actual < interval.lower) return { direction: 'below', actual, ...interval };
  if (actual > interval.upper) return { direction: 'above', actual, ...interval };
  return null;
}

/** The falls in a row that end the series, when there are at least `periods` of them. */
export function fallingRun(
  values: readonly number[],
  periods: number,
): { periods: number; from: number; to: number } | null {
  let run = 0;
  for (let index = values.length - 1; index > 0; index--) {
    if (!((values[index] as number) < (values[index - 1] as number))) break;
    run++;
  }
  if (run < periods || run === 0) return null;
  return { periods: run, from: values[values.length - 1 - run] as number, to: values.at(-1) as number };
}

/**
 * Volatility as the standard deviation of the relative changes between periods, over the last `window` changes
 * against the `window` before them; fires when the ratio exceeds `ratio`. Null when the series is too short or a
 * change is undefined (a period at 0).
 */
export function volatilityRise(
  values: readonly number[],
  window: number,
  ratio: number,
): { before: number; recent: number; ratio: number } | null {
  if (values.length < 2 * window + 1) return null;
  const changes: number[] = [];
  for (let index = values.length - 2 * window; index < values.length; index++) {
    const before = values[index - 1] as number;
    if (!(before > 0)) return null;
    changes.push((values[index] as number) / before - 1);
  }
  const before = standardDeviation(changes.slice(0, window));
  const recent = standardDeviation(changes.slice(window));
  if (!(before > 0)) return null;
  const rise = recent / before;
  return rise > ratio ? { before, recent, ratio: rise } : null;
}

/**
 * The newest cohort with a value at `monthsSince` against the mean of the earlier ones (each of at least
 * `minCustomers`): fires when it is more than `dropPoints` below. `shares[i]` is cohort i's share buying again
 * `monthsSince` periods after its first (null when that period is not over yet), oldest cohort first.
 */
export function cohortRetentionDrop(
  cohorts: readonly { label: string; customers: number; share: number | null }[],
  dropPoints: number,
  minCustomers: number,
): { cohort: string; share: number; earlierMean: number; earlierCohorts: number } | null {
  const known = cohorts.filter(
    (cohort): cohort is { label: string; customers: number; share: number } =>
      cohort.share !== null && cohort.customers >= minCustomers,
  );
  const newest = known.at(-1);
  const earlier = known.slice(0, -1);
  if (newest === undefined || earlier.length === 0) return null;
  const earlierMean = earlier.reduce((sum, cohort) => sum + cohort.share, 0) / earlier.length;
  return earlierMean - newest.share > dropPoints
    ? { cohort: newest.label, share: newest.share, earlierMean, earlierCohorts: earlier.length }
    : null;
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
}
