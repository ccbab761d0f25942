/**
 * The weekly report and the quarterly review: claim the period (once per kind and period), take the period's
 * data from the bucket (days in the configured time zone), compare with the previous run of the same kind
 * (deltas; for the quarterly review, how customers moved between segments), and send. A period without new
 * data gets a notice to the data team instead of old numbers to the executives.
 */
import { configurationAdvice, inputRuleFor } from '../config/input-rules.ts';
import { analyzeCsv } from '../engine/analyze-csv.ts';
import { segmentMigration } from '../engine/migration/segment-migration.ts';
import { RFM_SEGMENT_KEYS } from '../engine/rfm/rfm-segments.ts';
import { noNewDataNotice, rejectedFileNotice } from '../report/notices/data-team-notice.ts';
import { scheduleClaimKey, scheduleSeriesFolder } from './archive-layout.ts';
import { type DuplicateRun, runOnce } from './claimed-run.ts';
import { deliverReport } from './deliver-report.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { concatenatedCsv, filesOfPeriod } from './period-input.ts';
import { currentSegments, findPreviousRun, readArchivedSegments } from './report-history.ts';
import { type ScheduleKind, reportPeriod } from './report-period.ts';
import { tellDataTeam } from './tell-data-team.ts';
import { readingTimeBudget } from './time-budget.ts';
import { InputError } from '../errors/input-errors.ts';

export type ScheduledOutcome =
  | (DuplicateRun & { periodId: string })
  | { status: 'no-new-data'; periodId: string; messageId: string }
  | { status: 'failed-input'; periodId: string; messageId: string }
  | { status: 'sent'; periodId: string; messageId: string; archive: string; files: string[] };

export async function runScheduledReport(
  context: DeliveryContext,
  kind: ScheduleKind,
): Promise<ScheduledOutcome> {
  const { store, config, logger } = context;
  const now = context.clock.now();
  const period = reportPeriod(kind, now, config.report.timeZone);
  const claimKey = scheduleClaimKey(config.prefixes, kind, period.id);
  const subject = `the ${kind} report ${period.id}`;
  const outcome = await runOnce(context, claimKey, subject, async (claim): Promise<ScheduledOutcome> => {
    const { inPeriod, newestEver } = await filesOfPeriod(store, config, period);
    const newest = inPeriod.at(-1);
    if (newest === undefined) {
      const messageId = await tellDataTeam(
        context,
        noNewDataNotice(
          config.report.locale,
          kind,
          `${period.id} (${period.start} – ${period.last})`,
          `s3://${store.bucket}/${config.prefixes.incoming}`,
          newestEver ? `s3://${store.bucket}/${newestEver.key}` : null,
        ),
      );
      await claim.finish('skipped', 'no new data');
      logger.warn('no new data for the period', { kind, periodId: period.id });
      return { status: 'no-new-data', periodId: period.id, messageId };
    }
    // The newest file's reading rule applies; with `period`, the files read as one must share it.
    const rule = inputRuleFor(config, newest.key);
    const files =
      config.scheduleSource === 'newest'
        ? [newest]
        : inPeriod.filter((file) => inputRuleFor(config, file.key).prefix === rule.prefix);
    let result;
    try {
      const sourceName =
        files.length === 1 ? `s3://${store.bucket}/${newest.key}` : `${files.length} files of ${period.id}`;
      result = await analyzeCsv(concatenatedCsv(store, files), {
        ...rule.options,
        sourceName,
        now,
        onProgress: readingTimeBudget(context.clock, sourceName),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Files are checked on upload; one that fails now (two files with different headers) is the data team's.
      const messageId = await tellDataTeam(
        context,
        rejectedFileNotice(
          config.report.locale,
          files.map((file) => `s3://${store.bucket}/${file.key}`).join(', '),
          error.message,
          `s3://${store.bucket}/${claimKey}`,
          configurationAdvice(error, rule),
        ),
      );
      await claim.finish('rejected', error.message);
      return { status: 'failed-input', periodId: period.id, messageId };
    }
    const run = { seriesFolder: scheduleSeriesFolder(config.prefixes, kind), runName: period.id };
    const history = await findPreviousRun(store, run.seriesFolder, run.runName, logger);
    const previousSegments =
      kind === 'quarterly' && history.previous
        ? await readArchivedSegments(store, history.previous.folder, logger)
        : null;
    const migration = previousSegments
      ? segmentMigration(previousSegments, currentSegments(result.customers), RFM_SEGMENT_KEYS)
      : undefined;
    const delivered = await deliverReport(context, claim, {
      kind,
      run,
      result,
      history,
      migration,
      reportPeriod: { first: period.start, last: period.last },
      subject,
    });
    return {
      status: 'sent',
      periodId: period.id,
      messageId: delivered.messageId,
      archive: delivered.archive,
      files: files.map((file) => file.key),
    };
  });
  return outcome.status === 'duplicate' ? { ...outcome, periodId: period.id } : outcome;
}
