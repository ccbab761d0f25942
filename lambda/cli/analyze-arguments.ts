import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseIsoDay } from '../engine/input/date-parsing.ts';
import { INPUT_OPTION_VALUES, type InputOption, inputOptionsSchema } from '../engine/input/input-options.ts';
import { isTimeZone, REPORT_LOCALES, TIME_ZONE_MESSAGE } from '../report/report-settings.ts';
import { isSameFile } from './output-files.ts';
import { closestName } from './suggest.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';

/** The usage hint that ends a message about the command line itself (no FILE, a FILE that does not exist). */
export const USAGE_HINT = 'usage: segment-report analyze FILE [options] (see --help)';

const path = z.string().min(1, 'needs a path');

/** The `analyze` command's arguments, validated; the input options by the schema the configuration uses. */
export const AnalyzeArguments = z.object({
  file: z.string().min(1),
  k: z.coerce
    .number({ error: 'must be a whole number from 2 to 50' })
    .int('must be a whole number from 2 to 50')
    .min(2, 'must be a whole number from 2 to 50')
    .max(50, 'must be a whole number from 2 to 50')
    .optional(),
  seed: z.coerce
    .number({ error: 'must be a whole number >= 0' })
    .int('must be a whole number >= 0')
    .min(0, 'must be a whole number >= 0')
    .optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .refine((day) => !Number.isNaN(parseIsoDay(day)), {
      error: (issue) => `must be a calendar day YYYY-MM-DD, got "${String(issue.input)}"`,
    })
    .optional(),
  ...inputOptionsSchema.shape,
  features: z
    .string()
    .refine((names) => names.split(',').every((name) => name.trim() !== ''), {
      error: 'must be column names separated by commas, such as Income,Recency',
    })
    .optional(),
  json: path.optional(),
  customers: path.optional(),
  html: path.optional(),
  text: path.optional(),
  // The report settings' own checks, done here so that the flag is named (and checked without --html too).
  locale: z.enum(REPORT_LOCALES, { error: 'must be en or fr' }).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR')
    .optional(),
  timeZone: z
    .string()
    .refine(isTimeZone, { error: (issue) => `${TIME_ZONE_MESSAGE}, got "${String(issue.input)}"` })
    .optional(),
  settings: path.optional(),
  previous: path.optional(),
  quiet: z.boolean().optional(),
});
export type AnalyzeArguments = z.infer<typeof AnalyzeArguments>;

