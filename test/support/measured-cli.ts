/**
 * Runs the command line as a separate process under GNU time (`/usr/bin/time -f %M -o FILE`) and reports what
 * the whole process cost: its exit, its output, its wall time seen from here and its peak resident set size.
 * A watchdog (cli-watchdog.ts) ends a run that goes far past the budgets the tests assert.
 * Linux only (GNU time, /proc), as the benchmark is.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GNU_TIME, gnuTimeArgs, KIB_PER_MB, parseTimeReport } from '../../tools/gnu-time.ts';
import { watchCli } from './cli-watchdog.ts';
import { REPO_ROOT, bundledCli } from './run-cli.ts';

/** Output kept of each stream (the rest is counted, not kept): a runaway error message must not fill memory. */
const KEPT_OUTPUT_CHARS = 256 * 1024;

export interface MeasureOptions {
  /** Working directory of the CLI (default: the repository root, as `npm run cli`). */
  cwd?: string;
  /** Kill the CLI after this many seconds (default 120). */
  killAfterSeconds?: number;
  /** Kill the CLI once its resident set goes above this many MB (default 3072). */
  killAboveMb?: number;
}

/** One stream of the child: the start of its text, and how much there was in all. */
export interface CapturedOutput {
  /** The first KEPT_OUTPUT_CHARS characters. */
  text: string;
  totalChars: number;
  /** Line feeds in the whole stream. */
  lineFeeds: number;
}

export interface MeasuredRun {
  /** The arguments after the CLI (`node dist/cli.mjs`). */
  args: readonly string[];
  cwd: string;
  /** The CLI's exit code; null when a signal ended it. */
  code: number | null;
  /** The signal that ended the CLI (SIGKILL when the watchdog did). */
  signal: string | null;
  /** Why the watchdog killed the CLI, when it did. */
  killedFor: 'wall time' | 'memory' | undefined;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
  wallSeconds: number;
  /** User + system CPU seconds of the CLI process from GNU time; undefined when it wrote no report. */
  cpuSeconds: number | undefined;
  /** Peak RSS of the CLI process from GNU time; undefined when GNU time wrote no report. */
  peakRssMb: number | undefined;
  /** The highest RSS the watchdog saw (sampled every 200 ms): a fallback when GNU time could not report. */
  sampledPeakRssMb: number;
}

/**
 * Runs the bundled CLI (`node dist/cli.mjs ...args`, what `segment-report` runs) under GNU time, watched; never
 * rejects for the CLI's sake. The bundle, not tsx: a budget bounds the command users run (from source through tsx
 * the same work took 65 s of CPU where the bundle took 51 s, 2M customers).
 */
export async function runMeasuredCli(
  args: readonly string[],
  options: MeasureOptions = {},
): Promise<MeasuredRun> {
  const cwd = options.cwd ?? REPO_ROOT;
  const killAfterMs = (options.killAfterSeconds ?? 120) * 1000;
  const killAboveKib = (options.killAboveMb ?? 3072) * KIB_PER_MB;
  const reportDir = await mkdtemp(join(tmpdir(), 'measured-cli-'));
  const reportPath = join(reportDir, 'time.txt');
  // NODE_OPTIONS of the test runner would load its hooks into the product's process and its figures.
  const { NODE_OPTIONS: _runnerOptions, ...environment } = process.env;
  const startedAt = process.hrtime.bigint();
  const child = spawn(GNU_TIME, gnuTimeArgs(reportPath, process.execPath, [...bundledCli(), ...args]), {
    cwd,
    env: { ...environment, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = capture(child.stdout);
  const stderr = capture(child.stderr);

  const watchdog = watchCli(child, { killAfterMs, killAboveKib });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal }));
    },
  ).finally(() => watchdog.stop());
  const wallSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const report = await readFile(reportPath, 'utf8').catch(() => '');
  await rm(reportDir, { recursive: true, force: true });
  const timeReport = parseTimeReport(report);
  return {
    args,
    cwd,
    code: timeReport.signal !== null ? null : (timeReport.code ?? exit.code),
    signal: timeReport.signal ?? (exit.signal === null ? null : `${exit.signal} (of GNU time)`),
    killedFor: watchdog.killedFor,
    stdout: await stdout,
    stderr: await stderr,
    wallSeconds,
    cpuSeconds: timeReport.cpuSeconds,
    peakRssMb: timeReport.peakKib === undefined ? undefined : timeReport.peakKib / KIB_PER_MB,
    sampledPeakRssMb: watchdog.sampledPeakKib / KIB_PER_MB,
  };
}

/** sha256 of a file, streamed (the inputs go up to hundreds of MB). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One line about a run for failure messages and summaries: exit, time, memory, the start of stderr. */
export function describeRun(run: MeasuredRun): string {
  const ending =
    run.killedFor !== undefined
      ? `killed for ${run.killedFor}`
      : run.code !== null
        ? `exit ${run.code}`
        : `ended by ${run.signal ?? 'unknown'}`;
  const peak = run.peakRssMb ?? run.sampledPeakRssMb;
  const peakText = `${Math.round(peak)} MB${run.peakRssMb === undefined ? ' (sampled)' : ''}`;
  const firstLine = run.stderr.text.split('\n').find((line) => line.trim() !== '') ?? '';
  const shown =
    firstLine.length > 300 ? `${firstLine.slice(0, 300)}... (${firstLine.length} chars)` : firstLine;
  const moreLines = run.stderr.lineFeeds > 1 ? ` [+${run.stderr.lineFeeds - 1} more stderr lines]` : '';
  const cpu = run.cpuSeconds === undefined ? '' : ` (${run.cpuSeconds.toFixed(1)} s CPU)`;
  return `${ending} in ${run.wallSeconds.toFixed(1)} s${cpu}, peak ${peakText}${shown ? `: ${shown}` : ''}${moreLines}`;
}

/** Runs `task`s at most `limit` at a time (each test file's own limit: every CLI run is a whole process). */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

function capture(stream: NodeJS.ReadableStream): Promise<CapturedOutput> {
  return new Promise((resolve, reject) => {
    let text = '';
    let totalChars = 0;
    let lineFeeds = 0;
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      totalChars += chunk.length;
      for (let at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', at + 1)) lineFeeds++;
      if (text.length < KEPT_OUTPUT_CHARS) text += chunk.slice(0, KEPT_OUTPUT_CHARS - text.length);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ text, totalChars, lineFeeds }));
  });
}
