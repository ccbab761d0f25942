/**
 * Lambda handler for the EventBridge Scheduler runs: the event says which report, `{ "kind": "weekly" }` or
 * `{ "kind": "quarterly" }`, or `{ "task": "expire-held" }` for the hourly expiry of held reports; or, from the Athena
 * path's state machine (issue 16), `{ "step": "plan" | "report", ... }` and `{ "task": "aggregation-failed", ... }`.
 * Thin: everything else is in lambda/delivery.
 */
import * as z from 'zod';
import { createLogger } from '../adapters/powertools-logger.ts';
import type { AggregationPlan, tellAggregationFailed } from '../delivery/aggregation-plan.ts';
import { athenaExecutionSchema } from '../delivery/athena-results.ts';
import type { ExpirySweep } from '../delivery/held-report-expiry.ts';
import {
  AGGREGATE_QUERY_NAMES,
  AGGREGATION_FAILED_TASK,
  AGGREGATION_STEPS,
} from '../vocabulary/aggregation-steps.ts';
import type { ScheduledOutcome } from '../delivery/scheduled-run.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import { type HandlerDependencies, deployedHandler } from './handler-dependencies.ts';
import { type InvocationContext, deliveryContextFor } from './invocation-context.ts';

const kind = z.enum(['weekly', 'quarterly']);
/** The state machine's start (`$$.Execution.StartTime`): every step reports on the same period. */
const at = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const scheduleEventSchema = z.union([
  z.object({ kind }).strict(),
  /** Hourly: held reports past their time expire, with a reminder (held-report-expiry.ts). */
  z.object({ task: z.literal('expire-held') }),
  /** The Athena path's state machine (issue 16): plan, report on what Athena aggregated, or tell of a failure. */
  z.object({ step: z.literal(AGGREGATION_STEPS.plan), kind, at }),
  z.object({
    step: z.literal(AGGREGATION_STEPS.report),
    kind,
    at,
    aggregate: z.array(athenaExecutionSchema).max(AGGREGATE_QUERY_NAMES.length),
  }),
  z.object({
    task: z.literal(AGGREGATION_FAILED_TASK),
    kind,
    at,
    error: z.string().max(10_000),
    cause: z.string().max(300_000).default(''),
  }),
]);

type ScheduleOutcome =
  ScheduledOutcome | ExpirySweep | AggregationPlan | Awaited<ReturnType<typeof tellAggregationFailed>>;

export function createScheduleHandler(dependencies: () => HandlerDependencies) {
  return async (event: unknown, invocation?: InvocationContext): Promise<ScheduleOutcome> => {
    const { runLogger } = createLogger('segment-report-schedule', invocation?.awsRequestId);
    const parsed = scheduleEventSchema.safeParse(event);
    if (!parsed.success) {
      // A wrong schedule target is a deployment error: fail loudly (alarm, dead-letter queue).
      throw new InvalidOptionError(
        'schedule event: expected {"kind":"weekly"}, {"kind":"quarterly"}, {"task":"expire-held"} or a step of the aggregation state machine',
      );
    }
    const deps = dependencies();
    const context = deliveryContextFor(deps, deps.storeFor(deps.bucket), runLogger, invocation);
    const request = parsed.data;
    if ('task' in request) {
      if (request.task === 'expire-held') {
        const { expireHeldReports } = await import('../delivery/held-report-expiry.ts');
        return expireHeldReports(context);
      }
      const { tellAggregationFailed } = await import('../delivery/aggregation-plan.ts');
      return tellAggregationFailed(context, request.kind, request.at, request);
    }
    // The runs are imported here, not at the top: they bring the analysis and the report's rendering (MJML,
    // ECharts), which the cold start then does not evaluate (bench/steps/lambda-bundle.ts measures both).
    const { runScheduledReport } = await import('../delivery/scheduled-run.ts');
    if (!('step' in request)) return runScheduledReport(context, request.kind);
    const { planScheduledRun } = await import('../delivery/aggregation-plan.ts');
    return request.step === AGGREGATION_STEPS.plan
      ? planScheduledRun(context, request.kind, request.at)
      : runScheduledReport(context, request.kind, { at: request.at, aggregate: request.aggregate });
  };
}

export const handler = deployedHandler(createScheduleHandler);
