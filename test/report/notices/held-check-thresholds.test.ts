/**
 * Every plausibility check end to end, from the facts to the data team's notice (issue 15): just past its
 * threshold it holds the report, alone, and its notice line gives the value now, the value before and the threshold
 * as the report's formatters write them, in English (GBP) and in French (EUR); its twin, at the threshold or, for a
 * check of identity, after the smallest change that makes it pass, holds nothing. With the default thresholds and
 * with thresholds configured per report kind through the hold's configuration, so that a configured threshold is
 * proven to reach both the check and the notice. The checks' own edge cases are in
 * test/engine/plausibility/plausibility-checks.test.ts; the notice's exact sentences in held-report-notice.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { holdConfigSchema, plausibilitySettingsFor } from '../../../lambda/config/plausibility-config.ts';
import {
  checkPlausibility,
  type PlausibilityFinding,
} from '../../../lambda/engine/plausibility/plausibility-checks.ts';
import type { PlausibilityFacts } from '../../../lambda/engine/plausibility/plausibility-facts.ts';
import { LAST_WEEK_FACTS } from '../../support/plausibility-facts.ts';
import {
  ALL_CHECKS_ON,
  PLAUSIBILITY_CHECKS,
  PLAUSIBILITY_DEFAULTS,
  type PlausibilityCheck,
  type PlausibilitySettings,
  type PlausibilityThresholds,
} from '../../../lambda/engine/plausibility/plausibility-settings.ts';
import { RFM_SEGMENT_NAMES } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { type Formatters, makeFormatters } from '../../../lambda/report/locale/formatters.ts';
import { messagesOf } from '../../../lambda/report/locale/messages-of.ts';
import { type HeldReport, heldReportNotice } from '../../../lambda/report/notices/held-report-notice.ts';
import type { ReportLocale } from '../../../lambda/report/report-settings.ts';

type Fingerprint = NonNullable<PlausibilityFacts['fingerprint']>;

const PREVIOUS: PlausibilityFacts = LAST_WEEK_FACTS;

/** The source's earlier files: the previous one. */
const EARLIER: Fingerprint[] = [PREVIOUS.fingerprint ?? {}];

const LAST_DAY = '2011-12-04';

