// The `analyze` command: read the file, analyse it, print the summary and write the outputs the flags ask for.
import { basename } from 'node:path';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { analyzeCsv } from '../engine/analyze-csv.ts';
import type { AnalyzeOptions } from '../engine/analysis/analyze-options.ts';
import { type ArgumentsOf, parseAnalyzeArguments } from './analyze-arguments.ts';
import type { AnalyzeArguments } from './analyze-flags.ts';
import { flagOf } from './flag-names.ts';
import { analysisOptionsOf, valueOptionsOf } from './flag-destinations.ts';
import { customersCsvChunks } from '../engine/export/customers-csv.ts';
import { formatSummary } from './format-summary.ts';
import { writeOutputFile } from './output-files.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { openInputFile } from './read-input-file.ts';
import { prepareReport, type ReportPreparation } from './report-preparation.ts';
import { type ReportRenderer, startReportRenderer } from './report-renderer.ts';
import { InputError, InvalidOptionError } from '../errors/input-errors.ts';
import { parseReportSettings } from '../report/report-settings.ts';
import { analysisJsonText, budgetOfAnalysis } from '../report/view-model/budget-json.ts';
import type { SegmentationModel } from '../engine/clustering/saved/segmentation-model.ts';
import { modelFileText } from '../engine/clustering/saved/model-file-text.ts';
import { readModelFile } from './model-file.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: NodeJS.WriteStream;
  now: Date;
  /** The bundle's report thread (report-renderer.ts); the report renders in this thread without it. */
  reportWorker?: URL | undefined;
}

/**
 * `analyze FILE ...`: analyses a local file, prints a summary, writes the requested outputs. Everything that can
 * be checked before the analysis is (flags, outputs' folders, the file, --settings, --previous), so that a wrong
 * option fails at once and leaves no output behind.
 */
export async function runAnalyzeCommand(
  args: readonly string[],
  io: CommandIo,
  of: ArgumentsOf = { command: 'analyze' },
): Promise<AnalysisResult> {
  const options = parseAnalyzeArguments(args, of);
  const segmentation =
    of.command === 'score' && options.model !== undefined ? await readModelFile(options.model) : undefined;
  const { bytes, size } = await openInputFile(options.file);
  const wantsReport =
    options.html !== undefined || options.text !== undefined || options.charts !== undefined;
  const reportPreparation =
    wantsReport ||
    options.settings !== undefined ||
    options.previous !== undefined ||
    options.period !== undefined
      ? await prepareReport(options)
      : undefined;
  // The report (mjml, ECharts, resvg) is loaded only when asked for, on its own thread when there is one, from
  // now on: while the file is analysed.
  const renderer = wantsReport ? startReportRenderer(io.reportWorker) : undefined;
  try {
    return await analyzeAndWrite(options, io, { bytes, size, segmentation }, reportPreparation, renderer);
  } finally {
    await renderer?.stop();
  }
}

