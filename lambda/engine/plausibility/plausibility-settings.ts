/**
 * The plausibility checks a report passes before it reaches the executives (issue 15), and their thresholds. A
 * report that fails one is held for the data team. Each check can be turned off and each threshold set, per
 * report kind, in the job's configuration; these are the defaults.
 */

export const PLAUSIBILITY_CHECKS = [
  'rows',
  'customers',
  'orders',
  'revenue',
  'period-not-advancing',
  'period-too-short',
  'rejected-lines',
  'new-rejection-reason',
  'column-mapping',
  'value-parameters',
  'segment-shares',
  'duplicate-content',
] as const;
export type PlausibilityCheck = (typeof PLAUSIBILITY_CHECKS)[number];

/** The four volumes compared by their relative change. */
export const VOLUME_CHECKS = ['rows', 'customers', 'orders', 'revenue'] as const;
export type VolumeCheck = (typeof VOLUME_CHECKS)[number];

export interface PlausibilityThresholds {
  /** Rows, customers, orders, revenue: the largest change up or down, as a share of the previous value. */
  volumeChange: number;
  /** The least share of the expected days the data must span (a weekly file: 7 days). */
  minimumCoverage: number;
  /** The largest rise of the share of lines rejected, in points (0.1 = 10 points). */
  rejectedShareRise: number;
  /**
   * A reason no line was rejected for last time holds the report when it rejects more than this share of the lines
   * read (a handful of zero-price lines one week is no news; a date column that stopped parsing is).
   */
  newReasonShare: number;
  /** The customer-value models' parameters: the largest change of each, as a share of the previous value. */
  valueParameterChange: number;
  /** The largest change of a segment's share of customers, in points (0.1 = 10 points). */
  segmentShareChange: number;
}

export interface PlausibilitySettings {
  /** The checks that run; a check not listed never holds a report. */
  enabled: ReadonlySet<PlausibilityCheck>;
  thresholds: PlausibilityThresholds;
}

export const PLAUSIBILITY_DEFAULTS: PlausibilityThresholds = {
  volumeChange: 0.5,
  minimumCoverage: 0.6,
  rejectedShareRise: 0.1,
  newReasonShare: 0.005,
  valueParameterChange: 0.5,
  segmentShareChange: 0.15,
};

export const ALL_CHECKS_ON: PlausibilitySettings = {
  enabled: new Set(PLAUSIBILITY_CHECKS),
  thresholds: PLAUSIBILITY_DEFAULTS,
};
