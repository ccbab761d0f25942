/**
 * The weekly report and the quarterly review: claim the period (once per kind and period), take the period's
 * data from the bucket, compare with the previous run of the same kind (deltas; for the quarterly review, how
 * customers moved between segments), and send. A period without new data gets a notice to the data team
 * instead of old numbers to the executives.
 */
import { analyzeCsv } from '../engine/analyze-csv.ts';
import { InputError } from '../engine/errors.ts';
import { segmentMigration } from '../engine/migration/segment-migration.ts';
import { RFM_SEGMENT_KEYS } from '../engine/rfm/rfm-segments.ts';
import { noNewDataNotice, rejectedFileNotice } from '../report/notices/data-team-notice.ts';
import { scheduleClaimKey } from './archive-layout.ts';
import { deliverReport } from './deliver-report.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { concatenatedCsv, filesOfPeriod } from './period-input.ts';
import { currentSegments, findPreviousRun, readArchivedSegments } from './report-history.ts';
import { type ScheduleKind, reportPeriod } from './report-period.ts';
import { claimRun, finishRun, releaseClaim } from './run-claims.ts';

export type ScheduledOutcome =
  | { status: 'duplicate'; periodId: string; state: string }
  | { status: 'no-new-data'; periodId: string; messageId: string }
  | { status: 'failed-input'; periodId: string; messageId: string }
  | { status: 'sent'; periodId: string; messageId: string; archive: string; files: string[] };

export async function runScheduledReport(
  context: DeliveryContext,
  kind: ScheduleKind,
): Promise<ScheduledOutcome> {
  const { store, config, logger, mailer } = context;
  const claimedAt = context.now();
  const period = reportPeriod(kind, claimedAt, config.report.timeZone);
  const claimKey = scheduleClaimKey(config.prefixes, kind, period.id);
  const claim = await claimRun(store, claimKey, context.runId, claimedAt, config.claimLeaseSeconds);
  if (claim.kind !== 'claimed') {
    logger.info('scheduled run already claimed', { kind, periodId: period.id, state: claim.claim.state });
    return { status: 'duplicate', periodId: period.id, state: claim.claim.state };
  }
  try {
    const { inPeriod, newestEver } = await filesOfPeriod(store, config.prefixes, period);
    if (inPeriod.length === 0) {
      const notice = noNewDataNotice(
        config.report.locale,
        kind,
        `${period.id} (${period.start} – ${period.end})`,
        `s3://${store.bucket}/${config.prefixes.incoming}`,
        newestEver ? `s3://${store.bucket}/${newestEver.key}` : null,
      );
      const messageId = await mailer.send({
        from: config.sender,
        to: config.recipients.dataTeam,
        ...notice,
        attachments: [],
      });
      await finishRun(store, claimKey, context.runId, claimedAt, 'skipped', context.now(), 'no new data');
      logger.warn('no new data for the period', { kind, periodId: period.id });
      return { status: 'no-new-data', periodId: period.id, messageId };
    }
    const files =
      config.scheduleSource === 'newest' ? [inPeriod.at(-1)?.key ?? ''] : inPeriod.map((file) => file.key);
    let result;
    try {
      result = await analyzeCsv(concatenatedCsv(store, files), {
        sourceName:
          files.length === 1 ? `s3://${store.bucket}/${files[0]}` : `${files.length} files of ${period.id}`,
        now: claimedAt,
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Files are checked on upload; one that fails now (two files with different headers) is the data team's.
      const notice = rejectedFileNotice(
        config.report.locale,
        files.map((key) => `s3://${store.bucket}/${key}`).join(', '),
        error.message,
        `s3://${store.bucket}/${claimKey}`,
      );
      const messageId = await mailer.send({
        from: config.sender,
        to: config.recipients.dataTeam,
        ...notice,
        attachments: [],
      });
      await finishRun(store, claimKey, context.runId, claimedAt, 'rejected', context.now(), error.message);
      return { status: 'failed-input', periodId: period.id, messageId };
    }
    const previous = await findPreviousRun(store, config.prefixes, kind, period.id, logger);
    const migration =
      kind === 'quarterly' && previous
        ? segmentMigration(
            await readArchivedSegments(store, config.prefixes, kind, previous.periodId),
            currentSegments(result.customers),
            RFM_SEGMENT_KEYS,
          )
        : undefined;
    const delivered = await deliverReport(context, {
      kind,
      periodId: period.id,
      result,
      previous,
      migration,
      reportPeriod: { first: period.start, last: period.last },
      claim: { key: claimKey, claimedAt },
    });
    return {
      status: 'sent',
      periodId: period.id,
      messageId: delivered.messageId,
      archive: delivered.archive,
      files,
    };
  } catch (error) {
    await releaseClaim(store, claimKey, context.runId, claimedAt, context.now(), logger);
    throw error;
  }
}
