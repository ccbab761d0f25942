/**
 * The plausibility review of a report before it is sent (issue 15): the report's analysis against the previous
 * report of the same series, and its content against the earlier files of the series, with the checks and
 * thresholds configured for its kind. It says whether the report is to be held; holding it is the caller's.
 */
import { plausibilitySettingsFor } from '../config/plausibility-config.ts';
import type { Analysis } from '../engine/analysis/analysis-types.ts';
import {
  type ExpectedSpan,
  type PlausibilityFinding,
  checkPlausibility,
  daysCovered,
} from '../engine/plausibility/plausibility-checks.ts';
import { plausibilityFacts } from '../engine/plausibility/plausibility-facts.ts';
import type { PeriodDays } from '../vocabulary/period-days.ts';
import type { ReportKind } from '../vocabulary/report-kind.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { readArchivedAnalysis, type ReportHistory } from './report-history.ts';

export interface PlausibilityReview {
  findings: PlausibilityFinding[];
  /** No earlier report of the series could be read. */
  firstReport: boolean;
  /** Whether the report is held: a failed check, or a first report when the configuration says so. */
  hold: boolean;
}

/** What is reviewed: the report's kind and analysis, its series, its run and, when scheduled, its days. */
export interface ReviewedReport {
  kind: ReportKind;
  analysis: Analysis;
  history: ReportHistory;
  seriesFolder: string;
  runName: string;
  /** A scheduled report's days: the week of the weekly report, the quarter of the review. */
  reportPeriod?: PeriodDays | undefined;
}

export async function reviewPlausibility(
  context: DeliveryContext,
  report: ReviewedReport,
): Promise<PlausibilityReview> {
  const { config } = context;
  const previous = report.history.previous?.analysis;
  const settings = plausibilitySettingsFor(config.hold, report.kind);
  // The earlier runs are read only for the duplicate check: with it off, the review costs no request.
  const earlier = settings.enabled.has('duplicate-content') ? await earlierFingerprints(context, report) : [];
  const findings = checkPlausibility(
    plausibilityFacts(report.analysis),
    previous && plausibilityFacts(previous),
    settings,
    expectedSpan(report, previous),
    earlier.map((rows) => ({ rows })),
  );
  const firstReport = previous === undefined;
  return { findings, firstReport, hold: findings.length > 0 || (firstReport && config.hold.holdFirstReport) };
}

/**
 * The content fingerprints of the series' earlier runs (those archived with one), as the history listed them: the
 * previous run's analysis is the one already read, a run the history found unreadable is not read again.
 */
async function earlierFingerprints(context: DeliveryContext, report: ReviewedReport): Promise<string[]> {
  if (report.analysis.input.contentFingerprint === undefined) return [];
  const { previous, skipped, earlier } = report.history;
  const unreadable = new Set(skipped.map(({ runName }) => runName));
  const analyses = await Promise.all(
    earlier
      .filter((name) => !unreadable.has(name))
      .map(async (name): Promise<Analysis | undefined> => {
        if (name === previous?.runName) return previous.analysis;
        const parsed = await readArchivedAnalysis(context.store, `${report.seriesFolder}${name}/`);
        return parsed?.ok ? parsed.analysis : undefined;
      }),
  );
  return analyses.flatMap((analysis) =>
    analysis?.input.contentFingerprint === undefined ? [] : [analysis.input.contentFingerprint],
  );
}

/**
 * The days the data should span: a scheduled report's own days (a week, a quarter), and for an upload the span
 * of the previous upload of its series (none for the first).
 */
function expectedSpan(report: ReviewedReport, previous: Analysis | undefined): ExpectedSpan | undefined {
  if (report.reportPeriod) return { days: daysCovered(report.reportPeriod.first, report.reportPeriod.last) };
  const { firstPurchase, lastPurchase } = previous?.period ?? {};
  return firstPurchase && lastPurchase ? { days: daysCovered(firstPurchase, lastPurchase) } : undefined;
}
