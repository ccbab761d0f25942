#!/usr/bin/env node
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../engine/errors.ts';
import { ANALYZE_USAGE, flagAdvice } from './analyze-arguments.ts';
import { runAnalyzeCommand } from './analyze-command.ts';

const USAGE = `usage: segment-report <command> [arguments]
commands:
  analyze FILE [options]   analyse a CSV and print a summary (--help for options)
  start                    run the main job on the bundled sample data (report in out/)

${ANALYZE_USAGE}`;

const SAMPLE_FILE = fileURLToPath(new URL('../../samples/online-retail-sample.csv.gz', import.meta.url));
/** Where `start` writes the report it renders (git-ignored). */
const OUT_DIR = 'out';

/** Runs one command; returns the exit code: 0 done, 2 bad input or usage, 1 our failure. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  const io = {
    stdout: (text: string) => process.stdout.write(text),
    stderr: process.stderr,
    now: new Date(),
  };
  try {
    switch (command) {
      case 'analyze':
        if (args.includes('--help')) return printUsage(0);
        await runAnalyzeCommand(args, io);
        return 0;
      case 'start': {
        // The sample is a UK shop's: its amounts are in pounds.
        await mkdir(OUT_DIR, { recursive: true });
        const html = join(OUT_DIR, 'report.html');
        const text = join(OUT_DIR, 'report.txt');
        await runAnalyzeCommand(
          [SAMPLE_FILE, '--currency', 'GBP', '--html', html, '--text', text, ...args],
          io,
        );
        io.stdout(`Email preview written to ${html} and ${text}\n`);
        return 0;
      }
      case undefined:
      case '--help':
      case 'help':
        return printUsage(command === undefined ? 2 : 0);
      default:
        process.stderr.write(`segment-report: unknown command "${command}"\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof InputError) {
      const advice = error.option === undefined ? '' : `; ${flagAdvice(error.option)}`;
      process.stderr.write(`segment-report: ${error.message}${advice}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`segment-report: internal error: ${message}\n`);
    return 1;
  }
}

function printUsage(code: number): number {
  (code === 0 ? process.stdout : process.stderr).write(`${USAGE}\n`);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
