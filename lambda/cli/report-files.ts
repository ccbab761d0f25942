import { readFile } from 'node:fs/promises';
import { parseAnalysis } from '../engine/analysis-schema.ts';
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
  // Checked whole, as the report compares every headline figure with it: a null or a string there is NaN in the
  // email, and 1e400 (Infinity once parsed) is "+∞%".
  const previous = options.previous
    ? parseAnalysis(await readJsonFile(options.previous, '--previous'), `--previous ${options.previous}`)
    : undefined;
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
    // V8 quotes the start of the text in its message, line breaks included: the error must stay one line.
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    throw new InputError(`${option} ${path}: not valid JSON (${reason})`);
  }
}