/** The flags of `analyze`, as node:util parseArgs reads them. */
const OPTIONS = {
  k: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  map: { type: 'string' },
  'date-format': { type: 'string' },
  shape: { type: 'string' },
  'decimal-mark': { type: 'string' },
  features: { type: 'string' },
  json: { type: 'string' },
  customers: { type: 'string' },
  html: { type: 'string' },
  text: { type: 'string' },
  locale: { type: 'string' },
  currency: { type: 'string' },
  'time-zone': { type: 'string' },
  settings: { type: 'string' },
  previous: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;
type OptionName = keyof typeof OPTIONS;

/** What each flag that takes a value wants, as the usage writes it. */
const VALUE_OF: Record<Exclude<OptionName, 'quiet'>, string> = {
  k: 'N',
  seed: 'N',
  'as-of': 'YYYY-MM-DD',
  map: 'ROLE=COLUMN,...',
  'date-format': 'DD/MM/YYYY',
  shape: 'auto|transactions|customers',
  'decimal-mark': '.|,',
  features: 'A,B,...',
  json: 'PATH',
  customers: 'PATH',
  html: 'PATH',
  text: 'PATH',
  locale: 'en|fr',
  currency: 'CODE',
  'time-zone': 'ZONE',
  settings: 'PATH',
  previous: 'PATH',
};

const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** The flag of an argument: `dateFormat` is `--date-format`. */
function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * How the command line sets the option an input error names: "pass --date-format DD/MM/YYYY or --date-format
 * MM/DD/YYYY". The engine's message says what is wrong; this says which flag fixes it.
 */
export function flagAdvice(option: InputOption): string {
  return `pass ${INPUT_OPTION_VALUES[option].map((value) => `${flagOf(option)} ${value}`).join(' or ')}`;
}

export const ANALYZE_USAGE = `usage: segment-report analyze FILE [options]   (analyse works too)
  FILE                 a .csv or .csv.gz transaction log or customer table
  --k N                number of clusters (default: chosen by silhouette, 2..8)
  --seed N             K-means seed (default 42): same seed, same clusters
  --as-of YYYY-MM-DD   as-of day (default: the day after the last transaction)
  --map ROLE=COLUMN,.. column roles: customer, order, date, amount | quantity, price
  --date-format F      DD/MM/YYYY or MM/DD/YYYY when the dates cannot tell
  --shape S            auto (default), transactions or customers
  --decimal-mark M     . or , when the numbers cannot tell (default: inferred from them)
  --features A,B,..    customer tables: the columns to cluster on
  --json PATH          write the whole analysis as JSON
  --customers PATH     write one row per customer (segment and cluster)
  --html PATH          write the executive summary email (HTML) to preview it
  --text PATH          write its plain-text version
  --locale en|fr       language of the report (default en)
  --currency CODE      currency of the amounts (default USD in English, EUR in French)
  --time-zone ZONE     time zone of the generated time (default UTC)
  --settings PATH      report settings as JSON (playbook, alert thresholds, targets, names)
  --previous PATH      a previous --json analysis, to show the changes since then
  --quiet              print no summary`;

/** Which command the arguments are for: `analyze FILE ...`, or `start ...` on a FILE of its own (the sample). */
export interface ArgumentsOf {
  command: 'analyze' | 'start';
  /** The file `start` analyses: no FILE may then be given. */
  file?: string | undefined;
}

/**
 * Parses `analyze` arguments; throws InvalidOptionError with one readable line naming the option (or the FILE)
 * when they are wrong: `analyze: --k: must be a whole number from 2 to 50`.
 */
export function parseAnalyzeArguments(
  args: readonly string[],
  of: ArgumentsOf = { command: 'analyze' },
): AnalyzeArguments {
  const { values, positionals } = readFlags(args, of.command);
  const file = fileOf(positionals, of);
  const result = AnalyzeArguments.safeParse({
    file,
    k: values.k,
    seed: values.seed,
    asOf: values['as-of'],
    map: values.map,
    dateFormat: values['date-format'],
    shape: values.shape,
    decimalMark: values['decimal-mark'],
    features: values.features,
    json: values.json,
    customers: values.customers,
    html: values.html,
    text: values.text,
    locale: values.locale,
    currency: values.currency,
    timeZone: values['time-zone'],
    settings: values.settings,
    previous: values.previous,
    quiet: values.quiet,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new InvalidOptionError(`${of.command}: ${flagOf(key)}: ${issue?.message ?? 'invalid'}`);
  }
  checkOutputs(result.data);
  return result.data;
}

/** The flags' values once every token is checked: strings, and --quiet a boolean. */
type FlagValues = { [K in OptionName]?: K extends 'quiet' ? boolean : string };

/**
 * The flags and positionals, every token checked first so that each mistake gets its own line: an unknown flag
 * (with the closest known one), a flag without its value, a value given to --quiet.
 */
function readFlags(args: readonly string[], command: string): { values: FlagValues; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const raw = args[token.index] ?? token.rawName;
    if (!token.rawName.startsWith('--') || !isOptionName(token.name)) {
      throw new InvalidOptionError(`${command}: ${unknownOption(raw)}`);
    }
    const flag = `--${token.name}`;
    if (token.name === 'quiet') {
      if (token.inlineValue) throw new InvalidOptionError(`${command}: ${flag}: takes no value`);
      continue;
    }
    const wanted = `${flag} ${VALUE_OF[token.name]}`;
    if (token.value === undefined) {
      throw new InvalidOptionError(`${command}: ${flag}: needs a value (${wanted})`);
    }
    const [valueFlag = ''] = token.value.split('=');
    if (!token.inlineValue && valueFlag.startsWith('--') && isOptionName(valueFlag.slice(2))) {
      throw new InvalidOptionError(
        `${command}: ${flag}: needs a value (${wanted}), got the option ${valueFlag}`,
      );
    }
  }
  return { values: values as FlagValues, positionals };
}

/** `unknown option --date-fromat; did you mean --date-format?` */
function unknownOption(raw: string): string {
  const [written = raw] = raw.split('=');
  const suggestion = closestName(written.replace(/^-+/, ''), OPTION_NAMES);
  const advice =
    suggestion === undefined ? 'see segment-report analyze --help' : `did you mean --${suggestion}?`;
  return `unknown option ${written}; ${advice}`;
}

/** The one FILE of `analyze` (none for `start`, which has its own). */
function fileOf(positionals: readonly string[], of: ArgumentsOf): string {
  const listed = positionals
    .slice(0, 3)
    .map((name) => JSON.stringify(name))
    .join(', ');
  const more = positionals.length > 3 ? ', ...' : '';
  if (of.file !== undefined) {
    if (positionals.length > 0) {
      throw new InvalidOptionError(
        `${of.command}: takes no FILE (it analyses the bundled sample), got ${listed}${more}; ` +
          'to analyse a file: segment-report analyze FILE [options]',
      );
    }
    return of.file;
  }
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined || file === '') {
    const got =
      positionals.length === 0
        ? 'got none'
        : file === ''
          ? 'got an empty name'
          : `got ${positionals.length} (${listed}${more})`;
    throw new InvalidOptionError(`${of.command}: expected exactly one FILE, ${got}; ${USAGE_HINT}`);
  }
  return file;
}

/**
 * Checked before the analysis, so that a long run does not fail at its end: no output over the input file, no two
 * outputs to the same file, and the folder of each output exists.
 */
function checkOutputs(options: AnalyzeArguments): void {
  const outputs: [string, string][] = [];
  for (const [option, path] of [
    ['--json', options.json],
    ['--customers', options.customers],
    ['--html', options.html],
    ['--text', options.text],
  ] as const) {
    if (path !== undefined) outputs.push([option, path]);
  }
  outputs.forEach(([option, path], index) => {
    if (isSameFile(path, options.file)) {
      throw new InvalidOptionError(`${option} ${path}: refusing to overwrite the input file`);
    }
    const earlier = outputs.slice(0, index).find(([, other]) => isSameFile(path, other));
    if (earlier) throw new InvalidOptionError(`${option} ${path}: the same file as ${earlier[0]}`);
    const folder = dirname(path);
    const kind = folderKind(folder);
    if (kind !== 'directory') {
      throw new InvalidOptionError(
        `${option} ${path}: cannot write the file (${kind === 'missing' ? 'no such directory' : 'not a directory'}: ${folder})`,
      );
    }
  });
}

function folderKind(folder: string): 'directory' | 'missing' | 'other' {
  try {
    return statSync(resolve(folder)).isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}
