// The email report as files, to preview it: its HTML and its plain-text version.
import type { Analysis } from '../engine/analysis/analysis-types.ts';
import { renderReport } from '../report/render/render-report.ts';
import { writeOutputFile } from './output-files.ts';
import { flagOf } from './flag-names.ts';
import type { ReportFileOptions } from './flag-destinations.ts';
import type { ReportPreparation } from './report-preparation.ts';

/** Renders the email report of an analysis and writes its HTML and plain-text versions, for a preview. */
export async function writeReportFiles(
  analysis: Analysis,
  preparation: ReportPreparation,
  options: ReportFileOptions,
  now: Date,
): Promise<string> {
  const { scheduled, ...inputs } = preparation;
  const report = await renderReport({
    analysis,
    ...inputs,
    kind: scheduled?.kind ?? 'upload',
    reportPeriod: scheduled?.reportPeriod,
    now,
  });
  if (options.html) await writeOutputFile(options.html, report.html, options.file, flagOf('html'));
  if (options.text) await writeOutputFile(options.text, report.text, options.file, flagOf('text'));
  return report.subject;
}
