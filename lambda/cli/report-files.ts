import { readFile } from 'node:fs/promises';
import type { Analysis } from '../engine/analysis-types.ts';
import { InputError } from '../engine/errors.ts';
import { renderReport } from '../report/render/render-report.ts';
import { parseReportSettings, type ReportSettings } from '../report/report-settings.ts';
import { writeOutputFile } from './output-files.ts';

export interface ReportFileOptions {
  file: string;
  html?: string | undefined;
  text?: string | undefined;
  locale?: 'en' | 'fr' | undefined;
  currency?: string | undefined;
  timeZone?: string | undefined;
  settings?: string | undefined;
  previous?: string | undefined;
}

/** What the report needs besides the analysis, read and checked before the analysis (so no output is written first). */
export interface ReportPreparation {
  settings: ReportSettings;
  previous: Analysis | undefined;
}

/** Reads and checks `--settings` and `--previous` (and the language, currency, time zone options). */
export async function prepareReport(options: ReportFileOptions): Promise<ReportPreparation> {
  const configured = options.settings ? await readJsonFile(options.settings, '--settings') : {};
  const settings = parseReportSettings({
    ...(configured as object),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.currency ? { currency: options.currency } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const previous = options.previous
    ? ((await readJsonFile(options.previous, '--previous')) as Analysis)
    : undefined;
  if (previous !== undefined && (previous.schemaVersion !== 1 || typeof previous.kpis !== 'object')) {
    throw new InputError(`--previous ${options.previous}: not an analysis written by --json`);
  }
  return { settings, previous };
}

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

async function readJsonFile(path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `${option} ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${option} ${path}: not valid JSON (${(error as Error).message})`);
  }
}
