/**
 * Parses the arguments of `analyze` (and of `start`, on its own file) with the options table: node:util parseArgs
 * reads the flags the table declares, each token is checked so that each mistake gets its own line, and the
 * table's zod schemas check and type the values. Anything wrong is an InvalidOptionError naming the option.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InvalidOptionError } from '../errors/input-errors.ts';
import { ANALYZE_FLAGS, AnalyzeArguments, type FlagSpec } from './analyze-flags.ts';
import { FLAG_KEYS, type FlagKey, flagOf, isFlagKey, nameOf } from './flag-names.ts';
import { USAGE_HINT } from './analyze-usage.ts';
import { outputsOf } from './flag-destinations.ts';
import { checkOutputPaths } from './output-files.ts';
import { closestName } from './suggest.ts';
import { checkScoreArguments, refuseOutputsOverModel } from './score-arguments.ts';

/** Which command the arguments are for: `analyze FILE ...`, or `start ...` on a FILE of its own (the sample). */
export interface ArgumentsOf {
  command: 'analyze' | 'start' | 'score';
  /** The file `start` analyses: no FILE may then be given. */
  file?: string | undefined;
}

/** How parseArgs reads one flag. */
type ParseArgsOptionConfig = NonNullable<ParseArgsConfig['options']>[string];

/** Each flag's key by its name as typed: `time-zone` is `timeZone`. */
const KEY_OF_NAME = new Map(FLAG_KEYS.map((key) => [nameOf(key), key]));

/** The flags as node:util parseArgs reads them: a switch is a boolean, any other flag takes a string. */
const PARSE_ARGS_OPTIONS = Object.fromEntries(
  FLAG_KEYS.map((key): [string, ParseArgsOptionConfig] => [
    nameOf(key),
    { type: isSwitch(key) ? 'boolean' : 'string' },
  ]),
);

function isSwitch(key: FlagKey): boolean {
  const spec: FlagSpec = ANALYZE_FLAGS[key];
  return spec.value === undefined;
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
  const result = AnalyzeArguments.safeParse({ file: fileOf(positionals, of), ...values });
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const flag = isFlagKey(key) ? flagOf(key) : `--${key}`;
    throw new InvalidOptionError(`${of.command}: ${flag}: ${issue?.message ?? 'invalid'}`);
  }
  const outputs = outputsOf(result.data).filter(
    ([flag]) => of.command !== 'score' || flag !== flagOf('model'),
  );
  if (of.command === 'score') {
    checkScoreArguments(result.data);
    refuseOutputsOverModel(outputs, result.data.model ?? '');
  }
  checkOutputPaths(outputs, result.data.file);
  return result.data;
}

/** The flags' values as given, before their schemas check them: a string, or true for a switch. */
type FlagValues = Partial<Record<FlagKey, string | true>>;

/** What readFlag needs of a parseArgs option token. */
interface OptionToken {
  name: string;
  rawName: string;
  value?: string | undefined;
  inlineValue?: boolean | undefined;
}

/**
 * The flags and positionals, every token checked first so that each mistake gets its own line: an unknown flag
 * (with the closest known one), a flag without its value, a value given to a switch. The last of a repeated flag
 * wins.
 */
function readFlags(args: readonly string[], command: string): { values: FlagValues; positionals: string[] } {
  const { positionals, tokens } = parseArgs({
    args: [...args],
    options: PARSE_ARGS_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: FlagValues = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const [key, value] = readFlag(token, args[token.index] ?? token.rawName, command);
    values[key] = value;
  }
  return { values, positionals };
}

/** One flag checked: one the table declares, with a value when it takes one and none when it is a switch. */
function readFlag(token: OptionToken, raw: string, command: string): [FlagKey, string | true] {
  const key = token.rawName.startsWith('--') ? KEY_OF_NAME.get(token.name) : undefined;
  if (key === undefined) throw new InvalidOptionError(`${command}: ${unknownOption(raw)}`);
  const flag = flagOf(key);
  const spec: FlagSpec = ANALYZE_FLAGS[key];
  if (spec.value === undefined) {
    if (token.inlineValue) throw new InvalidOptionError(`${command}: ${flag}: takes no value`);
    return [key, true];
  }
  const wanted = `${flag} ${spec.wanted ?? spec.value}`;
  if (token.value === undefined) {
    throw new InvalidOptionError(`${command}: ${flag}: needs a value (${wanted})`);
  }
  const [valueFlag = ''] = token.value.split('=');
  if (!token.inlineValue && valueFlag.startsWith('--') && KEY_OF_NAME.has(valueFlag.slice(2))) {
    throw new InvalidOptionError(
      `${command}: ${flag}: needs a value (${wanted}), got the option ${valueFlag}`,
    );
  }
  return [key, token.value];
}

/** `unknown option --date-fromat; did you mean --date-format?` */
function unknownOption(raw: string): string {
  const [written = raw] = raw.split('=');
  const suggestion = closestName(written.replace(/^-+/, ''), [...KEY_OF_NAME.keys()]);
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
