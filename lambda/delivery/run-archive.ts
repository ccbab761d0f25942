/**
 * A run's files in its archive folder (archive-layout.ts): the customers CSV first (the email attaches or links it),
 * then the report, its charts, the segments, the migration, the saved segmentation and, last, the analysis, whose
 * presence marks a complete run that later runs compare with.
 */
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { modelFileText } from '../engine/clustering/saved/model-file-text.ts';
import { formatCustomersCsv } from '../engine/export/customers-csv.ts';
import type { SegmentMigration } from '../engine/migration/segment-migration.ts';
import type { RenderedReport } from '../report/render/render-report.ts';
import { analysisJsonText } from '../report/view-model/budget-json.ts';
import type { ReportInput } from '../report/view-model/report-context.ts';
import type { ReportKind } from '../vocabulary/report-kind.ts';
import { ARCHIVE_FILES, type ArchiveRun } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { EmailAttachment, ObjectStore } from './ports.ts';
import { formatSegmentsFile } from './report-history.ts';

/** What the archive keeps of a run: its kind and folder, the engine's result and the migration when there is one. */
export interface ArchivedRun {
  kind: ReportKind;
  run: ArchiveRun;
  result: AnalysisResult;
  migration?: SegmentMigration | undefined;
}

const DAY_SECONDS = 86_400;

/** The customers CSV of a run as the email carries it: attached when small enough, else a link to the archive. */
export interface CustomersFile {
  csv: string;
  attachment: EmailAttachment | undefined;
  customerFile: NonNullable<ReportInput['customerFile']>;
}

/** Writes the customers CSV to the run's folder; attached up to the configured size, else linked. */
export async function archiveCustomers(
  { store, config }: Pick<DeliveryContext, 'store' | 'config'>,
  delivery: ArchivedRun,
  folder: string,
): Promise<CustomersFile> {
  const { analysis, customers } = delivery.result;
  const csv = formatCustomersCsv(customers, analysis.input.shape, analysis.clusters.ambiguousMargin);
  const key = `${folder}${ARCHIVE_FILES.customers}`;
  await store.write(key, csv, 'text/csv; charset=utf-8');
  if (Buffer.byteLength(csv) > config.maxAttachmentBytes) {
    return { csv, attachment: undefined, customerFile: await signCustomersLink({ store, config }, folder) };
  }
  const filename = `customers-${delivery.kind}-${delivery.run.runName}.csv`;
  return { csv, attachment: customersAttachment(filename, csv), customerFile: { attachedAs: filename } };
}

/** A link to the run's archived customers CSV, valid for the configured days (or less: see signedDownloadUrl). */
export function signCustomersLink(
  { store, config }: Pick<DeliveryContext, 'store' | 'config'>,
  folder: string,
): Promise<{ url: string; expires: Date }> {
  return store.signedDownloadUrl(`${folder}${ARCHIVE_FILES.customers}`, config.linkExpiryDays * DAY_SECONDS);
}

/** The customers CSV as the executives' email attaches it. */
export function customersAttachment(filename: string, csv: string): EmailAttachment {
  return { filename, content: csv, contentType: 'text/csv' };
}

/**
 * Writes the report, the segments, the migration, the saved segmentation (when the run clustered) and, last, the
 * analysis with the report's budget in full
 * (report/view-model/budget-json.ts) to the run's folder: as `analysisFile`,
 * which a held report names so that no later run compares itself with it before its release.
 */
export async function archiveReport(
  store: ObjectStore,
  folder: string,
  delivery: ArchivedRun,
  report: Pick<RenderedReport, 'html' | 'text' | 'images' | 'budget'>,
  analysisFile: string,
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
  if (delivery.result.model) {
    await store.write(
      `${folder}${ARCHIVE_FILES.model}`,
      modelFileText(delivery.result.model),
      'application/json',
    );
  }
  // Written last: a run folder with an analysis is a complete one, the only kind a later run compares with.
  await store.write(
    `${folder}${analysisFile}`,
    analysisJsonText(analysis, report.budget),
    'application/json',
  );
}
