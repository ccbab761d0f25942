/**
 * The data bucket: KMS-managed encryption (S3-managed keys), no public access, TLS only, versioning (an input
 * overwritten by mistake is not lost), lifecycle rules for reports, rejects and run claims (and Athena's results,
 * on the Athena path), and server access logs in a bucket of their own.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Prefixes } from '../../lambda/config/app-config.ts';

export interface DataBucketProps {
  prefixes: Prefixes;
  retentionDays: { reports: number; rejected: number };
  /** Athena writes its results under the aggregates prefix (the Athena path): they are kept a week. */
  aggregates?: boolean;
}

/** How long Athena's results stay: a run reads them within its state machine's execution (6 hours at most). */
export const AGGREGATES_EXPIRE_AFTER = Duration.days(7);

export class DataBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataBucketProps) {
    super(scope, id);
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new s3.Bucket(this, 'Data', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'data-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-reports',
          prefix: props.prefixes.reports,
          expiration: Duration.days(props.retentionDays.reports),
          noncurrentVersionExpiration: Duration.days(30),
        },
        {
          id: 'expire-rejected',
          prefix: props.prefixes.rejected,
          expiration: Duration.days(props.retentionDays.rejected),
          noncurrentVersionExpiration: Duration.days(30),
        },
        {
          id: 'expire-run-claims',
          prefix: props.prefixes.runs,
          expiration: Duration.days(props.retentionDays.reports),
          noncurrentVersionExpiration: Duration.days(7),
        },
        {
          id: 'expire-old-input-versions',
          prefix: props.prefixes.incoming,
          noncurrentVersionExpiration: Duration.days(90),
        },
        ...(props.aggregates
          ? [
              {
                id: 'expire-aggregates',
                prefix: props.prefixes.aggregates,
                expiration: AGGREGATES_EXPIRE_AFTER,
                noncurrentVersionExpiration: Duration.days(1),
              },
            ]
          : []),
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
  }
}
