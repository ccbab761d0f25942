/**
 * The last steps of every successful run: archive the customers CSV, render the report, archive it with the
 * analysis, mark the claim `sending`, send the executives' email (the CSV attached when small, else linked).
 * Archiving comes before sending, so a failure there leaves nothing sent and the run can be retried.
 */
import type { AnalysisResult } from '../engine/analysis-types.ts';
import { formatCustomersCsv } from '../engine/export/customers-csv.ts';
import type { SegmentMigration } from '../engine/migration/segment-migration.ts';
import type { ReportKind } from '../report/locale/messages.ts';
import { renderReport } from '../report/render/render-report.ts';
import { ARCHIVE_FILES, archiveFolder } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { PreviousRun } from './report-history.ts';
import { EmailNotSentError } from './ports.ts';
import { finishRun } from './run-claims.ts';

export interface ReportDelivery {
  kind: ReportKind;
  periodId: string;
  result: AnalysisResult;
  previous: PreviousRun | null;
  migration?: SegmentMigration | undefined;
  /** Scheduled runs: the first and last day of the period reported on. */
  reportPeriod?: { first: string; last: string } | undefined;
  claim: { key: string; claimedAt: Date };
}

export interface DeliveredReport {
  messageId: string;
  subject: string;
  archive: string;
  attachedCustomers: boolean;
}

const DAY_SECONDS = 86_400;

export async function deliverReport(
  context: DeliveryContext,
  delivery: ReportDelivery,
): Promise<DeliveredReport> {
  const { store, mailer, config, logger } = context;
  const now = context.now();
  const folder = archiveFolder(config.prefixes, delivery.kind, delivery.periodId);
  const customersCsv = formatCustomersCsv(delivery.result.customers, delivery.result.analysis.input.shape);
  const customersKey = `${folder}${ARCHIVE_FILES.customers}`;
  await store.write(customersKey, customersCsv, 'text/csv; charset=utf-8');

  const attach = Buffer.byteLength(customersCsv) <= config.maxAttachmentBytes;
  const attachmentName = `customers-${delivery.kind}-${delivery.periodId}.csv`;
  const customerFile = attach
    ? { attachedAs: attachmentName }
    : await store.signedDownloadUrl(customersKey, config.linkExpiryDays * DAY_SECONDS);
  const report = await renderReport({
    analysis: delivery.result.analysis,
    previous: delivery.previous?.analysis,
    settings: config.report,
    kind: delivery.kind,
    now,
    customerFile,
    migration: delivery.migration,
    reportPeriod: delivery.reportPeriod,
  });
  await store.write(`${folder}${ARCHIVE_FILES.html}`, report.html, 'text/html; charset=utf-8');
  await store.write(`${folder}${ARCHIVE_FILES.text}`, report.text, 'text/plain; charset=utf-8');
  await store.write(
    `${folder}${ARCHIVE_FILES.analysis}`,
    `${JSON.stringify(delivery.result.analysis, null, 2)}\n`,
    'application/json',
  );
  if (delivery.migration) {
    await store.write(
      `${folder}${ARCHIVE_FILES.migration}`,
      JSON.stringify(delivery.migration),
      'application/json',
    );
  }

  await finishRun(store, delivery.claim.key, context.runId, delivery.claim.claimedAt, 'sending', now);
  let messageId: string;
  try {
    messageId = await mailer.send({
      from: config.sender,
      to: config.recipients.executives,
      subject: report.subject,
      html: report.html,
      text: report.text,
      attachments: attach
        ? [{ filename: attachmentName, content: customersCsv, contentType: 'text/csv' }]
        : [],
    });
  } catch (error) {
    // Refused for sure (throttled, invalid): release the claim so that Lambda's retry sends. Anything else (no
    // answer) leaves it `sending`: better one alarm than a duplicate email to every executive.
    if (error instanceof EmailNotSentError) {
      await finishRun(
        store,
        delivery.claim.key,
        context.runId,
        delivery.claim.claimedAt,
        'failed',
        context.now(),
      );
    }
    throw error;
  }
  await finishRun(
    store,
    delivery.claim.key,
    context.runId,
    delivery.claim.claimedAt,
    'sent',
    context.now(),
    messageId,
  );
  logger.info('report sent', {
    kind: delivery.kind,
    periodId: delivery.periodId,
    archive: folder,
    recipients: config.recipients.executives.length,
    htmlBytes: Buffer.byteLength(report.html),
    customersCsvBytes: Buffer.byteLength(customersCsv),
    attachedCustomers: attach,
    messageId,
  });
  return { messageId, subject: report.subject, archive: folder, attachedCustomers: attach };
}
