/**
 * The weekly report and the quarterly review: claim the period (once per kind and period), take the period's
 * data from the bucket (days in the configured time zone), compare with the previous run of the same kind
 * (deltas; for the quarterly review, how customers moved between segments), and send. A period without new
 * data gets a notice to the data team instead of old numbers to the executives.
 */
import { configurationAdvice } from '../config/input-rules.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { type SegmentMigration, segmentMigration } from '../engine/migration/segment-migration.ts';
import { RFM_SEGMENT_KEYS } from '../engine/rfm/rfm-segments.ts';
import { InputError } from '../errors/input-errors.ts';
import { noNewDataNotice, rejectedFileNotice } from '../report/notices/data-team-notice.ts';
import { scheduleClaimKey, scheduleSeriesFolder } from './archive-layout.ts';
import { type DuplicateRun, runOnce } from './claimed-run.ts';
import { withContinuedTrends } from './continued-trends.ts';
import { type DeliveryOutcome, deliverReport } from './deliver-report.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { ScheduledReportKind } from '../vocabulary/report-kind.ts';
import type { HeldClaim } from './held-claim.ts';
import { type PeriodFiles, concatenatedCsv, filesOfPeriod, filesToAnalyse } from './period-input.ts';
import type { StoredObject } from './ports.ts';
import {
  type ReportHistory,
  currentSegments,
  findPreviousRun,
  readArchivedSegments,
} from './report-history.ts';
import { type ReportPeriod, activityWindows, reportPeriod } from './report-period.ts';
import { endWithNotice } from './tell-data-team.ts';
import { analyseWithinTime } from './time-budget.ts';

export type ScheduledOutcome =
  | (DuplicateRun & { periodId: string })
  | { status: 'no-new-data'; periodId: string; messageId: string }
  | { status: 'failed-input'; periodId: string; messageId: string }
  | { status: 'sent'; periodId: string; messageId: string; archive: string; files: string[] }
  /** Held for the data team by the plausibility review: `messageId` is their notice's. */
  | {
      status: 'held';
      periodId: string;
      messageId: string;
      archive: string;
      files: string[];
      expiresAt: string;
    };

/** One scheduled run: its kind, the period it reports on, its moment, its claim and how logs name it. */
interface ScheduledRun {
  kind: ScheduledReportKind;
  period: ReportPeriod;
  now: Date;
  claimKey: string;
  subject: string;
}

/** Runs the `kind` report of the period before now, once per kind and period. */
export async function runScheduledReport(
  context: DeliveryContext,
  kind: ScheduledReportKind,
): Promise<ScheduledOutcome> {
  const { config } = context;
  const now = context.clock.now();
  const period = reportPeriod(kind, now, config.report.timeZone);
  const claimKey = scheduleClaimKey(config.prefixes, kind, period.id);
  const run = { kind, period, now, claimKey, subject: `the ${kind} report ${period.id}` };
  const outcome = await runOnce(context, claimKey, run.subject, (claim) =>
    reportOnPeriod(context, claim, run),
  );
  return outcome.status === 'duplicate' ? { ...outcome, periodId: period.id } : outcome;
}

/** The run under its claim: the period's files, then a notice (no data, unreadable) or the report. */
async function reportOnPeriod(
  context: DeliveryContext,
  claim: HeldClaim,
  run: ScheduledRun,
): Promise<ScheduledOutcome> {
  const found = await filesOfPeriod(context.store, context.config, run.period);
  const newest = found.inPeriod.at(-1);
  if (newest === undefined) return reportNoNewData(context, claim, run, found.newestEver);
  const input = filesToAnalyse(context.config, found, newest);
  const analysed = await analysePeriod(context, claim, run, input);
  if ('status' in analysed) return analysed;
  const delivered = await deliverPeriodReport(context, claim, run, analysed.result);
  const done = {
    periodId: run.period.id,
    messageId: delivered.messageId,
    archive: delivered.archive,
    files: input.files.map((file) => file.key),
  };
  return delivered.status === 'held'
    ? { status: 'held', ...done, expiresAt: delivered.expiresAt }
    : { status: 'sent', ...done };
}

/** A period without new files: the data team is told, rather than the executives sent old numbers. */
async function reportNoNewData(
  context: DeliveryContext,
  claim: HeldClaim,
  { kind, period }: ScheduledRun,
  newestEver: StoredObject | null,
): Promise<ScheduledOutcome> {
  const { store, config } = context;
  const notice = noNewDataNotice(
    config.report.locale,
    kind,
    `${period.id} (${period.start} – ${period.last})`,
    `s3://${store.bucket}/${config.prefixes.incoming}`,
    newestEver ? `s3://${store.bucket}/${newestEver.key}` : null,
  );
  const messageId = await endWithNotice(context, claim, notice, { state: 'skipped', detail: 'no new data' });
  context.logger.warn('no new data for the period', { kind, periodId: period.id });
  return { status: 'no-new-data', periodId: period.id, messageId };
}

/**
 * The period's files through the engine, read as one: the analysis, or, when they cannot be read (files are
 * checked on upload; two files with different headers fail only now), the data team's notice.
 */
async function analysePeriod(
  context: DeliveryContext,
  claim: HeldClaim,
  run: ScheduledRun,
  { files, rule }: PeriodFiles,
): Promise<{ result: AnalysisResult } | ScheduledOutcome> {
  const { store, config } = context;
  const sourceName =
    files.length === 1
      ? `s3://${store.bucket}/${files[0]?.key}`
      : `${files.length} files of ${run.period.id}`;
  try {
    const bytes = concatenatedCsv(store, files);
    const activity = activityWindows(run.period);
    return {
      result: await analyseWithinTime(context.clock, bytes, {
        rule,
        sourceName,
        now: run.now,
        activity,
        trendWarnings: config.report.trendWarnings,
      }),
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const notice = rejectedFileNotice(
      config.report.locale,
      files.map((file) => `s3://${store.bucket}/${file.key}`).join(', '),
      error.message,
      `s3://${store.bucket}/${run.claimKey}`,
      configurationAdvice(error, rule),
    );
    const messageId = await endWithNotice(context, claim, notice, {
      state: 'rejected',
      detail: error.message,
    });
    return { status: 'failed-input', periodId: run.period.id, messageId };
  }
}

/**
 * Archives and sends (or holds) the period's report, compared with the previous run of its kind, its trends continued by the
 * earlier runs (the archive keeps the file's own, continued-trends.ts says why).
 */
async function deliverPeriodReport(
  context: DeliveryContext,
  claim: HeldClaim,
  { kind, period, subject }: ScheduledRun,
  result: AnalysisResult,
): Promise<DeliveryOutcome> {
  const run = { seriesFolder: scheduleSeriesFolder(context.config.prefixes, kind), runName: period.id };
  const history = await findPreviousRun(context.store, run.seriesFolder, run.runName, context.logger);
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
