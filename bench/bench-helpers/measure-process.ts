// One whole child process measured under GNU time: its wall time seen from here, its peak resident set size and
// what it printed. The benchmark's unit of measurement (both programs are compared as whole processes).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GNU_TIME, gnuTimeArgs, KIB_PER_MB, parseTimeReport } from '../../tools/gnu-time.ts';
import { projectRoot } from './paths.ts';

/** What one whole child process cost: wall time seen from here and its peak resident set size. */
export interface ProcessMeasurement {
  wallSeconds: number;
  peakRssMb: number;
  stdout: string;
}

const STDERR_TAIL_CHARS = 2_000;

/**
 * Runs `command args` to completion under GNU time (`-f %M`, written to a file so the child's own stderr
 * stays apart) and returns its wall time and peak RSS; throws with the child's stderr when it fails.
 */
export async function measureProcess(command: string, args: readonly string[]): Promise<ProcessMeasurement> {
  const scratch = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const timeReport = join(scratch, 'time.txt');
  try {
    const startedAt = process.hrtime.bigint();
    const { exitCode, stdout, stderr } = await runToCompletion(
      GNU_TIME,
      gnuTimeArgs(timeReport, command, args),
    );
    const wallSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    if (exitCode !== 0) {
      const shown = [command, ...args].join(' ');
      throw new Error(`"${shown}" exited with ${exitCode}: ${stderr.slice(-STDERR_TAIL_CHARS).trim()}`);
    }
    return {
      wallSeconds,
      peakRssMb: parsePeakRssKib(await readFile(timeReport, 'utf8')) / KIB_PER_MB,
      stdout,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The peak RSS in KiB of a `time -f %M` report; throws on a report without one. */
function parsePeakRssKib(report: string): number {
  const { peakKib } = parseTimeReport(report);
  if (peakKib === undefined) throw new Error(`unexpected GNU time report: "${report}"`);
  return peakKib;
}

/** Runs `command args` from the project root, keeping all of stdout and the tail of stderr. */
function runToCompletion(
  command: string,
  args: readonly string[],
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ exitCode: code ?? (signal === null ? 1 : 128), stdout, stderr }),
    );
  });
}
