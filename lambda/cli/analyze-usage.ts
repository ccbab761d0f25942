/**
 * How `analyze` is used, in words written from the options table: the usage (one line a flag, with its value and
 * its help), the hint that ends a message about the command line itself, and the flag that sets an input option.
 */
import { INPUT_OPTION_VALUES, type InputOption } from '../engine/input/input-options.ts';
import { ANALYZE_FLAGS, type FlagSpec } from './analyze-flags.ts';
import { FLAG_KEYS, flagOf } from './flag-names.ts';

/** The usage hint that ends a message about the command line itself (no FILE, a FILE that does not exist). */
export const USAGE_HINT = 'usage: segment-report analyze FILE [options] (see --help)';

/** The width of the usage's first column: the flag and its value, then the help from one column further. */
const FLAG_COLUMN = 20;

/** `  --k N                number of clusters ...` */
function usageLine(left: string, help: string): string {
  return `  ${left.padEnd(FLAG_COLUMN)} ${help}`;
}

/** The flag with its value as the usage writes it: `--k N`, `--quiet`. */
function flagWithValue(key: keyof typeof ANALYZE_FLAGS): string {
  const spec: FlagSpec = ANALYZE_FLAGS[key];
  return spec.value === undefined ? flagOf(key) : `${flagOf(key)} ${spec.value}`;
}

export const ANALYZE_USAGE = [
  'usage: segment-report analyze FILE [options]   (analyse works too)',
  usageLine('FILE', 'a .csv or .csv.gz transaction log or customer table'),
  ...FLAG_KEYS.map((key) => usageLine(flagWithValue(key), ANALYZE_FLAGS[key].help)),
].join('\n');

/**
 * How the command line sets the option an input error names: "pass --date-format DD/MM/YYYY or --date-format
 * MM/DD/YYYY". The engine's message says what is wrong; this says which flag fixes it.
 */
export function flagAdvice(option: InputOption): string {
  return `pass ${INPUT_OPTION_VALUES[option].map((value) => `${flagOf(option)} ${value}`).join(' or ')}`;
}
