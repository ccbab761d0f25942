/**
 * The options of `analyze`, each declared once in ANALYZE_FLAGS: its flag (the key: `timeZone` is `--time-zone`),
 * the name of its value, its help line (with its default, taken from where the default is defined), its zod
 * schema and where its value goes. Parsing, validation, the usage text and the mapping to the analysis and report
 * options are all read from this table: a new option is one new entry.
 */
import * as z from 'zod';
import { ANALYZE_DEFAULTS } from '../engine/analysis/analyze-options.ts';
import { parseIsoDay } from '../engine/input/date-parsing.ts';
import { periodOfId } from '../delivery/period-id.ts';
import { columnNames, wholeNumber } from './flag-schemas.ts';
import { SAVED_MODEL_FLAGS } from './saved-model-flags.ts';
import { VALUE_FLAGS } from './value-flags.ts';
import { DIVERSITY_FLAGS } from './diversity-flags.ts';
import { READER_FLAGS } from './reader-flags.ts';
import { inputOptionsSchema } from '../engine/input/input-options.ts';
import {
  isTimeZone,
  parseReportSettings,
  REPORT_LOCALES,
  reportSettingsSchema,
  TIME_ZONE_MESSAGE,
} from '../report/report-settings.ts';

/**
 * Where a flag's value goes: AnalyzeOptions (or its `value`), a report setting (over --settings), a file the
 * report reads, a file written, how the summary is printed, or what reads the file (the engine, or DuckDB first).
 */
export type Destination =
  'analysis' | 'value' | 'report-setting' | 'report-input' | 'output' | 'summary' | 'reader';

export interface FlagSpec {
  /** The value as the usage names it (`--k N`); none for a switch, which takes no value. */
  readonly value?: string;
  /** The value as "needs a value (--flag VALUE)" names it, where the usage abbreviates it to fit its column. */
  readonly wanted?: string;
  /** The usage's line for the flag. */
  readonly help: string;
  /** Checks the value and gives it its type; optional, as every flag is. */
  readonly schema: z.ZodType;
  readonly goesTo: Destination;
}

const path = z.string().min(1, 'needs a path').optional();

/** The report's own defaults (language, time zone), as its settings fill them in. */
const REPORT_DEFAULTS = parseReportSettings();

