/**
 * An object dropped under `incoming/`: claim the run (once per bucket, key and version), then either tell the
 * data team it is not a CSV, or that it is left to the scheduled runs on Athena (over the warehouse's size), or stream that exact version into the engine with the options of its prefix and
 * deliver the report, compared with the previous report of the same source; or reject the input and tell the
 * data team; or, when the object is gone before it could be read, tell them that.
 */
import { type InputRule, configurationAdvice, inputRuleFor } from '../config/input-rules.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { ObjectNotFoundError } from '../errors/delivery-errors.ts';
import { InputError } from '../errors/input-errors.ts';
import { missingFileNotice, notCsvNotice, toAthenaNotice } from '../report/notices/data-team-notice.ts';
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
import type { HeldClaim } from './held-claim.ts';
import { rejectInput } from './reject-input.ts';
import { findPreviousRun } from './report-history.ts';
import { endWithNotice } from './tell-data-team.ts';
import { analyseWithinTime } from './time-budget.ts';
import { isLeftToAthena } from './warehouse-source.ts';

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
  /** Over the warehouse's size: no report of its own, the scheduled runs aggregate it with Athena. */
  | { status: 'left-to-athena'; messageId: string }
  | { status: 'rejected'; errorReport: string }
  | { status: 'sent'; messageId: string; archive: string }
  /** Held for the data team by the plausibility review: `messageId` is their notice's, `run` names it. */
  | { status: 'held'; messageId: string; archive: string; run: string; expiresAt: string };

/** One upload run: the object, the version read, its `s3://` location, its reading rule and its moment. */
interface UploadRun {
  object: UploadedObject;
  /** The version id, or the ETag when the bucket is not versioned. */
  version: string;
  location: string;
  rule: InputRule;
  now: Date;
}

/** Runs the upload report of `object`, once per version of it. */
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
      const notice = notCsvNotice(config.report.locale, location, config.prefixes.incoming);
      const messageId = await endWithNotice(context, claim, notice, {
        state: 'rejected',
        detail: 'not a CSV file',
      });
      return { status: 'not-csv', messageId };
    }
    if (isLeftToAthena(config, object)) {
      const { overBytes } = config.warehouse ?? { overBytes: 0 };
      const notice = toAthenaNotice(config.report.locale, location, object.size ?? 0, overBytes);
      const messageId = await endWithNotice(context, claim, notice, {
        state: 'skipped',
        detail: 'over the warehouse size: the scheduled runs aggregate it with Athena',
      });
      return { status: 'left-to-athena', messageId };
    }
    const run = {
      object,
      version,
      location,
      rule: inputRuleFor(config, object.key),
      now: context.clock.now(),
    };
    const analysed = await analyseUpload(context, claim, run);
    return 'status' in analysed ? analysed : deliverUpload(context, claim, run, analysed.result);
  });
}

/**
 * Streams the object's version into the engine with the options of its prefix: the analysis, or the outcome of
 * a run that ends here (the object gone, or its input rejected with a notice to the data team).
 */
async function analyseUpload(
  context: DeliveryContext,
  claim: HeldClaim,
  { object, location, rule, now }: UploadRun,
): Promise<{ result: AnalysisResult } | UploadOutcome> {
  const started = Date.now();
  let result: AnalysisResult;
  try {
    const bytes = await context.store.readStream(object.key, {
      versionId: object.versionId,
      etag: object.etag,
    });
    result = await analyseWithinTime(context.clock, bytes, {
      rule,
      sourceName: location,
      now,
      trendWarnings: context.config.report.trendWarnings,
    });
  } catch (error) {
    if (error instanceof ObjectNotFoundError) {
      const notice = missingFileNotice(context.config.report.locale, location);
      const messageId = await endWithNotice(context, claim, notice, {
        state: 'skipped',
        detail: error.message,
      });
      return { status: 'missing', messageId };
    }
    if (!(error instanceof InputError)) throw error;
    const reading = { options: rule.options, advice: configurationAdvice(error, rule) };
    const rejected = await rejectInput(context, claim, object, reading, error);
    return { status: 'rejected', errorReport: rejected.errorReport };
  }
  logAnalysis(context, object, result, Date.now() - started);
  return { result };
}

/** One log line of what the engine made of the input: counts and timing, never customer data. */
function logAnalysis(
  context: DeliveryContext,
  object: UploadedObject,
  { analysis }: AnalysisResult,
  analysisMs: number,
): void {
  context.logger.info('input analysed', {
    key: object.key,
    bytes: object.size,
    rowsRead: analysis.input.rowsRead,
    rowsUsed: analysis.input.rowsUsed,
    rowsRejected: analysis.input.rowsRejected,
    customers: analysis.kpis.customers,
    clusters: analysis.clusters.k,
    analysisMs,
  });
}

/** Archives and sends (or holds) the report of the upload, compared with the previous run of the same source. */
async function deliverUpload(
  context: DeliveryContext,
  claim: HeldClaim,
  { object, version, location, rule, now }: UploadRun,
  result: AnalysisResult,
): Promise<UploadOutcome> {
  const { store, config, logger } = context;
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
  return delivered.status === 'held'
    ? {
        status: 'held',
        messageId: delivered.messageId,
        archive: delivered.archive,
        run: delivered.runName,
        expiresAt: delivered.expiresAt,
      }
    : { status: 'sent', messageId: delivered.messageId, archive: delivered.archive };
}
