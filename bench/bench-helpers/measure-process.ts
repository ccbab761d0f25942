import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gnuTime, projectRoot } from './paths.ts';

/** What one whole child process cost: wall time seen from here and its peak resident set size. */
export interface ProcessMeasurement {
  wallSeconds: number;
  peakRssMb: number;
  stdout: string;
}

const STDERR_TAIL_CHARS = 2_000;
const KIB_PER_MB = 1024;

/**
 * Runs `command args` to completion under GNU time (`-f %M`, written to a file so the child's own stderr
 * stays apart) and returns its wall time and peak RSS; throws with the child's stderr when it fails.
 */
export async function measureProcess(command: string, args: readonly string[]): Promise<ProcessMeasurement> {
  const scratch = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const timeReport = join(scratch, 'time.txt');
  try {
    const startedAt = process.hrtime.bigint();
    const { exitCode, stdout, stderr } = await runToCompletion(gnuTime, [
      '-f',
      '%M',
      '-o',
      timeReport,
      command,
      ...args,
    ]);
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

/** The last line of a `time -f %M` report is the peak RSS in KiB (earlier lines note a non-zero exit). */
function parsePeakRssKib(report: string): number {
  const lastLine = report.trim().split('\n').at(-1) ?? '';
  const kib = Number(lastLine);
  if (lastLine === '' || !Number.isFinite(kib)) throw new Error(`unexpected GNU time report: "${report}"`);
  return kib;
}

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
