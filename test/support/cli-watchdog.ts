/**
 * The watchdog of a measured CLI run (measured-cli.ts): it samples the CLI's resident set every 200 ms from /proc
 * and ends it (SIGKILL, to the CLI process only, by its id) once it goes far past the budgets the tests assert, so
 * that a defect shows up as a failed case with its figures rather than as a hung or swapping suite. Linux only.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

const WATCH_INTERVAL_MS = 200;
/** After killing the CLI, how long GNU time gets to write its report before it is killed too. */
const REPORT_GRACE_MS = 5_000;

/** A watch over the CLI that GNU time (`gnuTime`) runs as its child. */
export interface CliWatchdog {
  /** Why the watchdog killed the CLI, when it did. */
  readonly killedFor: 'wall time' | 'memory' | undefined;
  /** The highest RSS seen, KiB. */
  readonly sampledPeakKib: number;
  /** Stops watching (once GNU time has exited). */
  stop(): void;
}

/** Watches GNU time's child (the CLI): killed after `killAfterMs`, or once its RSS goes above `killAboveKib`. */
export function watchCli(
  gnuTime: ChildProcess,
  { killAfterMs, killAboveKib }: { killAfterMs: number; killAboveKib: number },
): CliWatchdog {
  let killedFor: CliWatchdog['killedFor'];
  let sampledPeakKib = 0;
  let cliPid: number | undefined;
  const killCli = (reason: NonNullable<CliWatchdog['killedFor']>): void => {
    if (killedFor !== undefined) return;
    killedFor = reason;
    const target = cliPid ?? childPidOf(gnuTime.pid);
    // Only while it is still GNU time's child: never a process that reused the id.
    if (target !== undefined && parentPidOf(target) === gnuTime.pid) signalQuietly(target, 'SIGKILL');
    // GNU time writes its report once the CLI is gone; if it cannot, it goes too (by its own id).
    setTimeout(() => signalQuietly(gnuTime.pid, 'SIGKILL'), REPORT_GRACE_MS).unref();
  };
  const sampler = setInterval(() => {
    cliPid ??= childPidOf(gnuTime.pid);
    const rssKib = cliPid === undefined ? undefined : residentKib(cliPid);
    if (rssKib !== undefined) sampledPeakKib = Math.max(sampledPeakKib, rssKib);
    if (rssKib !== undefined && rssKib > killAboveKib) killCli('memory');
  }, WATCH_INTERVAL_MS);
  const deadline = setTimeout(() => killCli('wall time'), killAfterMs);
  return {
    get killedFor() {
      return killedFor;
    },
    get sampledPeakKib() {
      return sampledPeakKib;
    },
    stop() {
      clearInterval(sampler);
      clearTimeout(deadline);
    },
  };
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
