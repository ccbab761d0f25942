/**
 * Lambda handler for the EventBridge Scheduler runs: the event says which report, `{ "kind": "weekly" }` or
 * `{ "kind": "quarterly" }`. Thin: everything else is in lambda/delivery.
 */
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { createLogger } from '../adapters/powertools-logger.ts';
import { type ScheduledOutcome, runScheduledReport } from '../delivery/scheduled-run.ts';
import { InvalidOptionError } from '../engine/errors.ts';
import { type HandlerDependencies, dependenciesFromEnvironment, lazily } from './handler-dependencies.ts';

const scheduleEventSchema = z.object({ kind: z.enum(['weekly', 'quarterly']) });

export function createScheduleHandler(dependencies: () => HandlerDependencies) {
  return async (event: unknown, context?: Pick<Context, 'awsRequestId'>): Promise<ScheduledOutcome> => {
    const runId = context?.awsRequestId ?? `local-${Date.now().toString(36)}`;
    const { runLogger } = createLogger('segment-report-schedule', runId);
    const parsed = scheduleEventSchema.safeParse(event);
    if (!parsed.success) {
      // A wrong schedule target is a deployment error: fail loudly (alarm, dead-letter queue).
      throw new InvalidOptionError('schedule event: expected {"kind":"weekly"} or {"kind":"quarterly"}');
    }
    const deps = dependencies();
    return runScheduledReport(
      {
        store: deps.storeFor(deps.bucket),
        mailer: deps.mailer,
        logger: runLogger,
        config: deps.config,
        now: deps.now,
        runId,
      },
      parsed.data.kind,
    );
  };
}

export const handler = createScheduleHandler(lazily(() => dependenciesFromEnvironment(process.env)));
