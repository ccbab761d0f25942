/**
 * Bad input: the original object stays where it is (nothing lost), a JSON error report goes to `rejected/`,
 * the data team gets a short notice with the reason, and the executives get nothing.
 */
import type { InputError } from '../engine/errors.ts';
import { rejectedFileNotice } from '../report/notices/data-team-notice.ts';
import { rejectionReportKey } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';

export interface RejectedInput {
  key: string;
  errorReport: string;
  messageId: string;
}

export async function rejectInput(
  context: DeliveryContext,
  input: { key: string; version: string | undefined },
  error: InputError,
): Promise<RejectedInput> {
  const { store, mailer, config, logger } = context;
  const reportKey = rejectionReportKey(config.prefixes, input.key);
  const location = `s3://${store.bucket}/${input.key}`;
  await store.write(
    reportKey,
    `${JSON.stringify(
      {
        input: location,
        version: input.version ?? null,
        error: error.name,
        message: error.message,
        rejectedAt: context.now().toISOString(),
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
  );
  const messageId = await mailer.send({
    from: config.sender,
    to: config.recipients.dataTeam,
    subject: notice.subject,
    html: notice.html,
    text: notice.text,
    attachments: [],
  });
  logger.warn('input rejected', { input: location, error: error.name, errorReport: reportKey, messageId });
  return { key: input.key, errorReport: reportKey, messageId };
}
