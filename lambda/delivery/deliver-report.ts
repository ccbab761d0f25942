/**
 * The last steps of every successful run: archive the customers CSV, render the report, archive it with the
 * analysis and the customers' segments, then send the executives' email once (the CSV attached when small, else
 * linked). Archiving comes before sending, so a failure there leaves nothing sent and the run can be retried.
 */
import type { AnalysisResult } from '../engine/analysis-types.ts';
import { formatCustomersCsv } from '../engine/export/customers-csv.ts';
import type { SegmentMigration } from '../engine/migration/segment-migration.ts';
import type { ReportKind } from '../report/locale/messages.ts';
import { renderReport } from '../report/render/render-report.ts';
import { ARCHIVE_FILES, type ArchiveRun, archiveFolder } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { type ReportHistory, formatSegmentsFile } from './report-history.ts';
import type { HeldClaim } from './run-claim.ts';
import { sendOnce } from './send-once.ts';

export interface ReportDelivery {
  kind: ReportKind;
  run: ArchiveRun;
  result: AnalysisResult;
  history: ReportHistory;
  migration?: SegmentMigration | undefined;
  /** Scheduled runs: the first and last day of the period reported on. */
  reportPeriod?: { first: string; last: string } | undefined;
  /** Names the report in logs and in the data team's notices. */
  subject: string;
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
  claim: HeldClaim,
  delivery: ReportDelivery,
): Promise<DeliveredReport> {
  const { store, config, logger } = context;
  const now = context.clock.now();
  const folder = archiveFolder(delivery.run);
  const { analysis, customers } = delivery.result;
  const customersCsv = formatCustomersCsv(customers, analysis.input.shape);
  const customersKey = `${folder}${ARCHIVE_FILES.customers}`;
  await store.write(customersKey, customersCsv, 'text/csv; charset=utf-8');

  const attach = Buffer.byteLength(customersCsv) <= config.maxAttachmentBytes;
  const attachmentName = `customers-${delivery.kind}-${delivery.run.runName}.csv`;
  const customerFile = attach
    ? { attachedAs: attachmentName }
    : await store.signedDownloadUrl(customersKey, config.linkExpiryDays * DAY_SECONDS);
  const report = await renderReport({
    analysis,
    previous: delivery.history.previous?.analysis,
    skippedHistory: delivery.history.skipped.map(({ runName, problem }) => ({ report: runName, problem })),
    settings: config.report,
    kind: delivery.kind,
    now,
    customerFile,
    migration: delivery.migration,
    reportPeriod: delivery.reportPeriod,
  });
  await store.write(`${folder}${ARCHIVE_FILES.html}`, report.html, 'text/html; charset=utf-8');
  await store.write(`${folder}${ARCHIVE_FILES.text}`, report.text, 'text/plain; charset=utf-8');
  await store.write(`${folder}${ARCHIVE_FILES.segments}`, formatSegmentsFile(customers), 'application/json');
  if (delivery.migration) {
    await store.write(
      `${folder}${ARCHIVE_FILES.migration}`,
      JSON.stringify(delivery.migration),
      'application/json',
    );
  }
  // Written last: a run folder with an analysis is a complete one, the only kind a later run compares with.
  await store.write(
    `${folder}${ARCHIVE_FILES.analysis}`,
    `${JSON.stringify(analysis, null, 2)}\n`,
    'application/json',
  );

  const messageId = await sendOnce(
    context,
    claim,
    {
      from: config.sender,
      to: config.recipients.executives,
      subject: report.subject,
      html: report.html,
      text: report.text,
      attachments: attach
        ? [{ filename: attachmentName, content: customersCsv, contentType: 'text/csv' }]
        : [],
      date: now,
    },
    delivery.subject,
  );
  logger.info('report sent', {
    kind: delivery.kind,
    archive: folder,
    recipients: config.recipients.executives.length,
    htmlBytes: Buffer.byteLength(report.html),
    customersCsvBytes: Buffer.byteLength(customersCsv),
    attachedCustomers: attach,
    messageId,
  });
  return { messageId, subject: report.subject, archive: folder, attachedCustomers: attach };
}
