/**
 * The last steps of every successful run: review its plausibility, archive the customers CSV, render the report,
 * archive it with the analysis and the customers' segments, then send the executives' email once (the CSV attached
 * when small, else linked), or hold it for the data team (hold-report.ts). Archiving comes before sending, so a
 * failure there leaves nothing sent and the run can be retried.
 */
import type { Analysis, AnalysisResult } from '../engine/analysis/analysis-types.ts';
import type { SegmentMigration } from '../engine/migration/segment-migration.ts';
import type { PeriodDays } from '../vocabulary/period-days.ts';
import type { ReportKind } from '../vocabulary/report-kind.ts';
import { type RenderedReport, renderReport } from '../report/render/render-report.ts';
import { ARCHIVE_FILES, type ArchiveRun, archiveFolder } from './archive-layout.ts';
import { type CustomersFile, archiveCustomers, archiveReport } from './run-archive.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { ReportHistory } from './report-history.ts';
import type { HeldClaim } from './held-claim.ts';
import { executiveEmail } from './executive-email.ts';
import { type HeldOutcome, holdReport } from './hold-report.ts';
import type { HoldRecord } from './hold-record.ts';
import { reviewPlausibility } from './plausibility-review.ts';
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

export type DeliveryOutcome =
  | { status: 'sent'; messageId: string; subject: string; archive: string; attachedCustomers: boolean }
  | ({ status: 'held' } & HeldOutcome);

/**
 * Reviews, archives and renders the report of a run under its claim, then sends it, or holds it for the data team
 * when the plausibility review says so; returns what was done and where the run lies.
 */
export async function deliverReport(
  context: DeliveryContext,
  claim: HeldClaim,
  delivery: ReportDelivery,
): Promise<DeliveryOutcome> {
  const { config } = context;
  const now = context.clock.now();
  const folder = archiveFolder(delivery.run);
  const { analysis } = delivery.result;
  const review = await reviewPlausibility(context, {
    kind: delivery.kind,
    analysis,
    history: delivery.history,
    seriesFolder: delivery.run.seriesFolder,
    runName: delivery.run.runName,
    reportPeriod: delivery.reportPeriod,
  });
  const customers = await archiveCustomers(context, delivery, folder);
  const report = await renderRunReport(context, delivery, customers.customerFile, now);
  const analysisFile = review.hold ? ARCHIVE_FILES.heldAnalysis : ARCHIVE_FILES.analysis;
  await archiveReport(context.store, folder, delivery, report, analysisFile);
  if (review.hold) {
    const held = await holdReport(context, claim, {
      kind: delivery.kind,
      runName: delivery.run.runName,
      folder,
      subject: delivery.subject,
      analysis,
      review,
      report,
      customers: heldCustomers(customers.customerFile),
    });
    return { status: 'held', ...held };
  }
  const email = executiveEmail(config, {
    subject: report.subject,
    html: report.html,
    text: report.text,
    attachment: customers.attachment,
    images: report.images,
    date: now,
  });
  const messageId = await sendOnce(context, claim, email, delivery.subject);
  logSent(context, folder, { kind: delivery.kind, report, customers, messageId });
  return {
    status: 'sent',
    messageId,
    subject: report.subject,
    archive: folder,
    attachedCustomers: customers.attachment !== undefined,
  };
}

/** One log line of what was sent: sizes and counts, never customer data. */
function logSent(
  { config, logger }: DeliveryContext,
  folder: string,
  {
    kind,
    report,
    customers,
    messageId,
  }: { kind: ReportKind; report: RenderedReport; customers: CustomersFile; messageId: string },
): void {
  logger.info('report sent', {
    kind,
    archive: folder,
    recipients: config.recipients.executives.length,
    htmlBytes: Buffer.byteLength(report.html),
    imageBytes: report.images.reduce((sum, image) => sum + image.content.byteLength, 0),
    customersCsvBytes: Buffer.byteLength(customers.csv),
    attachedCustomers: customers.attachment !== undefined,
    messageId,
  });
}

/** The report of the run, rendered as the executives will read it. */
function renderRunReport(
  { config, chartAssets }: DeliveryContext,
  delivery: ReportDelivery,
  customerFile: CustomersFile['customerFile'],
  now: Date,
): Promise<RenderedReport> {
  return renderReport(
    {
      analysis: delivery.reportAnalysis ?? delivery.result.analysis,
      previous: delivery.history.previous?.analysis,
      skippedHistory: delivery.history.skipped.map(({ runName, problem }) => ({ report: runName, problem })),
      settings: config.report,
      kind: delivery.kind,
      now,
      customerFile,
      migration: delivery.migration,
      reportPeriod: delivery.reportPeriod,
    },
    { chartAssets },
  );
}

/** How the hold record keeps the customers file: its attachment's name, or the link (signed again on release). */
function heldCustomers(file: CustomersFile['customerFile']): HoldRecord['customers'] {
  return 'attachedAs' in file
    ? { attachedAs: file.attachedAs }
    : { link: { url: file.url, expires: file.expires.toISOString() } };
}
