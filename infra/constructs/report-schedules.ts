/**
 * EventBridge Scheduler: the weekly report and the quarterly review, in an IANA time zone, and every hour the
 * expiry of held reports nobody released or discarded in time; each retried, dead letters to one queue. The
 * event tells the function what to do; on the Athena path, the weekly and quarterly runs start the aggregation's
 * state machine instead, with the same event.
 */
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  type IScheduleTarget,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** How often the schedule function looks for held reports past their time: a held report expires within the hour. */
export const EXPIRE_HELD_EVERY = Duration.hours(1);
/** The event that makes the schedule function expire held reports (its handler routes on `task`). */
export const EXPIRE_HELD_INPUT = { task: 'expire-held' } as const;

export interface ReportSchedulesProps {
  target: lambda.IFunction;
  /** The Athena path's state machine: the weekly and quarterly runs start it rather than invoke `target`. */
  aggregation?: sfn.IStateMachine;
  timeZone: string;
  weekly: string;
  quarterly: string;
  deadLetterQueue: sqs.IQueue;
}

export class ReportSchedules extends Construct {
  readonly weekly: Schedule;
  readonly quarterly: Schedule;
  readonly expireHeld: Schedule;
  /** The role the scheduler invokes the function (or starts the state machine) with and writes dead letters with. */
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ReportSchedulesProps) {
    super(scope, id);
    // The role CDK would make, made here so that it can also use the dead-letter queue's key (CDK grants
    // lambda:InvokeFunction and sqs:SendMessage, not kms, and an encrypted queue refuses messages without it).
    const stack = Stack.of(this);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: 'default',
            }),
          },
        },
      }),
    });
    props.deadLetterQueue.encryptionMasterKey?.grant(this.role, 'kms:GenerateDataKey', 'kms:Decrypt');
    const schedule = (
      name: string,
      expression: ScheduleExpression,
      input: object,
      description: string,
      aggregation?: sfn.IStateMachine,
    ) =>
      new Schedule(this, name, {
        description,
        schedule: expression,
        target: this.target(props, input, aggregation),
      });
    const inTimeZone = (expression: string) =>
      ScheduleExpression.expression(expression, TimeZone.of(props.timeZone));
    this.weekly = schedule(
      'Weekly',
      inTimeZone(props.weekly),
      { kind: 'weekly' },
      'segment-report: the weekly report',
      props.aggregation,
    );
    this.quarterly = schedule(
      'Quarterly',
      inTimeZone(props.quarterly),
      { kind: 'quarterly' },
      'segment-report: the quarterly review',
      props.aggregation,
    );
    this.expireHeld = schedule(
      'ExpireHeld',
      ScheduleExpression.rate(EXPIRE_HELD_EVERY),
      EXPIRE_HELD_INPUT,
      'segment-report: expire the held reports nobody released or discarded in time',
    );
  }

  /** Invoke the function, or start the state machine, with the event; retried, then dead-lettered. */
  private target(
    props: ReportSchedulesProps,
    input: object,
    aggregation?: sfn.IStateMachine,
  ): IScheduleTarget {
    const targetProps = {
      role: this.role,
      input: ScheduleTargetInput.fromObject(input),
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: 3,
      maxEventAge: Duration.hours(2),
    };
    return aggregation
      ? new StepFunctionsStartExecution(aggregation, targetProps)
      : new LambdaInvoke(props.target, targetProps);
  }
}
