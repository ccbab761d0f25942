/**
 * The whole deployment: the data bucket, the two report functions (upload, schedule) with least-privilege
 * roles, S3 notifications for new input files, the schedules, SES sending, dead-letter queues and alarms.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import type { Prefixes } from '../lambda/config/app-config.ts';
import { ENVIRONMENT_VARIABLES } from '../lambda/handlers/environment.ts';
import { DataBucket } from './constructs/data-bucket.ts';
import { EmailSending } from './constructs/email-sending.ts';
import { OperationsAlarms } from './constructs/operations-alarms.ts';
import { ReportFunction, type ReportFunctionProps } from './constructs/report-function.ts';
import { ReportSchedules } from './constructs/report-schedules.ts';
import type { DeployConfig } from './deploy-config.ts';

export interface SegmentReportStackProps extends StackProps {
  config: DeployConfig;
}

const handlerPath = (name: string) => fileURLToPath(new URL(`../lambda/handlers/${name}`, import.meta.url));

export class SegmentReportStack extends Stack {
  readonly data: DataBucket;
  readonly uploadFunction: ReportFunction;
  readonly scheduleFunction: ReportFunction;
  readonly schedules: ReportSchedules;
  readonly operations: OperationsAlarms;
  readonly prefixes: Prefixes;

  constructor(scope: Construct, id: string, props: SegmentReportStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.prefixes = config.job.prefixes;
    this.operations = new OperationsAlarms(this, 'Operations', { alarmEmails: config.alarmEmails });
    this.data = new DataBucket(this, 'Storage', {
      prefixes: this.prefixes,
      retentionDays: config.retentionDays,
    });
    const email = new EmailSending(this, 'Email', {
      identity: config.sesIdentity,
      alarmTopic: this.operations.topic,
    });
    const environment = this.functionEnvironment(config, email);
    const functionProps = { environment, logRetentionDays: config.retentionDays.logs };
    this.uploadFunction = this.reportFunction('Upload', 'on-upload.ts', {
      ...functionProps,
      description: 'segment-report: analyse a file dropped under the input prefix and email the report',
      deadLetters: 'upload runs',
    });
    this.scheduleFunction = this.reportFunction('Schedule', 'on-schedule.ts', {
      ...functionProps,
      description: 'segment-report: the weekly report and the quarterly review',
      deadLetters: 'scheduled runs',
    });
    for (const fn of [this.uploadFunction.function, this.scheduleFunction.function]) {
      grantDataAccess(fn.role as iam.IRole, this.data.bucket, this.prefixes);
      grantSending(fn.role as iam.IRole, this, email);
    }
    this.runOnEveryUpload();
    this.schedules = new ReportSchedules(this, 'Schedules', {
      target: this.scheduleFunction.function,
      timeZone: config.schedules.timeZone,
      weekly: config.schedules.weekly,
      quarterly: config.schedules.quarterly,
      deadLetterQueue: this.operations.deadLetterQueue('SchedulerDeadLetters', 'schedule deliveries'),
    });
    this.addOutputs();
  }

  /** What both functions are told: the job's configuration (with the SES configuration set) and the bucket. */
  private functionEnvironment(config: DeployConfig, email: EmailSending): Record<string, string> {
    const job = { ...config.job, configurationSetName: email.configurationSet.configurationSetName };
    return {
      [ENVIRONMENT_VARIABLES.config]: JSON.stringify(job),
      [ENVIRONMENT_VARIABLES.bucket]: this.data.bucket.bucketName,
    };
  }

  /** One report function on its handler, with its dead-letter queue and its alarms. */
  private reportFunction(
    id: string,
    handler: string,
    props: Omit<ReportFunctionProps, 'entry' | 'deadLetterQueue'> & { deadLetters: string },
  ): ReportFunction {
    const { deadLetters, ...functionProps } = props;
    const reportFunction = new ReportFunction(this, id, {
      ...functionProps,
      entry: handlerPath(handler),
      deadLetterQueue: this.operations.deadLetterQueue(`${id}DeadLetters`, deadLetters),
    });
    this.operations.watchFunction(`${id}Function`, reportFunction.function);
    return reportFunction;
  }

  /**
   * Every object created under the input prefix, whatever its name: S3 suffix filters are case-sensitive, so a
   * `.csv` filter would drop `SALES.CSV` without a word. The handler takes the CSVs and tells the data team about
   * anything else. The function writes only under the other prefixes, which the configuration keeps apart from
   * this one (app-config.ts), so its own writes never start a run.
   */
  private runOnEveryUpload(): void {
    this.data.bucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new LambdaDestination(this.uploadFunction.function),
      { prefix: this.prefixes.incoming },
    );
  }

  private addOutputs(): void {
    new CfnOutput(this, 'DataBucketName', { value: this.data.bucket.bucketName });
    new CfnOutput(this, 'DropFilesUnder', {
      value: `s3://${this.data.bucket.bucketName}/${this.prefixes.incoming}`,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.operations.topic.topicArn });
  }
}

/**
 * Read the input files (in the version an event names), read and write the archive and the run claims, write the error reports, and list the
 * bucket (S3 answers 404 rather than 403 for a missing key only to a role that may list; a missing claim must read
 * as missing). Nothing else: no delete, no other bucket.
 */
function grantDataAccess(role: iam.IRole, bucket: s3.IBucket, prefixes: Prefixes): void {
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

/** Send email from the configured identity with the configuration set, nothing else. */
function grantSending(role: iam.IRole, stack: Stack, email: EmailSending): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'SendReportEmail',
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: email.identityName }),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: email.configurationSet.configurationSetName,
        }),
      ],
    }),
  );
}
