/**
 * A clock the tests move: `sleep` advances it at once (so a run that waits for a claim waits in no real time),
 * `set` jumps to a moment (Lambda's retry a minute later), `onSleep` does something on the n-th sleep.
 */
import type { RunLogger } from '../../lambda/delivery/ports.ts';
import type { RunClock } from '../../lambda/delivery/run-clock.ts';

export class FakeClock {
  sleeps = 0;
  private moment: number;
  private readonly actions = new Map<number, () => Promise<unknown>>();

  constructor(start: Date) {
    this.moment = start.getTime();
  }

  now(): Date {
    return new Date(this.moment);
  }

  set(moment: Date): void {
    this.moment = moment.getTime();
  }

  async sleep(milliseconds: number): Promise<void> {
    this.sleeps += 1;
    this.moment += milliseconds;
    await this.actions.get(this.sleeps)?.();
  }

  onSleep(count: number, action: () => Promise<unknown>): void {
    this.actions.set(count, action);
  }

  /** The clock of one invocation starting now, with `timeoutMs` before it is killed (on this clock). */
  forInvocation(timeoutMs: number): RunClock {
    const deadline = new Date(this.moment + timeoutMs);
    return {
      now: () => this.now(),
      sleep: (milliseconds) => this.sleep(milliseconds),
      deadline,
      remainingMs: () => deadline.getTime() - this.moment,
    };
  }
}

export const SILENT_LOGGER: RunLogger = { info: () => {}, warn: () => {}, error: () => {} };
