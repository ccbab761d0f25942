/**
 * Bad input: the original object stays where it is (nothing lost), a JSON error report goes to `rejected/`,
 * tied to the object's content (ETag) so that a corrected upload under the same key counts again, the data team
 * gets a short notice with the reason and the setting that would fix it, and the executives get nothing; the
 * run's claim ends `rejected`.
 */
import { rejectedFileNotice } from '../report/notices/data-team-notice.ts';
import { rejectionReportKey } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { HeldClaim } from './held-claim.ts';
import { endWithNotice } from './tell-data-team.ts';
import { type InputError } from '../errors/input-errors.ts';

export interface RejectedInput {
  key: string;
  errorReport: string;
  messageId: string;
}

/** Rejects the input under `claim`: the error report, the notice, and the claim closed as `rejected`. */
export async function rejectInput(
  context: DeliveryContext,
  claim: HeldClaim,
  input: { key: string; etag: string; versionId?: string | undefined },
  reading: { options: Readonly<Record<string, unknown>>; advice: string | undefined },
  error: InputError,
): Promise<RejectedInput> {
  const { store, config, logger } = context;
  const { advice } = reading;
  const reportKey = rejectionReportKey(config.prefixes, input.key, input.etag, reading.options);
  const location = `s3://${store.bucket}/${input.key}`;
  await store.write(
    reportKey,
    `${JSON.stringify(
      {
        input: location,
        etag: input.etag,
        versionId: input.versionId ?? null,
        error: error.name,
        message: error.message,
        readingOptions: reading.options,
        advice: advice ?? null,
        rejectedAt: context.clock.now().toISOString(),
        runId: context.runId,
      },
      null,
      2,
    )}\n`,
    'application/json',
  );
  const notice = rejectedFileNotice(
    config.report.locale,
    location,
    error.message,
    `s3://${store.bucket}/${reportKey}`,
    advice,
  );
  const messageId = await endWithNotice(context, claim, notice, { state: 'rejected', detail: reportKey });
  logger.warn('input rejected', { input: location, error: error.name, errorReport: reportKey, messageId });
  return { key: input.key, errorReport: reportKey, messageId };
}
