/**
 * Lambda handler for the EventBridge Scheduler runs: the event says which report, `{ "kind": "weekly" }` or
 * `{ "kind": "quarterly" }`, or `{ "task": "expire-held" }` for the hourly expiry of held reports. Thin: everything else is in lambda/delivery.
 */
import { z } from 'zod';
import { createLogger } from '../adapters/powertools-logger.ts';
import { type ExpirySweep, expireHeldReports } from '../delivery/held-report-expiry.ts';
import { type ScheduledOutcome, runScheduledReport } from '../delivery/scheduled-run.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import { type HandlerDependencies, deployedHandler } from './handler-dependencies.ts';
import { type InvocationContext, deliveryContextFor } from './invocation-context.ts';

const scheduleEventSchema = z.union([
  z.object({ kind: z.enum(['weekly', 'quarterly']) }),
  /** Hourly: held reports past their time expire, with a reminder (held-report-expiry.ts). */
  z.object({ task: z.literal('expire-held') }),
]);

export function createScheduleHandler(dependencies: () => HandlerDependencies) {
  return async (event: unknown, invocation?: InvocationContext): Promise<ScheduledOutcome | ExpirySweep> => {
    const { runLogger } = createLogger('segment-report-schedule', invocation?.awsRequestId);
    const parsed = scheduleEventSchema.safeParse(event);
    if (!parsed.success) {
      // A wrong schedule target is a deployment error: fail loudly (alarm, dead-letter queue).
      throw new InvalidOptionError(
        'schedule event: expected {"kind":"weekly"}, {"kind":"quarterly"} or {"task":"expire-held"}',
      );
    }
    const deps = dependencies();
    const context = deliveryContextFor(deps, deps.storeFor(deps.bucket), runLogger, invocation);
    if ('task' in parsed.data) return expireHeldReports(context);
    return runScheduledReport(context, parsed.data.kind);
  };
}

export const handler = deployedHandler(createScheduleHandler);
