/**
 * One invocation of a handler: what Lambda's context tells it (its request id, how long it has left), and the
 * delivery context its run works in: the adapters, the invocation's clock and deadline, its ids.
 */
import { randomUUID } from 'node:crypto';
import { FUNCTION_TIMEOUT_SECONDS } from '../config/function-limits.ts';
import type { DeliveryContext } from '../delivery/delivery-context.ts';
import type { ObjectStore, RunLogger } from '../delivery/ports.ts';
import type { HandlerDependencies } from './handler-dependencies.ts';

/** What Lambda's context tells a handler: its request id and how long it has left. */
export interface InvocationContext {
  awsRequestId: string;
  getRemainingTimeInMillis?: () => number;
}

/**
 * The delivery context of one invocation: its deadline is Lambda's remaining time when the context gives it,
 * else (the local run, tests) the function's deployed timeout.
 */
export function deliveryContextFor(
  deps: HandlerDependencies,
  store: ObjectStore,
  logger: RunLogger,
  invocation: InvocationContext | undefined,
): DeliveryContext {
  const started = deps.now();
  const startedReal = performance.now();
  const remainingMs =
    invocation?.getRemainingTimeInMillis ??
    (() => FUNCTION_TIMEOUT_SECONDS * 1000 - (performance.now() - startedReal));
  return {
    store,
    mailer: deps.mailer,
    logger,
    config: deps.config,
    clock: {
      now: deps.now,
      sleep: deps.sleep,
      deadline: new Date(started.getTime() + Math.round(remainingMs())),
      remainingMs,
    },
    runId: invocation?.awsRequestId ?? `local-${started.getTime().toString(36)}`,
    attemptId: randomUUID(),
    chartAssets: deps.chartAssets,
  };
}
