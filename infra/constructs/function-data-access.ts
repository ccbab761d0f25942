/**
 * What the report functions may do in the data bucket, granted to their roles: each prefix and action named,
 * no delete, no other bucket. The approval objects are the upload function's alone, and only to read; Athena's
 * results (the Athena path) the schedule function's alone, and only to read.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Prefixes } from '../../lambda/config/app-config.ts';

/**
 * Read the input files (in the version an event names), read and write the archive and the run claims, write the error reports, and list the
 * bucket (S3 answers 404 rather than 403 for a missing key only to a role that may list; a missing claim must read
 * as missing). Nothing else: no delete, no other bucket.
 */
export function grantDataAccess(role: iam.IRole, bucket: s3.IBucket, prefixes: Prefixes): void {
  const objects = (prefix: string) => bucket.arnForObjects(`${prefix}*`);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadInputsArchiveAndClaims',
      actions: ['s3:GetObject'],
      resources: [objects(prefixes.incoming), objects(prefixes.reports), objects(prefixes.runs)],
    }),
  );
  // An upload run reads the exact version its event names (the bucket is versioned): a newer upload under the
  // same key must not be reported in the older one's place.
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadInputVersions',
      actions: ['s3:GetObjectVersion'],
      resources: [objects(prefixes.incoming)],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'WriteArchiveRejectsAndClaims',
      actions: ['s3:PutObject'],
      resources: [objects(prefixes.reports), objects(prefixes.rejected), objects(prefixes.runs)],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ListDataBucket',
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
    }),
  );
}

/** The upload function reads the approval objects (release or discard a held report); it never writes them. */
export function grantApprovalReading(role: iam.IRole, bucket: s3.IBucket, prefixes: Prefixes): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadApprovals',
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects(`${prefixes.approvals}*`)],
    }),
  );
}

/** The schedule function reads Athena's results (the Athena path); Athena writes them, the function never does. */
export function grantAggregateReading(role: iam.IRole, bucket: s3.IBucket, prefixes: Prefixes): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadAggregates',
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects(`${prefixes.aggregates}*`)],
    }),
  );
}
