/**
 * What the data team's people may do about a held report, as two customer-managed policies that an admin
 * attaches to them (nothing is attached here): the release command's needs, and, for people without it, only
 * writing the approval object that makes the upload function release or discard the report.
 * The data bucket is encrypted with S3-managed keys (data-bucket.ts), so no KMS key is granted.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Prefixes } from '../../lambda/config/app-config.ts';
import type { EmailSending } from './email-sending.ts';

export interface HeldReportAccessProps {
  bucket: s3.IBucket;
  prefixes: Prefixes;
  /** The held report's email is sent as the functions send theirs. */
  email: EmailSending;
}

export class HeldReportAccess extends Construct {
  /** The release command's: read and write the run claims and the archive, list the held runs, send the email. */
  readonly releasePolicy: iam.ManagedPolicy;
  /** Only the approval objects (`<approvals prefix><run>.release` or `.discard`). */
  readonly approvePolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: HeldReportAccessProps) {
    super(scope, id);
    const { bucket, prefixes } = props;
    const objects = (prefix: string) => bucket.arnForObjects(`${prefix}*`);
    const claimsAndArchive = [objects(prefixes.runs), objects(prefixes.reports)];
    this.releasePolicy = new iam.ManagedPolicy(this, 'ReleaseHeldReportsPolicy', {
      description: 'segment-report: release or discard a held report with the command line',
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadClaimsAndArchive',
          actions: ['s3:GetObject'],
          resources: claimsAndArchive,
        }),
        // The claim moves by a conditional put; a release writes the analysis under the name later runs read.
        new iam.PolicyStatement({
          sid: 'WriteClaimsAndArchive',
          actions: ['s3:PutObject'],
          resources: claimsAndArchive,
        }),
        // Unconditioned, as the functions' own: S3 answers 404 for a missing key (a mistyped run) only to a
        // principal that may list the bucket; a condition on the prefix would turn it into 403 (access denied).
        new iam.PolicyStatement({
          sid: 'ListHeldRunsAndArchive',
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
        }),
        props.email.sendingStatement('SendHeldReportEmail'),
      ],
    });
    this.approvePolicy = new iam.ManagedPolicy(this, 'ApproveHeldReportsPolicy', {
      description: 'segment-report: release or discard a held report by writing its approval object',
      statements: [
        new iam.PolicyStatement({
          sid: 'WriteApprovals',
          actions: ['s3:PutObject'],
          resources: [objects(prefixes.approvals)],
        }),
      ],
    });
  }
}
