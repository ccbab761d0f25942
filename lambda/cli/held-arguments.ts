/**
 * Parses the arguments of `release`, `discard` and `held` with their flags tables (held-usage.ts), the way
 * analyze-arguments.ts does for `analyze`: node:util parseArgs reads the tokens, each is checked so that each
 * mistake gets one line naming the flag (an unknown one with the closest known one), and RUN must be a run name.
 */
import { parseArgs } from 'node:util';
import { isRunName } from '../delivery/archive-layout.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import { HELD_COMMAND_FLAGS, type HeldCommand, type HeldFlagSpec } from './held-usage.ts';
import { closestName } from './suggest.ts';

/** Where the bucket and the configuration come from, when a flag says. */
import type { BucketFlags } from '../handlers/command-line-context.ts';

export type { BucketFlags };

export interface DecisionArguments extends BucketFlags {
  run: string;
  by?: string | undefined;
  reason?: string | undefined;
}

export interface HeldListArguments extends BucketFlags {
  json: boolean;
}

/** `release RUN ...` or `discard RUN ...`: a discard must say why. */
export function parseDecisionArguments(
  command: 'release' | 'discard',
  args: readonly string[],
): DecisionArguments {
  const { values, positionals } = readFlags(command, args);
  const parsed: DecisionArguments = {
    run: runOf(command, positionals),
    by: text(values.by),
    reason: text(values.reason),
    config: text(values.config),
    bucket: text(values.bucket),
  };
  if (command === 'discard' && (parsed.reason === undefined || parsed.reason.trim() === '')) {
    throw new InvalidOptionError(
      'discard: --reason TEXT is required: say why the report is not sent (it is kept in the record)',
    );
  }
  return parsed;
}

/** `held [--json] ...`: no RUN. */
export function parseHeldListArguments(args: readonly string[]): HeldListArguments {
  const { values, positionals } = readFlags('held', args);
  if (positionals.length > 0) {
    throw new InvalidOptionError(
      `held: takes no RUN, got ${JSON.stringify(positionals[0])}; see segment-report held --help`,
    );
  }
  return { json: values.json === true, config: text(values.config), bucket: text(values.bucket) };
}

function text(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The one RUN, checked as a run name (letters, digits, `-` and `_`). */
function runOf(command: HeldCommand, positionals: readonly string[]): string {
  const [run] = positionals;
  if (positionals.length !== 1 || run === undefined) {
    const got = positionals.length === 0 ? 'got none' : `got ${positionals.length}`;
    throw new InvalidOptionError(
      `${command}: expected exactly one RUN, ${got}; usage: segment-report ${command} RUN (see --help)`,
    );
  }
  if (!isRunName(run)) {
    throw new InvalidOptionError(
      `${command}: RUN ${JSON.stringify(run.slice(0, 80))} is not a run name ` +
        '(letters, digits, - and _, as the data team notice names it: 2026-W47)',
    );
  }
  return run;
}

/**
 * The command's flags and positionals, every token checked: a flag of the command's table, a value when it takes
 * one (not empty, not another flag) and none when it is a switch. The last of a repeated flag wins.
 */
function readFlags(
  command: HeldCommand,
  args: readonly string[],
): { values: Record<string, string | true>; positionals: string[] } {
  const table: Record<string, HeldFlagSpec> = HELD_COMMAND_FLAGS[command];
  const { positionals, tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(
      Object.entries(table).map(([name, spec]) => [
        name,
        { type: spec.value === undefined ? ('boolean' as const) : ('string' as const) },
      ]),
    ),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: Record<string, string | true> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const raw = args[token.index] ?? token.rawName;
    const spec = token.rawName.startsWith('--') ? table[token.name] : undefined;
    if (spec === undefined) throw new InvalidOptionError(`${command}: ${unknownOption(command, raw, table)}`);
    const flag = `--${token.name}`;
    if (spec.value === undefined) {
      if (token.inlineValue) throw new InvalidOptionError(`${command}: ${flag}: takes no value`);
      values[token.name] = true;
      continue;
    }
    const wanted = `${flag} ${spec.value}`;
    if (token.value === undefined || token.value.trim() === '') {
      throw new InvalidOptionError(`${command}: ${flag}: needs a value (${wanted})`);
    }
    const [valueFlag = ''] = token.value.split('=');
    if (!token.inlineValue && valueFlag.startsWith('--') && Object.hasOwn(table, valueFlag.slice(2))) {
      throw new InvalidOptionError(
        `${command}: ${flag}: needs a value (${wanted}), got the option ${valueFlag}`,
      );
    }
    values[token.name] = token.value;
  }
  return { values, positionals };
}

/** `unknown option --resaon; did you mean --reason?` */
function unknownOption(command: HeldCommand, raw: string, table: Record<string, HeldFlagSpec>): string {
  const [written = raw] = raw.split('=');
  const suggestion = closestName(written.replace(/^-+/, ''), Object.keys(table));
  const advice =
    suggestion === undefined ? `see segment-report ${command} --help` : `did you mean --${suggestion}?`;
  return `unknown option ${written}; ${advice}`;
}
