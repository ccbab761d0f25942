/**
 * The weekly report and the quarterly review: claim the period (once per kind and period), take the period's
 * data from the bucket (days in the configured time zone), keep the previous run's segmentation until the next
 * refit (kept-segmentation.ts), compare with the previous run of the same kind (deltas; for the quarterly review,
 * how customers moved between segments), and send. A period without new data gets a notice to the data team
 * instead of old numbers to the executives.
 */
import { configurationAdvice } from '../config/input-rules.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { InputError } from '../errors/input-errors.ts';
import { type RunInput, athenaRunInput } from './athena-analysis.ts';
import type { AthenaExecution } from './athena-results.ts';
import { noNewDataNotice, rejectedFileNotice } from '../report/notices/data-team-notice.ts';
import { scheduleClaimKey } from './archive-layout.ts';
import { type DuplicateRun, runOnce } from './claimed-run.ts';
import { deliverAnalysis, previousRunOf } from './deliver-period-report.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { ScheduledReportKind } from '../vocabulary/report-kind.ts';
import type { HeldClaim } from './held-claim.ts';
import { analyseWithSegmentation, keptSegmentation } from './kept-segmentation.ts';
import { concatenatedCsv, filesName, filesOfPeriod, filesToAnalyse } from './period-input.ts';
import type { StoredObject } from './ports.ts';
import type { ReportHistory } from './report-history.ts';
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
export interface ScheduledRun {
  kind: ScheduledReportKind;
  period: ReportPeriod;
  now: Date;
  claimKey: string;
  subject: string;
}

/**
 * What starts a scheduled run besides its kind: the moment it reports at (the state machine's start, so that its
 * steps agree on the period; now when absent), and the Athena aggregation to read instead of the files, if any.
 */
export interface ScheduledRunRequest {
  at?: Date | undefined;
  aggregate?: readonly AthenaExecution[] | undefined;
}

/** Runs the `kind` report of the period before now, once per kind and period. */
export async function runScheduledReport(
  context: DeliveryContext,
  kind: ScheduledReportKind,
  request: ScheduledRunRequest = {},
): Promise<ScheduledOutcome> {
  const run = scheduledRun(context, kind, request.at ?? context.clock.now());
  const aggregate = request.aggregate ?? [];
  const outcome = await runOnce(context, run.claimKey, run.subject, (claim) =>
    aggregate.length > 0
      ? reportOnAggregate(context, claim, run, aggregate)
      : reportOnPeriod(context, claim, run),
  );
  return outcome.status === 'duplicate' ? { ...outcome, periodId: run.period.id } : outcome;
}

/** The `kind` run at `now`: the period before it, its claim and its name in logs and notices. */
export function scheduledRun(
  context: Pick<DeliveryContext, 'config'>,
  kind: ScheduledReportKind,
  now: Date,
): ScheduledRun {
  const { config } = context;
  const period = reportPeriod(kind, now, config.report.timeZone);
  const claimKey = scheduleClaimKey(config.prefixes, kind, period.id);
  return { kind, period, now, claimKey, subject: `the ${kind} report ${period.id}` };
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
  const { files, rule } = filesToAnalyse(context.config, found, newest);
  const { store, config } = context;
  const sourceName = filesName(store.bucket, files, run.period.id);
  const history = await previousRunOf(context, run);
  const analysed = await analyseOrTell(context, claim, run, history, {
    sources: files.map((file) => `s3://${store.bucket}/${file.key}`),
    rule,
    analyse: (segmentation) =>
      analyseWithinTime(context.clock, concatenatedCsv(store, files), {
        rule,
        sourceName,
        now: run.now,
        activity: activityWindows(run.period),
        trendWarnings: config.report.trendWarnings,
        segmentation,
      }),
  });
  if ('status' in analysed) return analysed;
  return deliverAnalysis(context, claim, { run, history }, analysed.result, files);
}

/**
 * The run on what Athena aggregated (issue 16): the result files of its queries, read as the engine's orders
 * (athena-analysis.ts), then the report as from the files.
 */
async function reportOnAggregate(
  context: DeliveryContext,
  claim: HeldClaim,
  run: ScheduledRun,
  executions: readonly AthenaExecution[],
): Promise<ScheduledOutcome> {
  const input = await athenaRunInput(context, run, executions);
  const history = await previousRunOf(context, run);
  const analysed = await analyseOrTell(context, claim, run, history, input);
  if ('status' in analysed) return analysed;
  return deliverAnalysis(context, claim, { run, history }, analysed.result, input.files);
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
 * The run's input through the engine, with the segmentation kept from the previous run until the next refit
 * (kept-segmentation.ts): the analysis, or, when it cannot be read (files are checked on upload; two files with
 * different headers fail only now; an aggregation without a usable line), the data team's notice.
 */
async function analyseOrTell(
  context: DeliveryContext,
  claim: HeldClaim,
  run: ScheduledRun,
  history: ReportHistory,
  input: Omit<RunInput, 'files'>,
): Promise<{ result: AnalysisResult } | ScheduledOutcome> {
  const { store, config } = context;
  const { rule } = input;
  try {
    const kept = await keptSegmentation(context, history, run.period.last);
    return { result: await analyseWithSegmentation(context.logger, kept, input.analyse) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const notice = rejectedFileNotice(
      config.report.locale,
      input.sources.join(', '),
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
