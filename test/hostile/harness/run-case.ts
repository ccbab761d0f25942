// Running one hostile case: `analyze` as its own process under GNU time with every output asked for, within the
// product's budgets (60 s of CPU, 1 GB peak RSS: limits of a promise, not timing benchmarks), its input files left
// byte for byte as they were. CPU time, not wall time: the suite runs on shared machines, where load stretches a
// run's wall time (a 2M-customer case took 60.6 s on a loaded machine) but not the work it does.
import { basename, isAbsolute, join } from 'node:path';
import { type MeasuredRun, runMeasuredCli, sha256File } from '../../support/measured-cli.ts';

/** The product's promise for any input: these are asserted, with a wide margin below the watchdog's kill. */
export const BUDGET = { cpuSeconds: 60, peakRssMb: 1024 } as const;
/** Where the watchdog ends a run (twice the budgets): far enough to show by how much a case misses them. */
export const KILL_AT = { seconds: 120, mb: 3072 } as const;

/** The output files a case asks for (absolute, or relative to the run's cwd). */
export interface Outputs {
  json?: string;
  customers?: string;
  html?: string;
  text?: string;
}

/** `--json DIR/out.json --customers DIR/customers.csv --html DIR/report.html --text DIR/report.txt`. */
export function allOutputs(dir: string): Required<Outputs> {
  return {
    json: join(dir, 'out.json'),
    customers: join(dir, 'customers.csv'),
    html: join(dir, 'report.html'),
    text: join(dir, 'report.txt'),
  };
}

/** The flags that ask for `outputs`. */
export function outputFlags(outputs: Outputs): string[] {
  return Object.entries(outputs).flatMap(([kind, path]) => (path === undefined ? [] : [`--${kind}`, path]));
}

export interface CaseRun {
  run: MeasuredRun;
  /** Budget and input problems, found whatever the exit. */
  problems: string[];
}

/**
 * Runs `analyze ...args` (or `command ...args`: `score`) measured, with the sha256 of every file in `inputs` taken
 * before and after: a budget overrun, a kill or a changed input is a problem.
 */
export async function runCase(
  args: readonly string[],
  {
    inputs,
    cwd,
    command = 'analyze',
  }: { inputs: readonly string[]; cwd?: string; command?: 'analyze' | 'score' },
): Promise<CaseRun> {
  const resolved = inputs.map((path) => (isAbsolute(path) || cwd === undefined ? path : join(cwd, path)));
  const before = await Promise.all(resolved.map(sha256File));
  const run = await runMeasuredCli([command, ...args], {
    ...(cwd === undefined ? {} : { cwd }),
    killAfterSeconds: KILL_AT.seconds,
    killAboveMb: KILL_AT.mb,
  });
  const after = await Promise.all(resolved.map((path) => sha256File(path).catch(() => 'gone')));
  const problems: string[] = [];
  if (run.killedFor !== undefined) problems.push(`killed by the watchdog for ${run.killedFor}`);
  if (run.cpuSeconds === undefined) problems.push('GNU time wrote no CPU time');
  if ((run.cpuSeconds ?? 0) > BUDGET.cpuSeconds) {
    problems.push(
      `took ${(run.cpuSeconds ?? 0).toFixed(1)} s of CPU (${run.wallSeconds.toFixed(1)} s wall), over the ` +
        `${BUDGET.cpuSeconds} s budget`,
    );
  }
  const peak = run.peakRssMb ?? run.sampledPeakRssMb;
  if (run.peakRssMb === undefined) problems.push('GNU time wrote no peak RSS report');
  if (peak > BUDGET.peakRssMb) {
    problems.push(`peak RSS ${Math.round(peak)} MB, over the ${BUDGET.peakRssMb} MB budget`);
  }
  resolved.forEach((path, index) => {
    if (after[index] !== before[index]) problems.push(`input ${basename(path)} changed (sha256 differs)`);
  });
  return { run, problems };
}