/** The ISO day `days` after `isoDay` (before it when negative). */
function shiftDay(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** This report's facts: the previous ones, spanning `spanDays` days up to LAST_DAY, from another file. */
function plausibleNow(spanDays: number): PlausibilityFacts {
  return {
    ...PREVIOUS,
    firstPurchase: shiftDay(LAST_DAY, 1 - spanDays),
    lastPurchase: LAST_DAY,
    fingerprint: { bytes: 'bytes-2', rows: 'rows-2' },
  };
}

/** `x`, snapped to the nearest whole number when floating point left it a hair off one (0.7 * 400). */
function snapped(x: number): number {
  return Math.abs(x - Math.round(x)) < 1e-6 ? Math.round(x) : x;
}

/** The report's facts, with the previous report's when the twin changes those instead. */
interface Scenario {
  current: PlausibilityFacts;
  previous: PlausibilityFacts;
}

/** A check just past its threshold and its twin just short of it: what the notice shows for the first. */
interface Twin {
  label: string;
  past: Scenario;
  within: Scenario;
  /** The strings the notice line must contain, written by the report's formatters and words. */
  shown(format: Formatters, locale: ReportLocale): string[];
}

interface ThresholdCase {
  /** The threshold the check compares with; none for a check of identity. */
  threshold?: keyof PlausibilityThresholds;
  twins(thresholds: PlausibilityThresholds, spanDays: number): Twin[];
}

const scenario = (current: PlausibilityFacts, previous: PlausibilityFacts = PREVIOUS): Scenario => ({
  current,
  previous,
});

/** A threshold in points, as the notice writes it: the points change with no sign ("5.0 pts"). */
const points = (format: Formatters, share: number) => format.pointsChange(share).replace(/^\+/u, '');

/**
 * A relative change as the notice shows it past its threshold: one decimal, or as many (up to four) as it takes
 * to read differently from the threshold (a change of 50.02% past 50% reads "+50.02%").
 */
function shownChange(format: Formatters, change: number, threshold: number): string {
  return shownPast(format.change, change, threshold, format.percent);
}

/** A measured value as the notice shows it past its threshold: with the decimals that tell them apart. */
function shownPast(
  valueOf: (value: number, digits?: number) => string,
  value: number,
  threshold: number,
  limitOf: (value: number, digits?: number) => string,
): string {
  const unsigned = (text: string) => text.replace(/^[+−-]/u, '');
  for (let digits = 1; digits < 4; digits += 1) {
    if (unsigned(valueOf(value, digits)) !== unsigned(limitOf(threshold, digits))) {
      return valueOf(value, digits);
    }
  }
  return valueOf(value, 4);
}

/** Rows, customers, orders, revenue: one more (or one less) than the previous value moved by the threshold. */
function volumeCase(
  check: 'rows' | 'customers' | 'orders' | 'revenue',
  asNumber: (format: Formatters) => (value: number) => string,
): ThresholdCase {
  return {
    threshold: 'volumeChange',
    twins: ({ volumeChange }, spanDays) => {
      const before = PREVIOUS[check];
      const up = Math.floor(snapped(before * (1 + volumeChange)));
      const down = Math.ceil(snapped(before * (1 - volumeChange)));
      const twin = (label: string, within: number, past: number): Twin => ({
        label,
        past: scenario({ ...plausibleNow(spanDays), [check]: past }),
        within: scenario({ ...plausibleNow(spanDays), [check]: within }),
        shown: (format) => [
          asNumber(format)(past),
          asNumber(format)(before),
          shownChange(format, (past - before) / before, volumeChange),
          `±${format.percent(volumeChange)}`,
        ],
      });
      // A fall past the threshold needs a value above zero: not for a threshold of 100% or more.
      return [twin('up', up, up + 1), ...(down > 0 ? [twin('down', down, down - 1)] : [])];
    },
  };
}

const REASON = 'unreadableDate';

const CASES: Record<PlausibilityCheck, ThresholdCase> = {
  rows: volumeCase('rows', (format) => format.integer),
  customers: volumeCase('customers', (format) => format.integer),
  orders: volumeCase('orders', (format) => format.integer),
  revenue: volumeCase('revenue', (format) => format.money),
  'period-not-advancing': {
    twins: (_, spanDays) => {
      const ending = (lastPurchase: string) => ({
        ...plausibleNow(spanDays),
        firstPurchase: shiftDay(lastPurchase, 1 - spanDays),
        lastPurchase,
      });
      const before = PREVIOUS.lastPurchase ?? '';
      return [
        {
          label: 'the same last day, against one day later',
          past: scenario(ending(before)),
          within: scenario(ending(shiftDay(before, 1))),
          shown: (format) => [format.day(before)],
        },
      ];
    },
  },
  'period-too-short': {
    threshold: 'minimumCoverage',
    twins: ({ minimumCoverage }, spanDays) => {
      const enough = Math.ceil(snapped(minimumCoverage * spanDays));
      const spanning = (days: number) => ({
        ...plausibleNow(spanDays),
        firstPurchase: shiftDay(LAST_DAY, 1 - days),
      });
      return [
        {
          label: `${enough - 1} days, against ${enough}, of ${spanDays}`,
          past: scenario(spanning(enough - 1)),
          within: scenario(spanning(enough)),
          shown: (format) => [
            format.integer(enough - 1),
            format.integer(spanDays),
            format.percent((enough - 1) / spanDays),
            format.percent(minimumCoverage),
          ],
        },
      ];
    },
  },
  'rejected-lines': {
    threshold: 'rejectedShareRise',
    twins: ({ rejectedShareRise }, spanDays) => {
      const { rowsRead, rowsRejected } = PREVIOUS;
      const atLimit = rowsRejected + Math.floor(snapped(rejectedShareRise * rowsRead));
      const rejecting = (lines: number) => ({ ...plausibleNow(spanDays), rowsRejected: lines });
      return [
        {
          label: `${atLimit + 1} lines of ${rowsRead}, against ${atLimit}`,
          past: scenario(rejecting(atLimit + 1)),
          within: scenario(rejecting(atLimit)),
          shown: (format) => [
            format.percent((atLimit + 1) / rowsRead),
            format.percent(rowsRejected / rowsRead),
            format.pointsChange((atLimit + 1) / rowsRead - rowsRejected / rowsRead),
            points(format, rejectedShareRise),
          ],
        },
      ];
    },
  },
  'new-rejection-reason': {
    threshold: 'newReasonShare',
    twins: ({ newReasonShare }, spanDays) => {
      const { rowsRead } = PREVIOUS;
      const atLimit = Math.floor(snapped(newReasonShare * rowsRead));
      const rejecting = (lines: number) => ({
        ...plausibleNow(spanDays),
        rejectionReasons: { ...PREVIOUS.rejectionReasons, [REASON]: lines },
      });
      return [
        {
          label: `${atLimit + 1} lines of ${rowsRead} for a reason not seen last time, against ${atLimit}`,
          past: scenario(rejecting(atLimit + 1)),
          within: scenario(rejecting(atLimit)),
          shown: (format, locale) => [
            messagesOf(locale).quality.reasons[REASON] ?? `no words for ${REASON}`,
            format.integer(atLimit + 1),
            shownPast(format.percent, (atLimit + 1) / rowsRead, newReasonShare, format.percent),
            format.percent(newReasonShare),
          ],
        },
      ];
    },
  },
  'column-mapping': {
    twins: (_, spanDays) => {
      const reading = (amount: string) => ({
        ...plausibleNow(spanDays),
        columns: { ...PREVIOUS.columns, amount },
      });
      return [
        {
          label: 'another header, against the same',
          past: scenario(reading('Montant')),
          within: scenario(reading('Amount')),
          shown: () => ['Montant', 'Amount'],
        },
      ];
    },
  },
  'value-parameters': {
    threshold: 'valueParameterChange',
    twins: ({ valueParameterChange }, spanDays) => {
      const before = PREVIOUS.valueParameters.alpha ?? 0;
      const atLimit = before * (1 + valueParameterChange);
      const moved = (alpha: number) => ({
        ...plausibleNow(spanDays),
        valueParameters: { ...PREVIOUS.valueParameters, alpha },
      });
      return [
        {
          label: 'alpha up by a thousandth more than the threshold',
          past: scenario(moved(atLimit + 0.001)),
          within: scenario(moved(atLimit)),
          shown: (format) => [
            'alpha',
            format.decimal(atLimit + 0.001, 4),
            format.decimal(before, 4),
            shownChange(format, (atLimit + 0.001 - before) / before, valueParameterChange),
            `±${format.percent(valueParameterChange)}`,
          ],
        },
      ];
    },
  },
  'segment-shares': {
    threshold: 'segmentShareChange',
    twins: ({ segmentShareChange }, spanDays) => {
      const { champions = 0, loyal = 0, lost = 0 } = PREVIOUS.segmentShares;
      // The loyal segment grows; the two others shrink by half as much each, within the threshold.
      const grown = (rise: number) => ({
        ...plausibleNow(spanDays),
        segmentShares: { champions: champions - rise / 2, loyal: loyal + rise, lost: lost - rise / 2 },
      });
      const rise = segmentShareChange + 0.001;
      return [
        {
          label: 'loyal up by a tenth of a point more than the threshold',
          past: scenario(grown(rise)),
          within: scenario(grown(segmentShareChange)),
          shown: (format, locale) => [
            RFM_SEGMENT_NAMES.loyal[locale],
            format.percent(loyal + rise),
            format.percent(loyal),
            format.pointsChange(loyal + rise - loyal),
            `±${points(format, segmentShareChange)}`,
          ],
        },
      ];
    },
  },
  'duplicate-content': {
    twins: (_, spanDays) => {
      const fingerprinted = (fingerprint: Fingerprint) => ({ ...plausibleNow(spanDays), fingerprint });
      return (['bytes', 'rows'] as const).map((subject) => ({
        label: `the same ${subject} as an earlier file, against other ones`,
        past: scenario(fingerprinted({ ...plausibleNow(spanDays).fingerprint, [subject]: `${subject}-1` })),
        within: scenario(plausibleNow(spanDays)),
        shown: (_format, locale) => [messagesOf(locale).notice.duplicateOf[subject]],
      }));
    },
  },
};

/** Thresholds configured per kind, each unlike the default: some stricter, some looser. */
const HOLD = holdConfigSchema.parse({
  upload: {
    thresholds: {
      volumeChange: 0.2,
      minimumCoverage: 0.8,
      rejectedShareRise: 0.02,
      newReasonShare: 0.002,
      valueParameterChange: 0.25,
      segmentShareChange: 0.05,
    },
  },
  weekly: {
    thresholds: {
      volumeChange: 0.75,
      minimumCoverage: 0.4,
      rejectedShareRise: 0.08,
      newReasonShare: 0.01,
      valueParameterChange: 1,
      segmentShareChange: 0.12,
    },
  },
  quarterly: {
    thresholds: {
      volumeChange: 0.3,
      minimumCoverage: 0.9,
      rejectedShareRise: 0.01,
      newReasonShare: 0.05,
      valueParameterChange: 2.5,
      segmentShareChange: 0.2,
    },
  },
});

interface Run {
  name: string;
  settings: PlausibilitySettings;
  /** The days the report is expected to span: an upload like the previous one, a week, a quarter. */
  spanDays: number;
  configured: boolean;
}

const RUNS: Run[] = [
  { name: 'the default thresholds', settings: ALL_CHECKS_ON, spanDays: 7, configured: false },
  {
    name: 'upload, configured',
    settings: plausibilitySettingsFor(HOLD, 'upload'),
    spanDays: 10,
    configured: true,
  },
  {
    name: 'weekly, configured',
    settings: plausibilitySettingsFor(HOLD, 'weekly'),
    spanDays: 7,
    configured: true,
  },
  {
    name: 'quarterly, configured',
    settings: plausibilitySettingsFor(HOLD, 'quarterly'),
    spanDays: 91,
    configured: true,
  },
];

function findings(run: Pick<Run, 'settings' | 'spanDays'>, { current, previous }: Scenario) {
  return checkPlausibility(current, previous, run.settings, { days: run.spanDays }, EARLIER);
}

const HELD: Omit<HeldReport, 'findings'> = {
  report: 'Weekly report, Nov 28, 2011 to Dec 4, 2011',
  location: 's3://data/archive/weekly/2011-W48/',
  release: 'segment-report release weekly/2011-W48',
  discard: 'segment-report discard weekly/2011-W48',
  approval: 's3://data/approvals/weekly/2011-W48.release',
  discardApproval: 's3://data/approvals/weekly/2011-W48.discard',
  firstReport: false,
  expires: new Date('2011-12-12T08:00:00Z'),
};

/** The lines of the notice that give the findings. */
function noticeLines(
  locale: ReportLocale,
  format: Formatters,
  found: readonly PlausibilityFinding[],
): string[] {
  const notice = heldReportNotice(locale, format, { ...HELD, findings: found });
  return notice.text.split('\n').filter((line) => line.startsWith('- '));
}

/** English words of the notice's sentences that a French line must not have. */
const ENGLISH =
  /\b(against|last time|allowed|beyond|required|expected|days|lines|rejected|reason|column|role|read from|customers|model|file|earlier|same|none|the|of|and|ends|covers|only|under)\b/iu;

const ENGLISH_FORMAT = makeFormatters('en', 'GBP', 'UTC');
const FRENCH_FORMAT = makeFormatters('fr', 'EUR', 'UTC');

describe('every plausibility check, from its threshold to the notice', () => {
  it('has a case for every check', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PLAUSIBILITY_CHECKS].sort());
  });

  it('is configured unlike the defaults for every kind, so that the configured runs prove something', () => {
    for (const run of RUNS.filter(({ configured }) => configured)) {
      for (const [name, value] of Object.entries(run.settings.thresholds)) {
        expect(value, `${run.name}: ${name}`).not.toBe(
          PLAUSIBILITY_DEFAULTS[name as keyof PlausibilityThresholds],
        );
      }
      expect([...run.settings.enabled]).toEqual([...PLAUSIBILITY_CHECKS]);
    }
  });

  describe.each(RUNS)('with $name', (run) => {
    it.each([...PLAUSIBILITY_CHECKS])('%s holds the report just past its threshold, not at it', (check) => {
      const thresholdCase = CASES[check];
      const twins = thresholdCase.twins(run.settings.thresholds, run.spanDays);
      expect(twins.length).toBeGreaterThan(0);
      for (const twin of twins) {
        const why = `${check}, ${twin.label}`;
        const found = findings(run, twin.past);
        expect(
          found.map((finding) => finding.check),
          why,
        ).toEqual([check]);
        expect(findings(run, twin.within), why).toEqual([]);
        const threshold = thresholdCase.threshold;
        expect(found[0]?.threshold, why).toBe(
          threshold === undefined ? null : run.settings.thresholds[threshold],
        );
        if (run.configured && threshold !== undefined) {
          // The defaults would not have judged this pair the same way: the configured threshold decided.
          const byDefaults = [twin.past, twin.within].map(
            (facts) => findings({ ...run, settings: ALL_CHECKS_ON }, facts).length > 0,
          );
          expect(byDefaults, why).not.toEqual([true, false]);
        }

        const [english] = noticeLines('en', ENGLISH_FORMAT, found);
        const french = noticeLines('fr', FRENCH_FORMAT, found);
        expect(french, why).toHaveLength(1);
        for (const shown of twin.shown(ENGLISH_FORMAT, 'en')) expect(english, why).toContain(shown);
        for (const shown of twin.shown(FRENCH_FORMAT, 'fr')) expect(french[0], why).toContain(shown);
        expect(french[0], why).not.toMatch(ENGLISH);
        expect(french[0], why).not.toBe(english);
        expect(`${english} ${french[0]}`, why).not.toMatch(/undefined|NaN|null/u);
      }
    });
  });
});
