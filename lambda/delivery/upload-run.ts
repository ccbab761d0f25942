/**
 * A file dropped under `incoming/`: claim the run (once per bucket, key and version), stream the object into
 * the engine, then deliver the report, or reject the input and tell the data team.
 */
import { analyzeCsv } from '../engine/analyze-csv.ts';
import { InputError } from '../engine/errors.ts';
import { isInputKey, uploadClaimKey, uploadPeriodId } from './archive-layout.ts';
import { deliverReport } from './deliver-report.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { rejectInput } from './reject-input.ts';
import { findPreviousRun } from './report-history.ts';
import { claimRun, finishRun, releaseClaim } from './run-claims.ts';

export interface UploadedObject {
  key: string;
  /** The version id when the bucket is versioned, else the ETag: together with the key, what identifies it. */
  version: string | undefined;
  size?: number | undefined;
}

export type UploadOutcome =
  | { status: 'ignored'; reason: string }
  | { status: 'duplicate'; state: string }
  | { status: 'rejected'; errorReport: string }
  | { status: 'sent'; messageId: string; archive: string };

export async function runUploadReport(
  context: DeliveryContext,
  object: UploadedObject,
): Promise<UploadOutcome> {
  const { store, config, logger } = context;
  if (!isInputKey(config.prefixes, object.key)) {
    logger.info('object ignored', { key: object.key });
    return { status: 'ignored', reason: `not a .csv or .csv.gz under ${config.prefixes.incoming}` };
  }
  const claimKey = uploadClaimKey(config.prefixes, store.bucket, object.key, object.version ?? '');
  const claimedAt = context.now();
  const claim = await claimRun(store, claimKey, context.runId, claimedAt, config.claimLeaseSeconds);
  if (claim.kind !== 'claimed') {
    logger.info('duplicate event: run already claimed', {
      key: object.key,
      state: claim.claim.state,
      claimKey,
    });
    return { status: 'duplicate', state: claim.claim.state };
  }
  const started = Date.now();
  try {
    let result;
    try {
      result = await analyzeCsv(await store.readStream(object.key), {
        sourceName: `s3://${store.bucket}/${object.key}`,
        now: claimedAt,
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const rejected = await rejectInput(context, object, error);
      await finishRun(
        store,
        claimKey,
        context.runId,
        claimedAt,
        'rejected',
        context.now(),
        rejected.errorReport,
      );
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
    const periodId = uploadPeriodId(claimedAt, object.key);
    const previous = await findPreviousRun(store, config.prefixes, 'upload', periodId, logger);
    const delivered = await deliverReport(context, {
      kind: 'upload',
      periodId,
      result,
      previous,
      claim: { key: claimKey, claimedAt },
    });
    return { status: 'sent', messageId: delivered.messageId, archive: delivered.archive };
  } catch (error) {
    await releaseClaim(store, claimKey, context.runId, claimedAt, context.now(), logger);
    throw error;
  }
}
