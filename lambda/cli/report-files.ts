import type { Analysis } from '../engine/analysis-types.ts';
import { renderReport } from '../report/render/render-report.ts';
import { writeOutputFile } from './output-files.ts';
import type { ReportFileOptions, ReportPreparation } from './report-preparation.ts';

/** Renders the email report of an analysis and writes its HTML and plain-text versions, for a preview. */
export async function writeReportFiles(
  analysis: Analysis,
  preparation: ReportPreparation,
  options: ReportFileOptions,
  now: Date,
): Promise<string> {
  const report = await renderReport({ analysis, ...preparation, kind: 'upload', now });
  if (options.html) await writeOutputFile(options.html, report.html, options.file, '--html');
  if (options.text) await writeOutputFile(options.text, report.text, options.file, '--text');
  return report.subject;
}
