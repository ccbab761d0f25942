/**
 * The plausibility checks (issue 15): a report compared with the previous report of the same kind and source.
 * Each finding carries the value now, the value before and the threshold, so that the data team's notice can say
 * why a report is held. A check fails strictly past its threshold: a value at the threshold passes.
 */
import { columnMapping } from './column-mapping-check.ts';
import { MS_PER_DAY, parseIsoDay } from '../input/date-parsing.ts';
import type { PlausibilityFacts } from './plausibility-facts.ts';
import { type PlausibilityCheck, type PlausibilitySettings, VOLUME_CHECKS } from './plausibility-settings.ts';

/** One failed check: what moved, from what to what, against which threshold. */
export interface PlausibilityFinding {
  check: PlausibilityCheck;
  /** What the check is about when it has several: a column role, a model parameter, a segment key. */
  subject?: string;
  now: number | string | null;
  before: number | string | null;
  /** A share or points (0.5 = 50%), days, or nothing for a check that compares identity. */
  threshold: number | null;
  /** The measured change the threshold bounds (a relative change, points, a coverage share). */
  measured?: number;
}

/** What the check of the period's length expects: the days a report of this kind covers (a week: 7). */
export interface ExpectedSpan {
  days: number;
}

/** The days from `first` to `last` (YYYY-MM-DD), both counted: the span the period checks compare. */
export function daysCovered(first: string, last: string): number {
  return Math.round((parseIsoDay(last) - parseIsoDay(first)) / MS_PER_DAY) + 1;
}

/** Shares and points are computed in floating point: a value at its threshold to the last bits passes. */
const TOLERANCE = 1e-9;

/** Whether `measured` is past `limit`, strictly and beyond rounding. */
function past(measured: number, limit: number): boolean {
  return measured > limit + TOLERANCE;
}

/**
 * The failed checks of `current` against `previous` (the previous report of the same kind and source; none for
 * a source's first report, which only the duplicate check can stop). Empty: the report looks plausible.
 */
export function checkPlausibility(
  current: PlausibilityFacts,
  previous: PlausibilityFacts | undefined,
  settings: PlausibilitySettings,
  expected: ExpectedSpan | undefined,
  earlierFingerprints: readonly NonNullable<PlausibilityFacts['fingerprint']>[] = [],
): PlausibilityFinding[] {
  const findings: PlausibilityFinding[] = [];
  const on = (check: PlausibilityCheck) => settings.enabled.has(check);
  const { thresholds } = settings;
  if (on('period-too-short') && expected)
    findings.push(...periodTooShort(current, expected, thresholds.minimumCoverage));
  if (on('duplicate-content')) findings.push(...duplicateContent(current, earlierFingerprints));
  if (!previous) return findings;
  for (const check of VOLUME_CHECKS) {
    if (on(check))
      findings.push(
        ...relativeChange(check, undefined, current[check], previous[check], thresholds.volumeChange),
      );
  }
  if (on('period-not-advancing')) findings.push(...periodNotAdvancing(current, previous));
  if (on('rejected-lines'))
    findings.push(...rejectedShareRise(current, previous, thresholds.rejectedShareRise));
  if (on('new-rejection-reason'))
    findings.push(...newRejectionReasons(current, previous, thresholds.newReasonShare));
  if (on('column-mapping')) findings.push(...columnMapping(current, previous));
  if (on('value-parameters')) {
    for (const [name, before] of Object.entries(previous.valueParameters)) {
      const now = current.valueParameters[name];
      if (now !== undefined)
        findings.push(
          ...relativeChange('value-parameters', name, now, before, thresholds.valueParameterChange),
        );
    }
  }
  if (on('segment-shares')) findings.push(...segmentShares(current, previous, thresholds.segmentShareChange));
  return findings;
}

/** A value that moved by more than `limit` of its previous value, up or down; nothing to compare with zero. */
function relativeChange(
  check: PlausibilityCheck,
  subject: string | undefined,
  now: number,
  before: number,
  limit: number,
): PlausibilityFinding[] {
  if (!(before > 0) || !Number.isFinite(now)) return [];
  const measured = (now - before) / before;
  if (!past(Math.abs(measured), limit)) return [];
  return [{ check, ...(subject === undefined ? {} : { subject }), now, before, threshold: limit, measured }];
}

function periodNotAdvancing(current: PlausibilityFacts, previous: PlausibilityFacts): PlausibilityFinding[] {
  const { lastPurchase: now } = current;
  const { lastPurchase: before } = previous;
  if (now === null || before === null || now > before) return [];
  return [{ check: 'period-not-advancing', now, before, threshold: null }];
}

/** The data's span in days (first to last purchase, both counted) under `minimum` of the expected days. */
function periodTooShort(
  current: PlausibilityFacts,
  expected: ExpectedSpan,
  minimum: number,
): PlausibilityFinding[] {
  const { firstPurchase, lastPurchase } = current;
  if (firstPurchase === null || lastPurchase === null || !(expected.days > 0)) return [];
  const days = daysCovered(firstPurchase, lastPurchase);
  const measured = days / expected.days;
  if (!past(minimum, measured)) return [];
  return [{ check: 'period-too-short', now: days, before: expected.days, threshold: minimum, measured }];
}

function rejectedShareRise(
  current: PlausibilityFacts,
  previous: PlausibilityFacts,
  limit: number,
): PlausibilityFinding[] {
  const share = (facts: PlausibilityFacts) => (facts.rowsRead > 0 ? facts.rowsRejected / facts.rowsRead : 0);
  const now = share(current);
  const before = share(previous);
  const measured = now - before;
  if (!past(measured, limit)) return [];
  return [{ check: 'rejected-lines', now, before, threshold: limit, measured }];
}

/** A reason no line was rejected for last time, rejecting more than `limit` of the lines read now. */
function newRejectionReasons(
  current: PlausibilityFacts,
  previous: PlausibilityFacts,
  limit: number,
): PlausibilityFinding[] {
  if (current.rowsRead === 0) return [];
  return Object.entries(current.rejectionReasons)
    .filter(([reason]) => (previous.rejectionReasons[reason] ?? 0) === 0)
    .map(([reason, lines]) => ({ reason, lines, share: lines / current.rowsRead }))
    .filter(({ share }) => past(share, limit))
    .map(({ reason, lines, share }) => ({
      check: 'new-rejection-reason',
      subject: reason,
      now: lines,
      before: 0,
      threshold: limit,
      measured: share,
    }));
}

function segmentShares(
  current: PlausibilityFacts,
  previous: PlausibilityFacts,
  limit: number,
): PlausibilityFinding[] {
  const keys = [...new Set([...Object.keys(previous.segmentShares), ...Object.keys(current.segmentShares)])];
  return keys.flatMap((key) => {
    const now = current.segmentShares[key] ?? 0;
    const before = previous.segmentShares[key] ?? 0;
    const measured = now - before;
    return past(Math.abs(measured), limit)
      ? [{ check: 'segment-shares' as const, subject: key, now, before, threshold: limit, measured }]
      : [];
  });
}

/** The same bytes, or the same rows in another order or layout, as an earlier file of the source. */
function duplicateContent(
  current: PlausibilityFacts,
  earlier: readonly NonNullable<PlausibilityFacts['fingerprint']>[],
): PlausibilityFinding[] {
  const mine = current.fingerprint;
  if (!mine) return [];
  for (const subject of ['bytes', 'rows'] as const) {
    const value = mine[subject];
    if (value !== undefined && earlier.some((other) => other[subject] === value)) {
      return [{ check: 'duplicate-content', subject, now: value, before: value, threshold: null }];
    }
  }
  return [];
}
