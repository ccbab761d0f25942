/**
 * EventBridge Scheduler: the weekly report and the quarterly review, in an IANA time zone, each retried and with
 * its own dead-letter queue. The event tells the function which report to make.
 */
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ReportSchedulesProps {
  target: lambda.IFunction;
  timeZone: string;
  weekly: string;
  quarterly: string;
  deadLetterQueue: sqs.IQueue;
}

export class ReportSchedules extends Construct {
  readonly weekly: Schedule;
  readonly quarterly: Schedule;
  /** The role the scheduler invokes the function with and writes dead letters with. */
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
    const schedule = (name: string, expression: string, kind: 'weekly' | 'quarterly', description: string) =>
      new Schedule(this, name, {
        description,
        schedule: ScheduleExpression.expression(expression, TimeZone.of(props.timeZone)),
        target: new LambdaInvoke(props.target, {
          role: this.role,
          input: ScheduleTargetInput.fromObject({ kind }),
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
        }),
      });
    this.weekly = schedule('Weekly', props.weekly, 'weekly', 'segment-report: the weekly report');
    this.quarterly = schedule(
      'Quarterly',
      props.quarterly,
      'quarterly',
      'segment-report: the quarterly review',
    );
  }
}
