// Held reports (issue 15), the infrastructure side: an approval object reaches the upload function, which may
// read approvals and never write them; the schedule function is asked every hour to expire held reports; its
// "held report expired" log line raises an alarm to the operations topic; and the two policies an admin attaches
// to people (the release command's, the approval object's) hold exactly what they need.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReportStack } from '../../infra/segment-report-stack.ts';
import { HELD_REPORT_EXPIRED as HELD_REPORT_EXPIRED_MESSAGE } from '../../lambda/delivery/held-report-expiry.ts';
import {
  type PolicyStatementJson,
  actionsOf,
  arnOf,
  logicalId,
  objectsArn,
  propertiesOf,
  resourcesOf,
  sesArn,
  statementsOfRole,
  synthTemplate,
  testConfiguration,
} from './support/synth-stack.ts';

interface ManagedPolicyProperties {
  PolicyDocument: { Statement: PolicyStatementJson[] };
  Roles?: unknown;
  Users?: unknown;
  Groups?: unknown;
}

/** The object prefix of a `<bucket ARN>/<prefix>*` resource, or null for any other resource. */
function objectPrefixOf(resource: unknown, bucketId: string): string | null {
  const join = (resource as { 'Fn::Join'?: [string, [unknown, unknown]] })['Fn::Join'];
  if (!join) return null;
  const [, [arn, path]] = join;
  if (JSON.stringify(arn) !== JSON.stringify(arnOf(bucketId)) || typeof path !== 'string') return null;
  return path.replace(/^\//, '').replace(/\*$/, '');
}

describe('held reports: infrastructure', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let bucketId: string;
  let topicRef: unknown;

  beforeAll(() => {
    ({ stack, template } = synthTemplate());
    bucketId = logicalId(stack, stack.data.bucket);
    topicRef = { Ref: logicalId(stack, stack.operations.topic) };
  });

  describe('approval objects', () => {
    it('notify the upload function for every object created under approvals/, beside incoming/', () => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: bucketId },
        NotificationConfiguration: {
          LambdaFunctionConfigurations: ['incoming/', 'approvals/'].map((prefix) => ({
            Events: ['s3:ObjectCreated:*'],
            Filter: Match.exact({ Key: { FilterRules: [{ Name: 'prefix', Value: prefix }] } }),
            LambdaFunctionArn: arnOf(logicalId(stack, stack.uploadFunction.function)),
          })),
        },
      });
    });

    it('may be read by the upload function', () => {
      const statements = statementsOfRole(template, logicalId(stack, stack.uploadFunction.role));
      const readable = statements
        .filter((statement) => actionsOf(statement).includes('s3:GetObject'))
        .flatMap(resourcesOf);
      expect(readable).toContainEqual(objectsArn(bucketId, 'approvals/'));
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: logicalId(stack, stack.uploadFunction.role) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: objectsArn(bucketId, 'approvals/'),
            }),
          ]),
        },
      });
    });

    it.each(['uploadFunction', 'scheduleFunction'] as const)(
      'may not be written, deleted or otherwise touched by %s (only the upload function reads them)',
      (name) => {
        const statements = statementsOfRole(template, logicalId(stack, stack[name].role));
        // Every action any statement allows on a resource covering approvals/ (the prefix or any shorter one).
        const onApprovals = statements
          .filter((statement) =>
            resourcesOf(statement).some((resource) => {
              const prefix = objectPrefixOf(resource, bucketId);
              return resource === '*' || (prefix !== null && 'approvals/'.startsWith(prefix));
            }),
          )
          .flatMap(actionsOf);
        expect(onApprovals).toEqual(name === 'uploadFunction' ? ['s3:GetObject'] : []);
      },
    );
  });

  describe('expiry', () => {
    it('asks the schedule function every hour to expire held reports, retried, then dead-lettered', () => {
      const deadLetters = arnOf(logicalId(stack, stack.operations.node.findChild('SchedulerDeadLetters')));
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(1 hour)',
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: arnOf(logicalId(stack, stack.scheduleFunction.function)),
          RoleArn: arnOf(logicalId(stack, stack.schedules.role)),
          Input: JSON.stringify({ task: 'expire-held' }),
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
          DeadLetterConfig: { Arn: deadLetters },
        },
      });
      expect(propertiesOf(template, logicalId(stack, stack.schedules.expireHeld)).ScheduleExpression).toBe(
        'rate(1 hour)',
      );
    });

    it('counts the schedule function’s "held report expired" lines, and no other log group’s', () => {
      template.resourceCountIs('AWS::Logs::MetricFilter', 1);
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: { Ref: logicalId(stack, stack.scheduleFunction.logGroup) },
        FilterPattern: '{ $.message = "held report expired" }',
        MetricTransformations: [
          { MetricNamespace: 'SegmentReport', MetricName: 'HeldReportsExpired', MetricValue: '1' },
        ],
      });
    });

    it('matches the message of the line the function logs (Powertools JSON), by its message field', () => {
      const [filter] = Object.values(template.findResources('AWS::Logs::MetricFilter'));
      const pattern = (filter?.Properties as { FilterPattern: string }).FilterPattern;
      const match = /^\{ \$\.message = (".*") \}$/.exec(pattern);
      expect(match, pattern).not.toBeNull();
      const line = JSON.stringify({
        level: 'ERROR',
        message: HELD_REPORT_EXPIRED_MESSAGE,
        timestamp: '2026-11-30T21:00:00.000Z',
        service: 'segment-report',
        run: '2026-W47',
      });
      expect(JSON.parse(match?.[1] ?? '""')).toBe((JSON.parse(line) as { message: string }).message);
      expect(HELD_REPORT_EXPIRED_MESSAGE).toBe('held report expired');
    });

    it('alarms on the operations topic as soon as one held report expires, quiet without data', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'SegmentReport',
        MetricName: 'HeldReportsExpired',
        Statistic: 'Sum',
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [topicRef],
      });
    });
  });

  describe('policies for people', () => {
    let release: ManagedPolicyProperties;
    let approve: ManagedPolicyProperties;

    beforeAll(() => {
      release = propertiesOf(
        template,
        logicalId(stack, stack.heldReportAccess.releasePolicy),
      ) as unknown as ManagedPolicyProperties;
      approve = propertiesOf(
        template,
        logicalId(stack, stack.heldReportAccess.approvePolicy),
      ) as unknown as ManagedPolicyProperties;
    });

    it('are two customer-managed policies, attached to no one, their ARNs in the outputs', () => {
      template.resourceCountIs('AWS::IAM::ManagedPolicy', 2);
      for (const policy of [release, approve]) {
        expect(policy).not.toHaveProperty('Roles');
        expect(policy).not.toHaveProperty('Users');
        expect(policy).not.toHaveProperty('Groups');
      }
      template.hasOutput('ReleaseHeldReportsPolicyArn', {
        Value: { Ref: logicalId(stack, stack.heldReportAccess.releasePolicy) },
      });
      template.hasOutput('ApproveHeldReportsPolicyArn', {
        Value: { Ref: logicalId(stack, stack.heldReportAccess.approvePolicy) },
      });
    });

    it('let the release command read and write runs/ and reports/, list the held runs and reports, and send', () => {
      const claimsAndArchive = [objectsArn(bucketId, 'runs/'), objectsArn(bucketId, 'reports/')];
      const configurationSetId = logicalId(
        stack,
        stack.node.findChild('Email').node.findChild('ConfigurationSet'),
      );
      expect(release.PolicyDocument.Statement).toEqual([
        { Sid: 'ReadClaimsAndArchive', Effect: 'Allow', Action: 's3:GetObject', Resource: claimsAndArchive },
        { Sid: 'WriteClaimsAndArchive', Effect: 'Allow', Action: 's3:PutObject', Resource: claimsAndArchive },
        {
          Sid: 'ListHeldRunsAndArchive',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: arnOf(bucketId),
        },
        {
          Sid: 'SendHeldReportEmail',
          Effect: 'Allow',
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Resource: [
            sesArn(':identity/example.com'),
            sesArn(':configuration-set/', { Ref: configurationSetId }),
          ],
        },
      ]);
    });

    it('send through exactly what the functions send through', () => {
      const sending = (statements: PolicyStatementJson[]) =>
        statements.filter((statement) => actionsOf(statement).includes('ses:SendEmail')).map(resourcesOf);
      const functionSending = sending(
        statementsOfRole(template, logicalId(stack, stack.uploadFunction.role)),
      );
      expect(functionSending).toHaveLength(1);
      expect(sending(release.PolicyDocument.Statement)).toEqual(functionSending);
    });

    it('need no KMS key: the data bucket is encrypted with S3-managed keys', () => {
      expect(propertiesOf(template, bucketId)).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      });
      for (const policy of [release, approve]) {
        expect(
          policy.PolicyDocument.Statement.flatMap(actionsOf).filter((action) => action.startsWith('kms:')),
        ).toEqual([]);
      }
    });

    it('let people without the command only write approval objects', () => {
      expect(approve.PolicyDocument.Statement).toEqual([
        {
          Sid: 'WriteApprovals',
          Effect: 'Allow',
          Action: 's3:PutObject',
          Resource: objectsArn(bucketId, 'approvals/'),
        },
      ]);
    });

    it('follow configured prefixes', () => {
      const configuration = testConfiguration();
      const configured = synthTemplate({
        ...configuration,
        job: {
          ...configuration.job,
          prefixes: { runs: 'claims/', reports: 'archive/', approvals: 'decisions/' },
        },
      });
      const access = configured.stack.heldReportAccess;
      const configuredBucket = logicalId(configured.stack, configured.stack.data.bucket);
      const statementsOf = (policy: typeof access.releasePolicy) =>
        (
          propertiesOf(
            configured.template,
            logicalId(configured.stack, policy),
          ) as unknown as ManagedPolicyProperties
        ).PolicyDocument.Statement;
      const releaseStatements = statementsOf(access.releasePolicy);
      const objects = [objectsArn(configuredBucket, 'claims/'), objectsArn(configuredBucket, 'archive/')];
      expect(releaseStatements.slice(0, 2).map(resourcesOf)).toEqual([objects, objects]);
      // Listing unconditioned: a mistyped run must read as missing (404), not as access denied (403).
      expect(releaseStatements[2]?.Condition).toBeUndefined();
      expect(statementsOf(access.approvePolicy).map(resourcesOf)).toEqual([
        [objectsArn(configuredBucket, 'decisions/')],
      ]);
      configured.template.hasResourceProperties('Custom::S3BucketNotifications', {
        NotificationConfiguration: {
          LambdaFunctionConfigurations: Match.arrayWith([
            Match.objectLike({
              Filter: Match.exact({ Key: { FilterRules: [{ Name: 'prefix', Value: 'decisions/' }] } }),
            }),
          ]),
        },
      });
    });
  });
});
