/**
 * Runs the command line as a separate process under GNU time (`/usr/bin/time -f %M -o FILE`) and reports what
 * the whole process cost: its exit, its output, its wall time seen from here and its peak resident set size.
 * A watchdog ends (SIGKILL, to the CLI process only, by its id) a run that goes far past the budgets the tests
 * assert, so that a defect shows up as a failed case with its figures rather than as a hung or swapping suite.
 * Linux only (GNU time, /proc), as the benchmark is.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './run-cli.ts';

/** GNU time (Debian package `time`, see scripts/ensure-system-packages.sh). */
export const GNU_TIME = '/usr/bin/time';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAIN = join(REPO_ROOT, 'lambda', 'cli', 'main.ts');

/** Output kept of each stream (the rest is counted, not kept): a runaway error message must not fill memory. */
const KEPT_OUTPUT_CHARS = 256 * 1024;
const KIB_PER_MB = 1024;
const WATCH_INTERVAL_MS = 200;
/** After killing the CLI, how long GNU time gets to write its report before it is killed too. */
const REPORT_GRACE_MS = 5_000;

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
  /** The arguments after `node main.ts`. */
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
  /** Peak RSS of the CLI process from GNU time; undefined when GNU time wrote no report. */
  peakRssMb: number | undefined;
  /** The highest RSS the watchdog saw (sampled every 200 ms): a fallback when GNU time could not report. */
  sampledPeakRssMb: number;
}

/** Runs `node --import tsx lambda/cli/main.ts ...args` under GNU time, watched; never rejects for the CLI's sake. */
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
  const child = spawn(
    GNU_TIME,
    ['-f', '%M', '-o', reportPath, process.execPath, '--import', TSX_LOADER, MAIN, ...args],
    { cwd, env: { ...environment, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stdout = capture(child.stdout);
  const stderr = capture(child.stderr);

  let killedFor: MeasuredRun['killedFor'];
  let sampledPeakKib = 0;
  let cliPid: number | undefined;
  const killCli = (reason: NonNullable<MeasuredRun['killedFor']>): void => {
    if (killedFor !== undefined) return;
    killedFor = reason;
    const target = cliPid ?? childPidOf(child.pid);
    // Only while it is still GNU time's child: never a process that reused the id.
    if (target !== undefined && parentPidOf(target) === child.pid) signalQuietly(target, 'SIGKILL');
    // GNU time writes its report once the CLI is gone; if it cannot, it goes too (by its own id).
    setTimeout(() => signalQuietly(child.pid, 'SIGKILL'), REPORT_GRACE_MS).unref();
  };
  const watchdog = setInterval(() => {
    cliPid ??= childPidOf(child.pid);
    const rssKib = cliPid === undefined ? undefined : residentKib(cliPid);
    if (rssKib !== undefined) sampledPeakKib = Math.max(sampledPeakKib, rssKib);
    if (rssKib !== undefined && rssKib > killAboveKib) killCli('memory');
  }, WATCH_INTERVAL_MS);
  const deadline = setTimeout(() => killCli('wall time'), killAfterMs);

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal }));
    },
  ).finally(() => {
    clearInterval(watchdog);
    clearTimeout(deadline);
  });
  const wallSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const report = await readFile(reportPath, 'utf8').catch(() => '');
  await rm(reportDir, { recursive: true, force: true });
  const timeReport = parseTimeReport(report);
  return {
    args,
    cwd,
    code: timeReport.signal !== null ? null : (timeReport.code ?? exit.code),
    signal: timeReport.signal ?? (exit.signal === null ? null : `${exit.signal} (of GNU time)`),
    killedFor,
    stdout: await stdout,
    stderr: await stderr,
    wallSeconds,
    peakRssMb: timeReport.peakKib === undefined ? undefined : timeReport.peakKib / KIB_PER_MB,
    sampledPeakRssMb: sampledPeakKib / KIB_PER_MB,
  };
}

/**
 * GNU time's report: the last line is %M (KiB); an earlier line says "Command exited with non-zero status N" or
 * "Command terminated by signal N". An exit of 0 leaves only the number.
 */
export function parseTimeReport(report: string): {
  peakKib: number | undefined;
  code: number | undefined;
  signal: string | null;
} {
  const lines = report.trim().split('\n');
  const last = lines.at(-1) ?? '';
  const peakKib = /^\d+$/.test(last) ? Number(last) : undefined;
  const exited = /exited with non-zero status (\d+)/.exec(report);
  const terminated = /terminated by signal (\d+)/.exec(report);
  return {
    peakKib,
    code: exited ? Number(exited[1]) : peakKib !== undefined && !terminated ? 0 : undefined,
    signal: terminated ? `signal ${terminated[1]}` : null,
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
  return `${ending} in ${run.wallSeconds.toFixed(1)} s, peak ${peakText}${shown ? `: ${shown}` : ''}${moreLines}`;
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

/** The first child of a process (GNU time's child is the CLI), from /proc. */
function childPidOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    const first = Number(children.split(/\s+/)[0]);
    return children !== '' && Number.isInteger(first) ? first : undefined;
  } catch {
    return undefined;
  }
}

/** VmRSS of a process in KiB, from /proc; undefined once it is gone. */
function residentKib(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function signalQuietly(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** The parent of a process, from /proc; undefined once it is gone. */
function parentPidOf(pid: number): number | undefined {
  try {
    // `pid (name) state ppid ...`: the name may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}
