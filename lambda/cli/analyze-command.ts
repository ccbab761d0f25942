import { basename } from 'node:path';
import type { AnalysisResult } from '../engine/analysis-types.ts';
import { analyzeCsv } from '../engine/analyze-csv.ts';
import { parseAnalyzeArguments } from './analyze-arguments.ts';
import { formatCustomersCsv } from '../engine/export/customers-csv.ts';
import { formatSummary } from './format-summary.ts';
import { writeOutputFile } from './output-files.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { openInputFile } from './read-input-file.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: NodeJS.WriteStream;
  now: Date;
}

/** `analyze FILE ...`: analyses a local file, prints a summary, writes the requested outputs. */
export async function runAnalyzeCommand(args: readonly string[], io: CommandIo): Promise<AnalysisResult> {
  const options = parseAnalyzeArguments(args);
  // The report (mjml and its HTML tooling) is loaded only when asked for: it costs 0.25 s and 70 MB to load.
  const reportFiles =
    options.html !== undefined || options.text !== undefined ? await import('./report-files.ts') : undefined;
  const reportPreparation = reportFiles ? await reportFiles.prepareReport(options) : undefined;
  const { bytes, size } = await openInputFile(options.file);
  const progress = createProgressReporter(io.stderr, basename(options.file), size);
  const result = await analyzeCsv(bytes, {
    sourceName: options.file,
    now: io.now,
    seed: options.seed,
    k: options.k,
    asOf: options.asOf,
    map: options.map,
    dateFormat: options.dateFormat,
    shape: options.shape,
    decimalMark: options.decimalMark,
    features: options.features?.split(',').map((name) => name.trim()),
    onProgress: progress.update,
  }).finally(progress.done);
  if (options.json) {
    await writeOutputFile(
      options.json,
      `${JSON.stringify(result.analysis, null, 2)}\n`,
      options.file,
      '--json',
    );
  }
  if (options.customers) {
    const csv = formatCustomersCsv(result.customers, result.analysis.input.shape);
    await writeOutputFile(options.customers, csv, options.file, '--customers');
  }
  const subject = reportPreparation
    ? await reportFiles?.writeReportFiles(result.analysis, reportPreparation, options, io.now)
    : undefined;
  if (!options.quiet) io.stdout(`${formatSummary(result.analysis)}\n`);
  if (!options.quiet && subject !== undefined) io.stdout(`Report: ${subject}\n`);
  return result;
}
