// Failing loudly: KMS-encrypted dead-letter queues and alarm topic, alarms on each function's errors and
// throttles and on each dead-letter queue holding a message, all sent to the topic, and the topic's subscribers.
// (The alarm on a held report expiring, from the schedule function's logs: held-report-infra.test.ts.)
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReportStack } from '../../../infra/segment-report-stack.ts';
import { arnOf, logicalId, synthTemplate, testConfiguration } from '../support/synth-stack.ts';

const DEAD_LETTER_QUEUES = ['UploadDeadLetters', 'ScheduleDeadLetters', 'SchedulerDeadLetters'] as const;

describe('OperationsAlarms', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let keyArn: unknown;
  let topicRef: unknown;

  beforeAll(() => {
    ({ stack, template } = synthTemplate({
      ...testConfiguration(),
      alarmEmails: ['data-team@example.com', 'on-call@example.com'],
    }));
    keyArn = arnOf(logicalId(stack, stack.operations.key));
    topicRef = { Ref: logicalId(stack, stack.operations.topic) };
  });

  it('encrypts every dead-letter queue with the rotated customer key, and keeps messages 14 days', () => {
    template.resourceCountIs('AWS::SQS::Queue', DEAD_LETTER_QUEUES.length);
    template.allResourcesProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: keyArn,
      MessageRetentionPeriod: 1_209_600,
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('encrypts the alarm topic with the same key', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyArn });
  });

  it('lets CloudWatch and SES publish to the encrypted topic (the key policy)', () => {
    for (const service of ['cloudwatch.amazonaws.com', 'ses.amazonaws.com']) {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: service },
              Action: Match.arrayWith(['kms:Decrypt', 'kms:GenerateDataKey*']),
            }),
          ]),
        },
      });
    }
  });

  it.each(['uploadFunction', 'scheduleFunction'] as const)(
    'alarms on the errors and throttles of %s',
    (name) => {
      for (const metric of ['Errors', 'Throttles']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(stack, stack[name].function) } }],
          Statistic: 'Sum',
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [topicRef],
        });
      }
    },
  );

  it.each(DEAD_LETTER_QUEUES)('alarms as soon as %s holds a message', (queue) => {
    const queueId = logicalId(stack, stack.operations.node.findChild(queue));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [topicRef],
    });
  });

  it('sends every alarm to the topic', () => {
    // Errors and throttles of each function, each dead-letter queue, held reports expiring.
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2 * 2 + DEAD_LETTER_QUEUES.length + 1);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [topicRef] });
  });

  it('subscribes each alarm address by email, and no one else', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    for (const address of ['data-team@example.com', 'on-call@example.com']) {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: address,
        TopicArn: topicRef,
      });
    }
  });

  it('subscribes no one when no alarm address is configured', () => {
    const { alarmEmails: _alarmEmails, ...withoutAlarmEmails } = testConfiguration();
    const { template: quiet } = synthTemplate(withoutAlarmEmails);
    expect(quiet.findResources('AWS::SNS::Subscription')).toEqual({});
    quiet.resourceCountIs('AWS::SNS::Topic', 1);
  });
});
