/**
 * A scheduled run's analysis delivered: archived and sent (or held), compared with the previous run of its kind, its
 * trends continued by the earlier runs, and, for the quarterly review, how customers moved between segments.
 */
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { type SegmentMigration, segmentMigration } from '../engine/migration/segment-migration.ts';
import { RFM_SEGMENT_KEYS } from '../engine/rfm/rfm-segments.ts';
import { scheduleSeriesFolder } from './archive-layout.ts';
import { withContinuedTrends } from './continued-trends.ts';
import { type DeliveryOutcome, deliverReport } from './deliver-report.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { HeldClaim } from './held-claim.ts';
import type { StoredObject } from './ports.ts';
import {
  type ReportHistory,
  currentSegments,
  findPreviousRun,
  readArchivedSegments,
} from './report-history.ts';
import type { ScheduledOutcome, ScheduledRun } from './scheduled-run.ts';

/** The series of the scheduled run's kind, and its previous run (read before the analysis: kept-segmentation.ts). */
export async function previousRunOf(
  context: Pick<DeliveryContext, 'store' | 'config' | 'logger'>,
  run: Pick<ScheduledRun, 'kind' | 'period'>,
): Promise<ReportHistory> {
  const seriesFolder = scheduleSeriesFolder(context.config.prefixes, run.kind);
  return findPreviousRun(context.store, seriesFolder, run.period.id, context.logger);
}

/** Archives and sends (or holds) the analysis, compared with `history`; the outcome names the files it read. */
export async function deliverAnalysis(
  context: DeliveryContext,
  claim: HeldClaim,
  { run, history }: { run: ScheduledRun; history: ReportHistory },
  result: AnalysisResult,
  files: readonly StoredObject[],
): Promise<ScheduledOutcome> {
  const delivered = await deliverPeriodReport(context, claim, { ...run, history }, result);
  const done = {
    periodId: run.period.id,
    messageId: delivered.messageId,
    archive: delivered.archive,
    files: files.map((file) => file.key),
  };
  return delivered.status === 'held'
    ? { status: 'held', ...done, expiresAt: delivered.expiresAt }
    : { status: 'sent', ...done };
}

/**
 * Archives and sends (or holds) the period's report, compared with the previous run of its kind, its trends continued by the
 * earlier runs (the archive keeps the file's own, continued-trends.ts says why).
 */
async function deliverPeriodReport(
  context: DeliveryContext,
  claim: HeldClaim,
  { kind, period, subject, history }: ScheduledRun & { history: ReportHistory },
  result: AnalysisResult,
): Promise<DeliveryOutcome> {
  const run = { seriesFolder: scheduleSeriesFolder(context.config.prefixes, kind), runName: period.id };
  return deliverReport(context, claim, {
    kind,
    run,
    result,
    reportAnalysis: await withContinuedTrends(context.store, run, result.analysis, context.logger),
    history,
    migration: kind === 'quarterly' ? await migrationSincePrevious(context, history, result) : undefined,
    reportPeriod: { first: period.start, last: period.last },
    subject,
  });
}

/** How customers moved between RFM segments since the previous run, when its segments can be read. */
async function migrationSincePrevious(
  context: DeliveryContext,
  history: ReportHistory,
  result: AnalysisResult,
): Promise<SegmentMigration | undefined> {
  if (!history.previous) return undefined;
  const previousSegments = await readArchivedSegments(context.store, history.previous.folder, context.logger);
  return previousSegments
    ? segmentMigration(previousSegments, currentSegments(result.customers), RFM_SEGMENT_KEYS)
    : undefined;
}
