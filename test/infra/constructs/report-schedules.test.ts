// EventBridge Scheduler: the weekly report (Monday 07:00) and the quarterly review (first Monday of January,
// April, July, October), in Europe/Paris unless configured, each telling the schedule function its kind, retried,
// and with a dead-letter queue that the scheduler may write to; with a warehouse (the Athena path), the weekly and
// quarterly runs start its state machine instead, with the same event. (The hourly expiry of held reports, the
// third schedule: held-report-infra.test.ts; the rest of the Athena path: warehouse-infra.test.ts.)
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReportStack } from '../../../infra/segment-report-stack.ts';
import {
  actionsOf,
  arnOf,
  logicalId,
  propertiesOf,
  resourcesOf,
  statementsOfRole,
  synthTemplate,
  testConfiguration,
  warehouseConfiguration,
} from '../support/synth-stack.ts';

const SCHEDULES = [
  { kind: 'weekly', expression: 'cron(0 7 ? * MON *)' },
  { kind: 'quarterly', expression: 'cron(0 7 ? JAN,APR,JUL,OCT MON#1 *)' },
] as const;

describe('ReportSchedules', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let target: Record<string, unknown>;

  beforeAll(() => {
    ({ stack, template } = synthTemplate());
    target = { Arn: arnOf(logicalId(stack, stack.scheduleFunction.function)) };
  });

  it('are the weekly and the quarterly schedule and the hourly expiry of held reports, nothing else', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', 3);
    const inputs = Object.values(template.findResources('AWS::Scheduler::Schedule')).map(
      (schedule) => (schedule.Properties as { Target: { Input: string } }).Target.Input,
    );
    expect(inputs.sort()).toEqual(
      ['{"kind":"quarterly"}', '{"kind":"weekly"}', '{"task":"expire-held"}'].sort(),
    );
  });

  it.each(SCHEDULES)(
    'runs the $kind report at $expression, Paris time by default',
    ({ kind, expression }) => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: expression,
        ScheduleExpressionTimezone: 'Europe/Paris',
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { ...target, Input: JSON.stringify({ kind }) },
      });
    },
  );

  it.each(SCHEDULES)('retries the $kind invocation, then dead-letters it', ({ kind }) => {
    const deadLetters = arnOf(
      logicalId(stack, stack.node.findChild('Operations').node.findChild('SchedulerDeadLetters')),
    );
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: {
        ...target,
        Input: JSON.stringify({ kind }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: deadLetters },
      },
    });
  });

  it('lets the scheduler invoke the schedule function and use its dead-letter queue and the queue key', () => {
    const schedule = propertiesOf(template, logicalId(stack, stack.schedules.weekly)) as {
      Target: {
        RoleArn: { 'Fn::GetAtt': [string, string] };
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [string, string] } };
      };
    };
    const roleId = schedule.Target.RoleArn['Fn::GetAtt'][0];
    const statements = statementsOfRole(template, roleId);
    const resourcesFor = (action: string) =>
      statements.filter((statement) => actionsOf(statement).includes(action)).flatMap(resourcesOf);
    expect(resourcesFor('lambda:InvokeFunction')).toContainEqual(target.Arn);
    expect(resourcesFor('sqs:SendMessage')).toEqual([schedule.Target.DeadLetterConfig.Arn]);
    const queueKey = propertiesOf(
      template,
      schedule.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0],
    ).KmsMasterKeyId;
    expect(queueKey).toEqual(arnOf(logicalId(stack, stack.operations.key)));
    for (const action of ['kms:GenerateDataKey', 'kms:Decrypt'])
      expect(resourcesFor(action)).toEqual([queueKey]);
    expect(roleId).toBe(logicalId(stack, stack.schedules.role));
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRole',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: {
              StringEquals: {
                'aws:SourceAccount': { Ref: 'AWS::AccountId' },
                'aws:SourceArn': Match.anyValue(),
              },
            },
          }),
        ],
      },
    });
  });

  it('runs in the configured time zone and with the configured expressions', () => {
    const configured = synthTemplate({
      ...testConfiguration(),
      schedules: { timeZone: 'America/New_York', weekly: 'cron(30 6 ? * TUE *)' },
    });
    configured.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 6 ? * TUE *)',
      ScheduleExpressionTimezone: 'America/New_York',
      Target: Match.objectLike({ Input: '{"kind":"weekly"}' }),
    });
    configured.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 ? JAN,APR,JUL,OCT MON#1 *)',
      ScheduleExpressionTimezone: 'America/New_York',
      Target: Match.objectLike({ Input: '{"kind":"quarterly"}' }),
    });
    expect(
      Object.keys(
        configured.template.findResources('AWS::Scheduler::Schedule', {
          Properties: { ScheduleExpressionTimezone: 'Europe/Paris' },
        }),
      ),
    ).toEqual([]);
  });

  it('start the aggregation state machine for the weekly and quarterly runs when the job has a warehouse', () => {
    const configured = synthTemplate(warehouseConfiguration());
    const { warehouse } = configured.stack;
    if (!warehouse) throw new Error('the stack has no warehouse');
    const stateMachineRef = { Ref: logicalId(configured.stack, warehouse.stateMachine) };
    const deadLetters = arnOf(
      logicalId(configured.stack, configured.stack.operations.node.findChild('SchedulerDeadLetters')),
    );
    for (const { kind, expression } of SCHEDULES) {
      configured.template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: expression,
        ScheduleExpressionTimezone: 'Europe/Paris',
        Target: {
          Arn: stateMachineRef,
          RoleArn: arnOf(logicalId(configured.stack, configured.stack.schedules.role)),
          Input: JSON.stringify({ kind }),
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
          DeadLetterConfig: { Arn: deadLetters },
        },
      });
    }
    const statements = statementsOfRole(
      configured.template,
      logicalId(configured.stack, configured.stack.schedules.role),
    );
    const resourcesFor = (action: string) =>
      statements.filter((statement) => actionsOf(statement).includes(action)).flatMap(resourcesOf);
    expect(resourcesFor('states:StartExecution')).toEqual([stateMachineRef]);
    // The hourly expiry still invokes the function.
    expect(resourcesFor('lambda:InvokeFunction')).toContainEqual(
      arnOf(logicalId(configured.stack, configured.stack.scheduleFunction.function)),
    );
    configured.template.resourceCountIs('AWS::Scheduler::Schedule', 3);
  });
});
