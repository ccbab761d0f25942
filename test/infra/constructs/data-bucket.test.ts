// The data bucket as deployed: encrypted, private, TLS only, versioned, logged to its own access-log bucket,
// expiring reports and rejects after the configured days, and kept when the stack goes.
import type { Template } from 'aws-cdk-lib/assertions';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { arnOf, logicalId, synthTemplate, testConfiguration } from '../support/synth-stack.ts';

describe('DataBucket', () => {
  let template: Template;
  let bucketId: string;
  let accessLogsId: string;
  /** Only the data bucket logs to the access-log bucket: this picks it out among the buckets. */
  let isDataBucket: Record<string, unknown>;

  beforeAll(() => {
    const built = synthTemplate({ ...testConfiguration(), retentionDays: { reports: 200, rejected: 45 } });
    template = built.template;
    bucketId = logicalId(built.stack, built.stack.data.bucket);
    accessLogsId = logicalId(built.stack, built.stack.data.accessLogs);
    isDataBucket = {
      LoggingConfiguration: { DestinationBucketName: { Ref: accessLogsId }, LogFilePrefix: 'data-bucket/' },
    };
  });

  it('logs its requests to the access-log bucket, a bucket of its own', () => {
    expect(bucketId).not.toBe(accessLogsId);
    template.hasResourceProperties('AWS::S3::Bucket', isDataBucket);
  });

  it('is encrypted at rest', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ...isDataBucket,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
  });

  it('blocks every kind of public access', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ...isDataBucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('keeps every version of an object', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ...isDataBucket,
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('expires reports and rejects after the configured days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ...isDataBucket,
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'reports/', ExpirationInDays: 200, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'rejected/', ExpirationInDays: 45, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('never expires current input files (only their old versions)', () => {
    const incomingRules = Match.objectLike({ Prefix: 'incoming/', ExpirationInDays: Match.anyValue() });
    expect(() =>
      template.hasResourceProperties('AWS::S3::Bucket', {
        ...isDataBucket,
        LifecycleConfiguration: { Rules: Match.arrayWith([incomingRules]) },
      }),
    ).toThrow();
  });

  it('refuses every request that is not over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: [arnOf(bucketId), { 'Fn::Join': ['', [arnOf(bucketId), '/*']] }],
          }),
        ]),
      },
    });
  });

  it('is retained when the stack is deleted or the bucket replaced', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike(isDataBucket),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('expires reports after 400 days and rejects after 90 by default', () => {
    const { stack, template: defaults } = synthTemplate();
    defaults.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.objectLike({
        DestinationBucketName: { Ref: logicalId(stack, stack.data.accessLogs) },
      }),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'reports/', ExpirationInDays: 400 }),
          Match.objectLike({ Prefix: 'rejected/', ExpirationInDays: 90 }),
        ]),
      },
    });
  });
});
