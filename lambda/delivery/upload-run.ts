/**
 * An object dropped under `incoming/`: claim the run (once per bucket, key and version), then either tell the
 * data team it is not a CSV, or stream that exact version into the engine with the options of its prefix and
 * deliver the report, compared with the previous report of the same source; or reject the input and tell the
 * data team; or, when the object is gone before it could be read, tell them that.
 */
import { configurationAdvice, inputRuleFor } from '../config/input-rules.ts';
import { analyzeCsv } from '../engine/analyze-csv.ts';
import { missingFileNotice, notCsvNotice } from '../report/notices/data-team-notice.ts';
import {
  isCsvKey,
  isIncomingObject,
  uploadClaimKey,
  uploadRunName,
  uploadSeriesFolder,
} from './archive-layout.ts';
import { type DuplicateRun, runOnce } from './claimed-run.ts';
import { deliverReport } from './deliver-report.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { rejectInput } from './reject-input.ts';
import { findPreviousRun } from './report-history.ts';
import { tellDataTeam } from './tell-data-team.ts';
import { readingTimeBudget } from './time-budget.ts';
import { InputError } from '../errors/input-errors.ts';
import { ObjectNotFoundError } from '../errors/delivery-errors.ts';

export interface UploadedObject {
  key: string;
  /** The ETag of the object the event is about (without quotes): its content. */
  etag: string;
  /** The version id when the bucket is versioned. */
  versionId?: string | undefined;
  size?: number | undefined;
  /** When S3 says the object was created: names the run's archive folder the same for every retry. */
  eventTime?: Date | undefined;
}

export type UploadOutcome =
  | { status: 'ignored'; reason: string }
  | DuplicateRun
  | { status: 'not-csv'; messageId: string }
  | { status: 'missing'; messageId: string }
  | { status: 'rejected'; errorReport: string }
  | { status: 'sent'; messageId: string; archive: string };

export async function runUploadReport(
  context: DeliveryContext,
  object: UploadedObject,
): Promise<UploadOutcome> {
  const { store, config, logger } = context;
  if (!isIncomingObject(config.prefixes, object.key)) {
    logger.info('object ignored', { key: object.key });
    return { status: 'ignored', reason: `not an object under ${config.prefixes.incoming}` };
  }
  const version = object.versionId ?? object.etag;
  const claimKey = uploadClaimKey(config.prefixes, store.bucket, object.key, version);
  const location = `s3://${store.bucket}/${object.key}`;
  return runOnce(context, claimKey, location, async (claim) => {
    if (!isCsvKey(object.key)) {
      const messageId = await tellDataTeam(
        context,
        notCsvNotice(config.report.locale, location, config.prefixes.incoming),
      );
      await claim.finish('rejected', 'not a CSV file');
      return { status: 'not-csv', messageId };
    }
    const rule = inputRuleFor(config, object.key);
    const now = context.clock.now();
    const started = Date.now();
    let result;
    try {
      const bytes = await store.readStream(object.key, { versionId: object.versionId, etag: object.etag });
      result = await analyzeCsv(bytes, {
        ...rule.options,
        sourceName: location,
        now,
        onProgress: readingTimeBudget(context.clock, location),
      });
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        const messageId = await tellDataTeam(context, missingFileNotice(config.report.locale, location));
        await claim.finish('skipped', error.message);
        return { status: 'missing', messageId };
      }
      if (!(error instanceof InputError)) throw error;
      const reading = { options: rule.options, advice: configurationAdvice(error, rule) };
      const rejected = await rejectInput(context, object, reading, error);
      await claim.finish('rejected', rejected.errorReport);
      return { status: 'rejected', errorReport: rejected.errorReport };
    }
    logger.info('input analysed', {
      key: object.key,
      bytes: object.size,
      rowsRead: result.analysis.input.rowsRead,
      rowsUsed: result.analysis.input.rowsUsed,
      rowsRejected: result.analysis.input.rowsRejected,
      customers: result.analysis.kpis.customers,
      clusters: result.analysis.clusters.k,
      analysisMs: Date.now() - started,
    });
    const run = {
      seriesFolder: uploadSeriesFolder(config.prefixes, object.key, rule.dataset),
      runName: uploadRunName(object.eventTime ?? now, store.bucket, object.key, version),
    };
    const history = await findPreviousRun(store, run.seriesFolder, run.runName, logger);
    const delivered = await deliverReport(context, claim, {
      kind: 'upload',
      run,
      result,
      history,
      subject: location,
    });
    return { status: 'sent', messageId: delivered.messageId, archive: delivered.archive };
  });
}
