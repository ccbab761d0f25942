/**
 * The states of the Athena path's state machine (issue 16), on the words the schedule function shares with it
 * (lambda/vocabulary/aggregation-steps.ts): Plan (the function) → Route: already done, from the files (the
 * function reads them itself), or Athena's queries, three at a time → Report (the function). A failure anywhere
 * tells the data team, then fails the execution, so that the alarm on failed executions fires.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import {
  AGGREGATION_FAILED_TASK,
  AGGREGATION_STEPS,
  type AggregationRoute,
} from '../../lambda/vocabulary/aggregation-steps.ts';

export interface AggregationWorkflowProps {
  /** The schedule function: plans a run, reports from Athena's results, tells the data team of a failure. */
  scheduleFunction: lambda.IFunction;
  workGroupName: string;
  database: string;
}

/** At most this many of a run's queries run at once. */
export const QUERY_CONCURRENCY = 3;

/** The workflow's states, made in `scope`; the input is the scheduler's `{"kind": ...}`. */
export function aggregationWorkflow(scope: Construct, props: AggregationWorkflowProps): sfn.IChainable {
  const invoke = lambdaInvoke(scope, props.scheduleFunction);
  const failure = notifyDataTeam(scope, invoke);
  const caught = { errors: [sfn.Errors.ALL], resultPath: '$.failure' };
  const plan = invoke(
    'Plan',
    { step: AGGREGATION_STEPS.plan },
    {
      resultSelector: {
        route: sfn.JsonPath.stringAt('$.Payload.route'),
        queries: sfn.JsonPath.listAt('$.Payload.queries'),
      },
      resultPath: '$.plan',
    },
  ).addCatch(failure, caught);
  // Safe to retry: the run's claim sends its report at most once.
  const report = invoke(
    'Report',
    { step: AGGREGATION_STEPS.report, aggregate: sfn.JsonPath.listAt('$.aggregate') },
    { outputPath: '$.Payload' },
  )
    .addRetry({
      errors: [sfn.Errors.TASKS_FAILED],
      interval: Duration.seconds(60),
      maxAttempts: 2,
      backoffRate: 2,
    })
    .addCatch(failure, caught);
  const aggregate = new sfn.Map(scope, 'Aggregate', {
    itemsPath: '$.plan.queries',
    maxConcurrency: QUERY_CONCURRENCY,
    resultPath: '$.aggregate',
  })
    .itemProcessor(runQuery(scope, props).next(keepExecution(scope)))
    .addCatch(failure, caught);
  const fromFiles = new sfn.Pass(scope, 'FromFiles', {
    result: sfn.Result.fromArray([]),
    resultPath: '$.aggregate',
  });
  const route = (name: AggregationRoute) => sfn.Condition.stringEquals('$.plan.route', name);
  return plan.next(
    new sfn.Choice(scope, 'Route')
      .when(route('done'), new sfn.Succeed(scope, 'AlreadyDone'))
      .when(route('athena'), aggregate.next(report))
      .otherwise(fromFiles.next(report)),
  );
}

type Invoke = (
  id: string,
  payload: Record<string, unknown>,
  props: Partial<tasks.LambdaInvokeProps>,
) => tasks.LambdaInvoke;

/** A call of the schedule function with the run's kind and the execution's start (every step's same period). */
function lambdaInvoke(scope: Construct, scheduleFunction: lambda.IFunction): Invoke {
  return (id, payload, props) =>
    new tasks.LambdaInvoke(scope, id, {
      lambdaFunction: scheduleFunction,
      payload: sfn.TaskInput.fromObject({
        ...payload,
        kind: sfn.JsonPath.stringAt('$.kind'),
        at: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
      }),
      ...props,
    });
}

/** Tell the data team what failed, then fail with the original error. */
function notifyDataTeam(scope: Construct, invoke: Invoke): sfn.Chain {
  return invoke(
    'NotifyDataTeam',
    {
      task: AGGREGATION_FAILED_TASK,
      error: sfn.JsonPath.stringAt('$.failure.Error'),
      cause: sfn.JsonPath.stringAt('$.failure.Cause'),
    },
    { resultPath: sfn.JsonPath.DISCARD },
  ).next(new sfn.Fail(scope, 'Failed', { errorPath: '$.failure.Error', causePath: '$.failure.Cause' }));
}

/** Each query's name and execution, without its SQL: the report step needs no more, and the state stays small. */
function keepExecution(scope: Construct): sfn.Pass {
  return new sfn.Pass(scope, 'KeepExecution', {
    parameters: { 'name.$': '$.name', 'execution.$': '$.execution' },
  });
}

/**
 * One query, run to its end (`.sync`) in the workgroup on the database. A custom state, so that the role gets only
 * the statements the construct writes, not CDK's Athena task policy. Retried only when Athena refused to start it:
 * a failed query would scan, and cost, again.
 */
function runQuery(scope: Construct, { workGroupName, database }: AggregationWorkflowProps): sfn.CustomState {
  return new sfn.CustomState(scope, 'RunQuery', {
    stateJson: {
      Type: 'Task',
      Resource: `arn:${Stack.of(scope).partition}:states:::athena:startQueryExecution.sync`,
      Parameters: {
        'QueryString.$': '$.sql',
        WorkGroup: workGroupName,
        QueryExecutionContext: { Database: database },
      },
      ResultSelector: {
        'queryExecutionId.$': '$.QueryExecution.QueryExecutionId',
        'outputLocation.$': '$.QueryExecution.ResultConfiguration.OutputLocation',
        'dataScannedBytes.$': '$.QueryExecution.Statistics.DataScannedInBytes',
      },
      ResultPath: '$.execution',
      TimeoutSeconds: Duration.hours(1).toSeconds(),
    },
  }).addRetry({
    errors: ['Athena.TooManyRequestsException', 'Athena.InternalServerException'],
    interval: Duration.seconds(30),
    maxAttempts: 3,
    backoffRate: 2,
  });
}
