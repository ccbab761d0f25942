/**
 * The flags of the held-report commands (issue 15: `release`, `discard`, `held`), each declared once with its value
 * and its help line, and the usage written from them. held-arguments.ts parses with the same tables, so a flag the
 * usage shows is a flag the parser knows.
 */
import { ENVIRONMENT_VARIABLES } from '../handlers/environment.ts';

export interface HeldFlagSpec {
  /** The value as the usage names it (`--by NAME`); none for a switch. */
  readonly value?: string;
  readonly help: string;
}

/** Where the bucket and the configuration come from: the functions' own variables unless a flag says otherwise. */
const BUCKET_FLAGS = {
  config: {
    value: 'FILE',
    help: `the job's configuration as JSON (default: the ${ENVIRONMENT_VARIABLES.config} variable)`,
  },
  bucket: { value: 'NAME', help: `the data bucket (default: the ${ENVIRONMENT_VARIABLES.bucket} variable)` },
} as const satisfies Record<string, HeldFlagSpec>;

const BY_FLAG = {
  value: 'NAME',
  help: 'who decides, as the record keeps it (default: your user name)',
} as const satisfies HeldFlagSpec;

export const HELD_COMMAND_FLAGS = {
  release: {
    by: BY_FLAG,
    reason: { value: 'TEXT', help: 'why it may go, kept in the record' },
    ...BUCKET_FLAGS,
  },
  discard: {
    reason: { value: 'TEXT', help: 'why it is not sent (required), kept in the record' },
    by: BY_FLAG,
    ...BUCKET_FLAGS,
  },
  held: {
    json: { help: 'print a JSON array instead of a table' },
    ...BUCKET_FLAGS,
  },
} as const satisfies Record<string, Record<string, HeldFlagSpec>>;

export type HeldCommand = keyof typeof HELD_COMMAND_FLAGS;
export const HELD_COMMANDS: readonly HeldCommand[] = ['release', 'discard', 'held'];

/** The most rows `held` prints: the newest held reports; it says how many more it left out. */
export const HELD_LIST_LIMIT = 200;

const SYNOPSIS: Record<HeldCommand, string> = {
  release: 'usage: segment-report release RUN [options]   send a held report to the executives, once',
  discard:
    'usage: segment-report discard RUN --reason TEXT [options]   record that a held report is not sent',
  held: `usage: segment-report held [options]   list the held reports (newest first, at most ${HELD_LIST_LIMIT})`,
};

const FLAG_COLUMN = 20;

function usageLine(left: string, help: string): string {
  return `  ${left.padEnd(FLAG_COLUMN)} ${help}`;
}

/** One command's usage: its synopsis, then one line a flag. */
export function heldCommandUsage(command: HeldCommand): string {
  const flags: Record<string, HeldFlagSpec> = HELD_COMMAND_FLAGS[command];
  const run =
    command === 'held' ? [] : [usageLine('RUN', 'the held run, as the data team notice names it (2026-W47)')];
  return [
    SYNOPSIS[command],
    ...run,
    ...Object.entries(flags).map(([name, spec]) =>
      usageLine(spec.value === undefined ? `--${name}` : `--${name} ${spec.value}`, spec.help),
    ),
  ].join('\n');
}

/** The three commands' usage, for the main help. */
export const HELD_USAGE = HELD_COMMANDS.map(heldCommandUsage).join('\n\n');
