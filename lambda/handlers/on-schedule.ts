/**
 * Lambda handler for the EventBridge Scheduler runs: the event says which report, `{ "kind": "weekly" }` or
 * `{ "kind": "quarterly" }`. Thin: everything else is in lambda/delivery.
 */
import { z } from 'zod';
import { createLogger } from '../adapters/powertools-logger.ts';
import { type ScheduledOutcome, runScheduledReport } from '../delivery/scheduled-run.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import { type HandlerDependencies, deployedHandler } from './handler-dependencies.ts';
import { type InvocationContext, deliveryContextFor } from './invocation-context.ts';

const scheduleEventSchema = z.object({ kind: z.enum(['weekly', 'quarterly']) });

export function createScheduleHandler(dependencies: () => HandlerDependencies) {
  return async (event: unknown, invocation?: InvocationContext): Promise<ScheduledOutcome> => {
    const { runLogger } = createLogger('segment-report-schedule', invocation?.awsRequestId);
    const parsed = scheduleEventSchema.safeParse(event);
    if (!parsed.success) {
      // A wrong schedule target is a deployment error: fail loudly (alarm, dead-letter queue).
      throw new InvalidOptionError('schedule event: expected {"kind":"weekly"} or {"kind":"quarterly"}');
    }
    const deps = dependencies();
    const context = deliveryContextFor(deps, deps.storeFor(deps.bucket), runLogger, invocation);
    return runScheduledReport(context, parsed.data.kind);
  };
}

export const handler = deployedHandler(createScheduleHandler);
