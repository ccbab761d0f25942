import { parseArgs } from 'node:util';
import { z } from 'zod';
import { InvalidOptionError } from '../engine/errors.ts';
import { INPUT_OPTION_VALUES, type InputOption, inputOptionsSchema } from '../engine/input/input-options.ts';
import { isSameFile } from './output-files.ts';

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
    .optional(),
  ...inputOptionsSchema.shape,
  features: z.string().optional(),
  json: z.string().optional(),
  customers: z.string().optional(),
  html: z.string().optional(),
  text: z.string().optional(),
  locale: z.enum(['en', 'fr'], { error: 'must be en or fr' }).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR')
    .optional(),
  timeZone: z.string().optional(),
  settings: z.string().optional(),
  previous: z.string().optional(),
  quiet: z.boolean().optional(),
});
export type AnalyzeArguments = z.infer<typeof AnalyzeArguments>;

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

export const ANALYZE_USAGE = `usage: segment-report analyze FILE [options]
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

/** Parses `analyze` arguments; throws InvalidOptionError with one readable line when they are wrong. */
export function parseAnalyzeArguments(args: readonly string[]): AnalyzeArguments {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
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
      },
    });
  } catch (error) {
    throw new InvalidOptionError(`analyze: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed.positionals.length !== 1) {
    throw new InvalidOptionError(`analyze: expected exactly one FILE, got ${parsed.positionals.length}`);
  }
  const values = parsed.values;
  const result = AnalyzeArguments.safeParse({
    file: parsed.positionals[0],
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
    throw new InvalidOptionError(`analyze: ${flagOf(key)}: ${issue?.message ?? 'invalid'}`);
  }
  for (const [option, path] of [
    ['--json', result.data.json],
    ['--customers', result.data.customers],
    ['--html', result.data.html],
    ['--text', result.data.text],
  ] as const) {
    if (path !== undefined && isSameFile(path, result.data.file)) {
      throw new InvalidOptionError(`${option} ${path}: refusing to overwrite the input file`);
    }
  }
  return result.data;
}
