// The report of a hostile test file: a table of its cases printed after them (verdict, exit, wall time, peak
// RSS, first problem), and the failure message of one case.
import { describeRun, type MeasuredRun } from '../../support/measured-cli.ts';

interface CaseResult {
  name: string;
  run: MeasuredRun | undefined;
  problems: string[];
}

const results: CaseResult[] = [];

/** Notes a case's outcome for the table printed after the file. */
export function recordResult(name: string, run: MeasuredRun | undefined, problems: readonly string[]): void {
  results.push({ name, run, problems: [...problems] });
}

/** The table of this file's cases: verdict, exit, CPU and wall time, peak RSS, and the first problem or message. */
export function resultsTable(title: string): string {
  const rows = results.map(({ name, run, problems }) => {
    const verdict = problems.length === 0 ? 'PASS' : 'FAIL';
    const exit =
      run === undefined ? '-' : run.killedFor ? `killed (${run.killedFor})` : String(run.code ?? run.signal);
    const cpu = run?.cpuSeconds === undefined ? '-' : `${run.cpuSeconds.toFixed(1)} s`;
    const wall = run === undefined ? '-' : `${run.wallSeconds.toFixed(1)} s`;
    const peak = run === undefined ? '-' : `${Math.round(run.peakRssMb ?? run.sampledPeakRssMb)} MB`;
    const message = run && run.code !== 0 ? firstStderrLine(run) : '';
    const detail = [problems.join('; ').slice(0, 400), message && `stderr: ${message}`]
      .filter(Boolean)
      .join(' / ');
    return `| ${name} | ${verdict} | ${exit} | ${cpu} | ${wall} | ${peak} | ${detail.replace(/\|/g, '\\|')} |`;
  });
  return [
    `${title}`,
    '| case | verdict | exit | CPU | wall | peak RSS | problems / stderr |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function firstStderrLine(run: MeasuredRun): string {
  const line = run.stderr.text.split('\n').find((text) => text.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

/** A failure message: the run in one line, then each problem. */
export function failureMessage(run: MeasuredRun, problems: readonly string[]): string {
  return [`analyze ${run.args.slice(1).join(' ').slice(0, 300)}`, describeRun(run), ...problems].join('\n  ');
}
