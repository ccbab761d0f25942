// The email report as files, to preview it: its HTML, its plain-text version and its charts.
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Analysis } from '../engine/analysis/analysis-types.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import type { ReportFiles, ReportRenderer } from './report-renderer.ts';
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
  renderer: ReportRenderer,
): Promise<string> {
  const { scheduled, ...inputs } = preparation;
  const report = await renderer.render({
    analysis,
    ...inputs,
    kind: scheduled?.kind ?? 'upload',
    reportPeriod: scheduled?.reportPeriod,
    now,
  });
  if (options.charts) await writeCharts(report, options.charts, options.file);
  if (options.html) {
    await writeOutputFile(
      options.html,
      previewHtml(report, options.html, options.charts),
      options.file,
      flagOf('html'),
    );
  }
  if (options.text) await writeOutputFile(options.text, report.text, options.file, flagOf('text'));
  return report.subject;
}

/** The charts as PNG files in `directory` (made when missing: its parent was checked with the other outputs). */
async function writeCharts(report: ReportFiles, directory: string, inputPath: string): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InvalidOptionError(`${flagOf('charts')} ${directory}: cannot make the directory (${reason})`);
  }
  for (const image of report.images) {
    await writeOutputFile(join(directory, image.filename), image.content, inputPath, flagOf('charts'));
  }
}

/**
 * The email's HTML for a browser: its `cid:` images (which only a mail client resolves) point to the PNGs written
 * with --charts, relative to the HTML file; without --charts they are carried in the page itself as `data:` URLs
 * (fine in a browser, which is what a preview is, though mail clients drop them).
 */
function previewHtml(report: ReportFiles, htmlPath: string, chartsDirectory: string | undefined): string {
  let html = report.html;
  for (const image of report.images) {
    const source = chartsDirectory
      ? relative(dirname(htmlPath), join(chartsDirectory, image.filename)).split(sep).join('/')
      : `data:${image.contentType};base64,${Buffer.from(image.content).toString('base64')}`;
    html = html.replaceAll(`cid:${image.cid}`, encodeURI(source));
  }
  return html;
}
