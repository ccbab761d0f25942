/**
 * Failing loudly: an encrypted topic for the data team, and alarms on each function's errors and throttles, on
 * every dead-letter queue holding a message, on log lines that tell of a failure the function survived, and on
 * state machine executions that did not succeed.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** The CloudWatch namespace of the metrics this project makes from its logs. */
export const METRIC_NAMESPACE = 'SegmentReport';

export interface LogMessageAlarmProps {
  /** The function's log group; its lines are JSON (Powertools, Lambda's JSON log format). */
  logGroup: logs.ILogGroup;
  /** The `message` of the line, exactly. */
  message: string;
  description: string;
}

export interface OperationsAlarmsProps {
  alarmEmails: readonly string[];
}

export class OperationsAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'segment-report: alarm topic and dead-letter queues',
      enableKeyRotation: true,
    });
    // CloudWatch alarms and SES event publishing write to the encrypted topic.
    for (const service of ['cloudwatch.amazonaws.com', 'ses.amazonaws.com']) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
        }),
      );
    }
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'segment-report alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    for (const address of props.alarmEmails)
      this.topic.addSubscription(new subscriptions.EmailSubscription(address));
  }

  /** An encrypted dead-letter queue (14 days of retention), with an alarm as soon as it holds a message. */
  deadLetterQueue(id: string, what: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.alarm(
      `${id}Depth`,
      `${what}: a run failed after its retries and is in the dead-letter queue`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    );
    return queue;
  }

  /** Alarms on a function's errors and throttles. */
  watchFunction(id: string, fn: lambda.IFunction): void {
    this.alarm(
      `${id}Errors`,
      `${id}: the function failed`,
      fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
    this.alarm(
      `${id}Throttles`,
      `${id}: the function was throttled`,
      fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
  }

  /**
   * An alarm as soon as a log line has this message: a metric filter counts the lines (metric `id` in
   * METRIC_NAMESPACE, 1 a line), no data while none is logged.
   */
  alarmOnLogMessage(id: string, props: LogMessageAlarmProps): logs.MetricFilter {
    const filter = new logs.MetricFilter(this, `${id}Filter`, {
      logGroup: props.logGroup,
      filterPattern: logs.FilterPattern.stringValue('$.message', '=', props.message),
      metricNamespace: METRIC_NAMESPACE,
      metricName: id,
      metricValue: '1',
    });
    this.alarm(id, props.description, filter.metric({ period: Duration.minutes(5), statistic: 'Sum' }));
    return filter;
  }

  /** An alarm as soon as an execution of the state machine fails, times out or is aborted. */
  watchStateMachine(id: string, stateMachine: sfn.IStateMachine, what: string): void {
    const period = Duration.minutes(5);
    const sum = { period, statistic: 'Sum' };
    this.alarm(
      `${id}Failures`,
      `${what}: an execution failed, timed out or was aborted`,
      new cloudwatch.MathExpression({
        // Each metric has no data while nothing happens: a missing one counts as 0 in the sum.
        expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
        usingMetrics: {
          failed: stateMachine.metricFailed(sum),
          timedOut: stateMachine.metricTimedOut(sum),
          aborted: stateMachine.metricAborted(sum),
        },
        label: `${id}: executions failed, timed out or aborted`,
        period,
      }),
    );
  }

  private alarm(id: string, description: string, metric: cloudwatch.IMetric): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