export const ANALYZE_FLAGS = {
  k: {
    value: 'N',
    help: 'number of clusters (default: chosen by silhouette, 2..8)',
    schema: wholeNumber('must be a whole number from 2 to 50', 2, 50),
    goesTo: 'analysis',
  },
  seed: {
    value: 'N',
    help: `K-means seed (default ${ANALYZE_DEFAULTS.seed}): same seed, same clusters`,
    schema: wholeNumber('must be a whole number >= 0', 0),
    goesTo: 'analysis',
  },
  asOf: {
    value: 'YYYY-MM-DD',
    help: 'as-of day (default: the day after the last transaction)',
    schema: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .refine((day) => !Number.isNaN(parseIsoDay(day)), {
        error: (issue) => `must be a calendar day YYYY-MM-DD, got "${String(issue.input)}"`,
      })
      .optional(),
    goesTo: 'analysis',
  },
  // The input options are checked by the schema the job's configuration uses, in the same words.
  map: {
    value: 'ROLE=COLUMN,..',
    wanted: 'ROLE=COLUMN,...',
    help: 'column roles: customer, order, date, amount | quantity, price, product, category',
    schema: inputOptionsSchema.shape.map,
    goesTo: 'analysis',
  },
  dateFormat: {
    value: 'F',
    wanted: 'DD/MM/YYYY',
    help: 'DD/MM/YYYY or MM/DD/YYYY when the dates cannot tell',
    schema: inputOptionsSchema.shape.dateFormat,
    goesTo: 'analysis',
  },
  ...READER_FLAGS,
  shape: {
    value: 'S',
    wanted: 'auto|transactions|customers',
    help: `${ANALYZE_DEFAULTS.shape} (default), transactions or customers`,
    schema: inputOptionsSchema.shape.shape,
    goesTo: 'analysis',
  },
  decimalMark: {
    value: 'M',
    wanted: '.|,',
    help: '. or , when the numbers cannot tell (default: inferred from them)',
    schema: inputOptionsSchema.shape.decimalMark,
    goesTo: 'analysis',
  },
  features: {
    value: 'A,B,..',
    wanted: 'A,B,...',
    help: 'customer tables: the columns to cluster on',
    schema: columnNames,
    goesTo: 'analysis',
  },
  ...DIVERSITY_FLAGS,
  ...SAVED_MODEL_FLAGS,
  ...VALUE_FLAGS,
  json: { value: 'PATH', help: 'write the whole analysis as JSON', schema: path, goesTo: 'output' },
  customers: {
    value: 'PATH',
    help: 'write one row per customer (segment and cluster)',
    schema: path,
    goesTo: 'output',
  },
  html: {
    value: 'PATH',
    help: 'write the executive summary email (HTML) to preview it',
    schema: path,
    goesTo: 'output',
  },
  text: { value: 'PATH', help: 'write its plain-text version', schema: path, goesTo: 'output' },
  charts: {
    value: 'DIR',
    help: "write the email's charts there as PNG, and the --html preview shows them from there",
    schema: path,
    goesTo: 'output',
  },
  // The report settings' own checks, done here so that the flag is named (and checked without --html too).
  locale: {
    value: REPORT_LOCALES.join('|'),
    help: `language of the report (default ${REPORT_DEFAULTS.locale})`,
    schema: z.enum(REPORT_LOCALES, { error: `must be ${REPORT_LOCALES.join(' or ')}` }).optional(),
    goesTo: 'report-setting',
  },
  currency: {
    value: 'CODE',
    help: 'currency of the amounts when the file names none (default: none, plain numbers)',
    schema: reportSettingsSchema.shape.currency,
    goesTo: 'report-setting',
  },
  timeZone: {
    value: 'ZONE',
    help: `time zone of the generated time (default ${REPORT_DEFAULTS.timeZone})`,
    schema: z
      .string()
      .refine(isTimeZone, { error: (issue) => `${TIME_ZONE_MESSAGE}, got "${String(issue.input)}"` })
      .optional(),
    goesTo: 'report-setting',
  },
  settings: {
    value: 'PATH',
    help: 'report settings as JSON (playbook, alert thresholds, targets, names)',
    schema: path,
    goesTo: 'report-input',
  },
  previous: {
    value: 'PATH',
    help: 'a previous --json analysis, to show the changes since then',
    schema: path,
    goesTo: 'report-input',
  },
  period: {
    value: 'PERIOD',
    wanted: 'YYYY-Www or YYYY-Qn',
    help: 'preview the weekly report of an ISO week (2011-W48) or the review of a quarter (2011-Q4)',
    schema: z
      .string()
      .refine((id) => periodOfId(id) !== null, {
        error: (issue) =>
          `must be an ISO week such as 2011-W48 or a quarter such as 2011-Q4, got "${String(issue.input)}"`,
      })
      .optional(),
    goesTo: 'report-input',
  },
  quiet: { help: 'print no summary', schema: z.boolean().optional(), goesTo: 'summary' },
} as const satisfies Record<string, FlagSpec>;

/** The zod shape of the flags: each one's schema under its key. */
function schemasOf<T extends Record<string, FlagSpec>>(table: T): { [K in keyof T]: T[K]['schema'] } {
  // Object.fromEntries cannot carry the keys' types: the mapped type says what it builds.
  return Object.fromEntries(Object.entries(table).map(([key, spec]) => [key, spec.schema])) as {
    [K in keyof T]: T[K]['schema'];
  };
}

/** The `analyze` command's arguments, validated: the FILE and every flag of the table. */
export const AnalyzeArguments = z.object({ file: z.string().min(1), ...schemasOf(ANALYZE_FLAGS) });
export type AnalyzeArguments = z.infer<typeof AnalyzeArguments>;
