// GNU time (Debian package `time`, see scripts/ensure-system-packages.sh) around a child process: the command
// line that has it write the child's peak resident set size to a file, and the reading of that file. The
// hostile-input tests and the benchmark both measure whole processes this way.

/** GNU time's path: it reports the child's peak resident set size (`%M`, KiB). */
export const GNU_TIME = '/usr/bin/time';
export const KIB_PER_MB = 1024;

/**
 * `time -f '%U %S\n%M' -o REPORT command ...args`: CPU seconds (user, system), then the peak RSS; the report goes
 * to a file, so the child's own stderr stays apart.
 */
export function gnuTimeArgs(reportPath: string, command: string, args: readonly string[]): string[] {
  return ['-f', '%U %S\n%M', '-o', reportPath, command, ...args];
}

/** What the report says: peak RSS, CPU seconds, and the child's exit code or the signal that ended it. */
export interface TimeReport {
  peakKib: number | undefined;
  /**
   * User + system CPU seconds of the child: what a run costs, which the load of a shared machine barely moves
   * (its wall time can double).
   */
  cpuSeconds: number | undefined;
  code: number | undefined;
  signal: string | null;
}

/**
 * GNU time's report: the last line is %M (KiB), the one before it `%U %S`; an earlier line says "Command exited with non-zero status N" or
 * "Command terminated by signal N". An exit of 0 leaves only the number.
 */
export function parseTimeReport(report: string): TimeReport {
  const lines = report.trim().split('\n');
  const last = lines.at(-1) ?? '';
  const peakKib = /^\d+$/.test(last) ? Number(last) : undefined;
  const cpu = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(lines.at(-2) ?? '');
  const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined;
  const exited = /exited with non-zero status (\d+)/.exec(report);
  const terminated = /terminated by signal (\d+)/.exec(report);
  return {
    peakKib,
    cpuSeconds,
    code: exited ? Number(exited[1]) : peakKib !== undefined && !terminated ? 0 : undefined,
    signal: terminated ? `signal ${terminated[1]}` : null,
  };
}