/** The analysis and the outputs, once the options, the file and the report's inputs are checked. */
async function analyzeAndWrite(
  options: AnalyzeArguments,
  io: CommandIo,
  input: {
    bytes: AsyncIterable<Uint8Array>;
    size: number;
    /** `score`: the saved segmentation to put the customers into. */
    segmentation: SegmentationModel | undefined;
  },
  reportPreparation: ReportPreparation | undefined,
  renderer: ReportRenderer | undefined,
): Promise<AnalysisResult> {
  const reportFiles = renderer ? await import('./report-files.ts') : undefined;
  const { bytes, size, segmentation } = input;
  const progress = createProgressReporter(io.stderr, basename(options.file), size);
  const analyzeOptions = {
    ...analysisOptionsOf(options),
    ...valueOptionsOf(options),
    activity: reportPreparation?.scheduled?.activity,
    trendWarnings: reportPreparation?.settings.trendWarnings,
    sourceName: options.file,
    now: io.now,
    onProgress: progress.update,
    segmentation,
  };
  const result = await analyse(options, bytes, analyzeOptions)
    .catch((error: unknown) => {
      throw explainAnalysisError(error, options);
    })
    .finally(progress.done);
  refuseTableOnlyFlags(options, result);
  if (options.model !== undefined && segmentation === undefined) {
    const text = modelFileText(modelToSave(result, options.file));
    await writeOutputFile(options.model, text, options.file, flagOf('model'));
  }
  if (options.json) {
    // The budget in full with the settings' playbook (the default one without --settings).
    const settings = reportPreparation?.settings ?? parseReportSettings();
    const json = analysisJsonText(result.analysis, budgetOfAnalysis(result.analysis, settings));
    await writeOutputFile(options.json, json, options.file, flagOf('json'));
  }
  if (options.customers) {
    // In pieces: at 2M customers the whole text would cost about 400 MB more.
    const { input, clusters } = result.analysis;
    const csv = customersCsvChunks(result.customers, input.shape, clusters.ambiguousMargin);
    await writeOutputFile(options.customers, csv, options.file, flagOf('customers'));
  }
  const subject =
    reportFiles && reportPreparation && renderer
      ? await reportFiles.writeReportFiles(result.analysis, reportPreparation, options, io.now, renderer)
      : undefined;
  if (!options.quiet) {
    const columnLabels = reportPreparation?.settings.columnLabels;
    io.stdout(`${formatSummary(result.analysis, { columnLabels })}\n`);
  }
  if (!options.quiet && subject !== undefined) io.stdout(`Report: ${subject}\n`);
  return result;
}

/** --features and --prospect-features name a customer table's columns: on a transaction log they are an error. */
function refuseTableOnlyFlags(options: AnalyzeArguments, result: AnalysisResult): void {
  const tableOnly = (['features', 'prospectFeatures'] as const).find((key) => options[key] !== undefined);
  if (tableOnly === undefined || result.analysis.input.shape !== 'transactions') return;
  throw new InvalidOptionError(
    `${options.file}: ${flagOf(tableOnly)} ${options[tableOnly]}: the file is a transaction log, and ` +
      `${flagOf(tableOnly)} is for customer tables (pass ${flagOf('shape')} customers to read it as one)`,
    { option: tableOnly, file: options.file },
  );
}

/** The analysis's saved segmentation; an InputError when it clustered nothing (and so has none to save). */
function modelToSave(result: AnalysisResult, file: string): SegmentationModel {
  if (result.model !== null) return result.model;
  const why = result.analysis.clusters.skipped ?? 'no clusters';
  throw new InputError(`${file}: ${flagOf('model')}: no segmentation to save: ${why}`, {
    option: 'model',
    file,
  });
}

/** The file through the engine, or aggregated by DuckDB first (`--engine duckdb`: loaded only when asked for). */
function analyse(
  options: AnalyzeArguments,
  bytes: AsyncIterable<Uint8Array>,
  analyzeOptions: AnalyzeOptions,
): Promise<AnalysisResult> {
  if (options.engine !== 'duckdb') return analyzeCsv(bytes, analyzeOptions);
  return import('./duckdb-analysis.ts').then(({ analyzeWithDuckDb }) =>
    analyzeWithDuckDb(options.file, analyzeOptions),
  );
}

/** The engine's check of a fixed K, which only the number of customers found in the file can tell. */
const K_OUT_OF_RANGE = /^k must be between 2 and the number of customers \((\d+)\), got (\d+)$/;

/**
 * An input error of the engine in the command line's words: every message names the file, and the flag when a
 * flag is what is wrong (`data.csv: --k 50: the file has 20 customers; K must be at most 20`). Other errors pass
 * through as they are (exit 1).
 */
export function explainAnalysisError(error: unknown, options: Pick<AnalyzeArguments, 'file' | 'k'>): unknown {
  if (!(error instanceof InputError)) return error;
  const k = K_OUT_OF_RANGE.exec(error.message);
  if (k && options.k !== undefined) {
    return new InvalidOptionError(
      `${options.file}: ${flagOf('k')} ${options.k}: the file has ${k[1]} customers; K must be at most ${k[1]}`,
      { cause: error },
    );
  }
  if (error.message.startsWith(`${options.file}: `)) return error;
  return new InputError(`${options.file}: ${error.message}`, {
    option: error.option,
    file: options.file,
    line: error.line,
    column: error.column,
    cause: error,
  });
}
