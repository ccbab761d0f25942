/**
 * The last steps of every successful run: archive the customers CSV, render the report, archive it with the
 * analysis and the customers' segments, then send the executives' email once (the CSV attached when small, else
 * linked). Archiving comes before sending, so a failure there leaves nothing sent and the run can be retried.
 */
import type { Analysis, AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { formatCustomersCsv } from '../engine/export/customers-csv.ts';
import type { SegmentMigration } from '../engine/migration/segment-migration.ts';
import type { PeriodDays } from '../vocabulary/period-days.ts';
import type { ReportKind } from '../vocabulary/report-kind.ts';
import { type RenderedReport, renderReport } from '../report/render/render-report.ts';
import type { ReportInput } from '../report/view-model/report-context.ts';
import { ARCHIVE_FILES, type ArchiveRun, archiveFolder } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { EmailAttachment, ObjectStore } from './ports.ts';
import { type ReportHistory, formatSegmentsFile } from './report-history.ts';
import type { HeldClaim } from './held-claim.ts';
import { senderOf } from './email-sender.ts';
import { sendOnce } from './send-once.ts';

export interface ReportDelivery {
  kind: ReportKind;
  run: ArchiveRun;
  result: AnalysisResult;
  /**
   * What the report is built from when it is not `result.analysis`, the one archived (a scheduled run's trends
   * continued by earlier runs, continued-trends.ts).
   */
  reportAnalysis?: Analysis | undefined;
  history: ReportHistory;
  migration?: SegmentMigration | undefined;
  /** Scheduled runs: the first and last day of the period reported on. */
  reportPeriod?: PeriodDays | undefined;
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

/** The customers CSV of a run as the email carries it: attached when small enough, else a link to the archive. */
interface CustomersFile {
  csv: string;
  attachment: EmailAttachment | undefined;
  customerFile: NonNullable<ReportInput['customerFile']>;
}

/** Archives, renders and sends the report of a run under its claim; returns what was sent and where it lies. */
export async function deliverReport(
  context: DeliveryContext,
  claim: HeldClaim,
  delivery: ReportDelivery,
): Promise<DeliveredReport> {
  const { config, logger } = context;
  const now = context.clock.now();
  const folder = archiveFolder(delivery.run);
  const { analysis } = delivery.result;
  const customers = await archiveCustomers(context, delivery, folder);
  const report = await renderReport(
    {
      analysis: delivery.reportAnalysis ?? analysis,
      previous: delivery.history.previous?.analysis,
      skippedHistory: delivery.history.skipped.map(({ runName, problem }) => ({ report: runName, problem })),
      settings: config.report,
      kind: delivery.kind,
      now,
      customerFile: customers.customerFile,
      migration: delivery.migration,
      reportPeriod: delivery.reportPeriod,
    },
    { chartAssets: context.chartAssets },
  );
  await archiveReport(context.store, folder, delivery, report);
  const email = {
    ...senderOf(config),
    to: config.recipients.executives,
    subject: report.subject,
    html: report.html,
    text: report.text,
    attachments: customers.attachment ? [customers.attachment] : [],
    inlineImages: report.images.map(({ cid, filename, contentType, content }) => ({
      cid,
      filename,
      contentType,
      content,
    })),
    date: now,
  };
  const messageId = await sendOnce(context, claim, email, delivery.subject);
  logger.info('report sent', {
    kind: delivery.kind,
    archive: folder,
    recipients: config.recipients.executives.length,
    htmlBytes: Buffer.byteLength(report.html),
    imageBytes: report.images.reduce((sum, image) => sum + image.content.byteLength, 0),
    customersCsvBytes: Buffer.byteLength(customers.csv),
    attachedCustomers: customers.attachment !== undefined,
    messageId,
  });
  return {
    messageId,
    subject: report.subject,
    archive: folder,
    attachedCustomers: customers.attachment !== undefined,
  };
}

/** Writes the customers CSV to the run's folder; attached up to the configured size, else linked. */
async function archiveCustomers(
  { store, config }: DeliveryContext,
  delivery: ReportDelivery,
  folder: string,
): Promise<CustomersFile> {
  const { analysis, customers } = delivery.result;
  const csv = formatCustomersCsv(customers, analysis.input.shape);
  const key = `${folder}${ARCHIVE_FILES.customers}`;
  await store.write(key, csv, 'text/csv; charset=utf-8');
  if (Buffer.byteLength(csv) > config.maxAttachmentBytes) {
    return {
      csv,
      attachment: undefined,
      customerFile: await store.signedDownloadUrl(key, config.linkExpiryDays * DAY_SECONDS),
    };
  }
  const filename = `customers-${delivery.kind}-${delivery.run.runName}.csv`;
  return {
    csv,
    attachment: { filename, content: csv, contentType: 'text/csv' },
    customerFile: { attachedAs: filename },
  };
}

/** Writes the report, the segments, the migration and, last, the analysis to the run's folder. */
async function archiveReport(
  store: ObjectStore,
  folder: string,
  delivery: ReportDelivery,
  report: Pick<RenderedReport, 'html' | 'text' | 'images'>,
): Promise<void> {
  const { analysis, customers } = delivery.result;
  await store.write(`${folder}${ARCHIVE_FILES.html}`, report.html, 'text/html; charset=utf-8');
  for (const image of report.images) {
    await store.write(`${folder}${ARCHIVE_FILES.charts}${image.filename}`, image.content, image.contentType);
  }
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
}
