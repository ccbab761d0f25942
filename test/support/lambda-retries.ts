/**
 * Lambda's asynchronous invocation (S3 notifications, EventBridge Scheduler), replayed: when an attempt fails
 * (it throws, or runs past the function's timeout and is killed), Lambda runs the same event again, with the
 * same request id, about one minute later and then two minutes after that. Here each attempt gets the moment it
 * would run at, for the handler's injected clock, and an attempt is "killed" by abandoning its promise.
 */

import { FUNCTION_TIMEOUT_SECONDS } from '../../lambda/config/function-limits.ts';

/** What the handler is given: Lambda's context, as far as the handlers read it. */
export interface ReplayedContext {
  awsRequestId: string;
  /** Real milliseconds left before this attempt is abandoned. */
  getRemainingTimeInMillis(): number;
}

export type AttemptResult<T> = { attempt: number; at: Date } & (
  { status: 'returned'; outcome: T } | { status: 'threw'; error: unknown } | { status: 'abandoned' }
);

export interface ReplayOptions {
  /** The moment of the first attempt; the retries run at +1 and +3 minutes, as Lambda's do. */
  start: Date;
  /** Lambda keeps the request id across the retries of one event. */
  awsRequestId?: string;
  /** Retries after the first attempt: Lambda's default is 2 (`MaximumRetryAttempts`). */
  retries?: 0 | 1 | 2;
  /**
   * Real milliseconds an attempt may take before it is abandoned, as Lambda's timeout kills it: the deployed
   * function's timeout (the handlers plan with the remaining time, so a shorter one changes what they do).
   */
  timeoutMs?: number;
  /** Abandons the attempt as soon as this settles, e.g. a hang fault's `firstFired`: no waiting for the timeout. */
  abandonWhen?: (attempt: number) => Promise<unknown> | undefined;
  /** Runs before each retry: what changed in the minutes between (S3 back up, a fault disarmed). */
  beforeRetry?: (attempt: number) => void | Promise<void>;
}

const RETRY_OFFSETS_MINUTES = [0, 1, 3];

/**
 * Invokes `invoke` for the first attempt and, while attempts fail, for each retry; returns every attempt's
 * result, the last one `returned` unless all failed. An abandoned attempt's promise is left running (its
 * failure, when its requests end, is ignored): a killed Lambda's requests may still reach AWS.
 */
export async function replayAsyncInvocation<T>(
  invoke: (at: Date, context: ReplayedContext) => Promise<T>,
  options: ReplayOptions,
): Promise<AttemptResult<T>[]> {
  const {
    start,
    awsRequestId = 'async-invocation',
    retries = 2,
    timeoutMs = FUNCTION_TIMEOUT_SECONDS * 1000,
  } = options;
  const results: AttemptResult<T>[] = [];
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    if (attempt > 1) await options.beforeRetry?.(attempt);
    const at = new Date(start.getTime() + (RETRY_OFFSETS_MINUTES[attempt - 1] ?? 0) * 60_000);
    const startedMs = performance.now();
    const context: ReplayedContext = {
      awsRequestId,
      getRemainingTimeInMillis: () => Math.max(0, Math.round(timeoutMs - (performance.now() - startedMs))),
    };
    const result = await settleOrAbandon(
      Promise.resolve().then(() => invoke(at, context)),
      timeoutMs,
      options.abandonWhen?.(attempt),
    );
    results.push({ attempt, at, ...result });
    if (result.status === 'returned') break;
  }
  return results;
}

type Settled<T> =
  { status: 'returned'; outcome: T } | { status: 'threw'; error: unknown } | { status: 'abandoned' };

async function settleOrAbandon<T>(
  running: Promise<T>,
  timeoutMs: number,
  abandon: Promise<unknown> | undefined,
): Promise<Settled<T>> {
  const abandoned: Settled<T> = { status: 'abandoned' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const endings: Promise<Settled<T>>[] = [
    running.then(
      (outcome) => ({ status: 'returned', outcome }),
      (error: unknown) => ({ status: 'threw', error }),
    ),
    new Promise((resolve) => (timer = setTimeout(() => resolve(abandoned), timeoutMs))),
  ];
  if (abandon)
    endings.push(
      abandon.then(
        () => abandoned,
        () => abandoned,
      ),
    );
  try {
    return await Promise.race(endings);
  } finally {
    clearTimeout(timer);
  }
}
