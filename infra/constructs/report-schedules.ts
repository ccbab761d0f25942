/**
 * EventBridge Scheduler: the weekly report and the quarterly review, in an IANA time zone, each retried and with
 * its own dead-letter queue. The event tells the function which report to make.
 */
import { Duration, TimeZone } from 'aws-cdk-lib';
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

  constructor(scope: Construct, id: string, props: ReportSchedulesProps) {
    super(scope, id);
    const schedule = (name: string, expression: string, kind: 'weekly' | 'quarterly', description: string) =>
      new Schedule(this, name, {
        description,
        schedule: ScheduleExpression.expression(expression, TimeZone.of(props.timeZone)),
        target: new LambdaInvoke(props.target, {
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
