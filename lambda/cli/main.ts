#!/usr/bin/env node
// The command line: dispatches a command, and turns what went wrong into one line and an exit code.
import { existsSync } from 'node:fs';
import { EXIT_CODES, faultOf, messageOf } from '../errors/segment-report-error.ts';
import { isInputOption } from '../engine/input/input-options.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYZE_USAGE, flagAdvice, USAGE_HINT } from './analyze-usage.ts';
import { type CommandIo, runAnalyzeCommand } from './analyze-command.ts';
import { closestName } from './suggest.ts';
import { InputError } from '../errors/input-errors.ts';
import { HELD_USAGE, heldCommandUsage } from './held-usage.ts';

const USAGE = `usage: segment-report <command> [arguments]
commands:
  analyze FILE [options]   analyse a CSV and print a summary (analyse works too)
  score FILE --model PATH  put a file's customers into a saved segmentation's clusters, without refitting
                           (analyze FILE --model PATH saves one; the other options are analyze's)
  start                    run the main job on the bundled sample data (report in out/)
  held                     list the held reports (checks failed, not sent) and what became of them
  release RUN              send a held report to the executives, once
  discard RUN --reason T   record that a held report is not to be sent, and why
  help                     print this help (also --help, -h, and after any command)

${ANALYZE_USAGE}

${HELD_USAGE}`;

const COMMANDS = ['analyze', 'analyse', 'score', 'start', 'held', 'release', 'discard', 'help'];
const HELP_FLAGS = new Set(['--help', '-h']);

const SAMPLE_FILE = fileURLToPath(new URL('../../samples/online-retail-sample.csv.gz', import.meta.url));
/** Where `start` writes the report it renders (git-ignored). */
const OUT_DIR = 'out';

/**
 * Runs one command; returns the exit code: 0 done, 2 bad input or usage (exactly one line on stderr, naming the
 * file or the option), 1 our failure (one line too, never a stack trace).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  const io = {
    stdout: (text: string) => process.stdout.write(text),
    stderr: process.stderr,
    now: new Date(),
    reportWorker: bundledReportWorker(),
  };
  try {
    switch (command) {
      case 'analyze':
      case 'analyse':
        if (asksForHelp(args)) return printUsage();
        await runAnalyzeCommand(args, io);
        return 0;
      case 'score':
        if (asksForHelp(args)) return printUsage();
        await runAnalyzeCommand(args, io, { command: 'score' });
        return 0;
      case 'start':
        if (asksForHelp(args)) return printUsage();
        await runStart(args, io);
        return 0;
      case 'held':
      case 'release':
      case 'discard': {
        if (asksForHelp(args)) return printUsage(heldCommandUsage(command));
        // Loaded on demand: the AWS SDK it brings is no part of `analyze`'s start-up.
        const { runHeldCommand } = await import('./held-commands.ts');
        await runHeldCommand(command, args, {
          stdout: io.stdout,
          stderr: (text) => process.stderr.write(text),
        });
        return 0;
      }
      case '--help':
      case '-h':
      case 'help':
        return printUsage();
      case undefined:
        return fail(`expected a command; ${USAGE_HINT}`);
      default:
        return fail(unknownCommand(command));
    }
  } catch (error) {
    const fault = faultOf(error);
    const message = fault === 'input' ? withFlagAdvice(error) : `internal error: ${messageOf(error)}`;
    process.stderr.write(`segment-report: ${oneLine(message)}\n`);
    return EXIT_CODES[fault];
  }
}

/** `start`: the main job on the bundled sample, its email preview written under out/. */
async function runStart(args: readonly string[], io: CommandIo): Promise<void> {
  // The sample is a UK shop's: its amounts are in pounds.
  await mkdir(OUT_DIR, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`start: ${OUT_DIR}: cannot create the folder (${error.code ?? 'error'})`);
  });
  const html = join(OUT_DIR, 'report.html');
  const text = join(OUT_DIR, 'report.txt');
  await runAnalyzeCommand(['--currency', 'GBP', '--html', html, '--text', text, ...args], io, {
    command: 'start',
    file: SAMPLE_FILE,
  });
  io.stdout(`Email preview written to ${html} and ${text}\n`);
}

/** An input error's message, with the flag that sets the input option it names (`; pass --date-format ...`). */
function withFlagAdvice(error: unknown): string {
  const namesInputOption = error instanceof InputError && isInputOption(error.option);
  return namesInputOption ? `${error.message}; ${flagAdvice(error.option)}` : messageOf(error);
}

/** `--help` or `-h` among a command's arguments (before a `--`, after which everything is a FILE). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

function unknownCommand(command: string): string {
  const suggestion = closestName(command, COMMANDS);
  if (suggestion !== undefined)
    return `unknown command ${JSON.stringify(command)}; did you mean ${suggestion}?`;
  if (/\.(csv|gz|txt|tsv)$/i.test(command) || command.includes('/')) {
    return `unknown command ${JSON.stringify(command)}; to analyse a file: segment-report analyze ${command}`;
  }
  return `unknown command ${JSON.stringify(command)}; ${USAGE_HINT}`;
}

/** Exit 2 with one line on stderr. */
function fail(message: string): number {
  process.stderr.write(`segment-report: ${oneLine(message)}\n`);
  return EXIT_CODES.input;
}

/**
 * A message as one line of plain text: a line break or a terminal escape taken from the input (a header, a file
 * name, a flag's value) is shown escaped, never acted upon.
 */
function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
    const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return escapes[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function printUsage(usage: string = USAGE): number {
  process.stdout.write(`${usage}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

/**
 * The report thread's script when this runs bundled (dist/report-worker.mjs beside dist/cli.mjs, which is this
 * module); none from the sources, where the report renders in the main thread.
 */
function bundledReportWorker(): URL | undefined {
  const worker = new URL('./report-worker.mjs', import.meta.url);
  return existsSync(fileURLToPath(worker)) ? worker : undefined;
}
