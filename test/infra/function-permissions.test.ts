// Least privilege, read from the synthesised policies of the two function roles: exactly the S3 prefixes (the
// upload function alone reads the approval objects), the
// SES identity and configuration set, the function's own log group and dead-letter queue; never a wildcard
// action or resource, never a delete, never a managed policy.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReportStack } from '../../infra/segment-report-stack.ts';
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

const FUNCTIONS = ['uploadFunction', 'scheduleFunction'] as const;

describe('function permissions', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let bucketId: string;
  let configurationSetId: string;

  beforeAll(() => {
    ({ stack, template } = synthTemplate());
    bucketId = logicalId(stack, stack.data.bucket);
    configurationSetId = logicalId(stack, stack.node.findChild('Email').node.findChild('ConfigurationSet'));
  });

  describe.each(FUNCTIONS)('%s role', (name) => {
    let roleId: string;
    let statements: PolicyStatementJson[];
    /** Asserts the role's policies hold this statement (other keys of the statement left free). */
    const hasStatement = (statement: Record<string, unknown>) =>
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', ...statement })]) },
      });
    /** Every resource that any statement of the role allows this action on. */
    const resourcesFor = (action: string) =>
      statements.filter((statement) => actionsOf(statement).includes(action)).flatMap(resourcesOf);

    beforeAll(() => {
      roleId = logicalId(stack, stack[name].role);
      statements = statementsOfRole(template, roleId);
    });

    it('reads objects only under incoming/, reports/ and runs/ (and approvals/ for the upload function)', () => {
      const readable = ['incoming/', 'reports/', 'runs/'].map((prefix) => objectsArn(bucketId, prefix));
      hasStatement({ Action: 's3:GetObject', Resource: readable });
      const approvals = name === 'uploadFunction' ? [objectsArn(bucketId, 'approvals/')] : [];
      expect(resourcesFor('s3:GetObject')).toEqual([...readable, ...approvals]);
    });

    it('reads object versions only under incoming/, the version an upload event names', () => {
      hasStatement({ Action: 's3:GetObjectVersion', Resource: objectsArn(bucketId, 'incoming/') });
      expect(resourcesFor('s3:GetObjectVersion')).toEqual([objectsArn(bucketId, 'incoming/')]);
    });

    it('writes objects only under reports/, rejected/ and runs/', () => {
      const writable = ['reports/', 'rejected/', 'runs/'].map((prefix) => objectsArn(bucketId, prefix));
      hasStatement({ Action: 's3:PutObject', Resource: writable });
      expect(resourcesFor('s3:PutObject')).toEqual(writable);
    });

    it('lists the data bucket and no other', () => {
      hasStatement({ Action: 's3:ListBucket', Resource: arnOf(bucketId) });
      expect(resourcesFor('s3:ListBucket')).toEqual([arnOf(bucketId)]);
    });

    it('sends email only from the configured identity with the configuration set', () => {
      const sending = [
        sesArn(':identity/example.com'),
        sesArn(':configuration-set/', { Ref: configurationSetId }),
      ];
      hasStatement({ Action: ['ses:SendEmail', 'ses:SendRawEmail'], Resource: sending });
      const sesStatements = statements.filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('ses:')),
      );
      expect(sesStatements.flatMap(actionsOf).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(sesStatements.flatMap(resourcesOf)).toEqual(sending);
    });

    it("writes logs only to the function's own log group", () => {
      const ownLogGroup = arnOf(logicalId(stack, stack[name].logGroup));
      hasStatement({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ownLogGroup });
      const logStatements = statements.filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('logs:')),
      );
      expect(logStatements.flatMap(resourcesOf)).toEqual([ownLogGroup]);
    });

    it('may send to its dead-letter queue, which is encrypted, and so use the queue key', () => {
      const deadLetters = (
        propertiesOf(template, logicalId(stack, stack[name].function)).DeadLetterConfig as {
          TargetArn: unknown;
        }
      ).TargetArn;
      hasStatement({ Action: 'sqs:SendMessage', Resource: deadLetters });
      const queueId = (deadLetters as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const key = propertiesOf(template, queueId).KmsMasterKeyId;
      expect(key).toEqual(arnOf(logicalId(stack, stack.operations.key)));
      for (const action of ['kms:GenerateDataKey', 'kms:Decrypt'])
        expect(resourcesFor(action)).toEqual([key]);
    });

    it('grants no wildcard action or resource, no delete and nothing on IAM', () => {
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        for (const action of actionsOf(statement)) {
          expect(action).not.toContain('*');
          expect(action).not.toMatch(/^s3:Delete/);
          expect(action).not.toMatch(/^iam:/);
        }
        for (const resource of resourcesOf(statement)) expect(resource).not.toBe('*');
      }
    });

    it('has no managed policy and no policy but its own', () => {
      expect(propertiesOf(template, roleId)).not.toHaveProperty('ManagedPolicyArns');
      const attached = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
        JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`),
      );
      expect(attached).toHaveLength(1);
    });
  });

  it('sends from the address itself when the SES identity is an address', () => {
    const { stack: addressStack, template: addressTemplate } = synthTemplate({
      ...testConfiguration(),
      sesIdentity: 'reports@example.com',
    });
    const roleId = logicalId(addressStack, addressStack.uploadFunction.role);
    const sesStatement = statementsOfRole(addressTemplate, roleId).find((statement) =>
      actionsOf(statement).includes('ses:SendEmail'),
    );
    expect(sesStatement && resourcesOf(sesStatement)[0]).toEqual(sesArn(':identity/reports@example.com'));
  });
});
