/**
 * The whole deployment: the data bucket, the two report functions (upload, schedule) with least-privilege
 * roles, S3 notifications for new input files and approval objects, the schedules, SES sending, dead-letter
 * queues and alarms, and the policies that let people release or discard a held report; with a warehouse
 * configured, the Athena path (the Glue table, the workgroup, and the state machine that the weekly and
 * quarterly runs start).
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import type { Prefixes } from '../lambda/config/app-config.ts';
import type { WarehouseConfig } from '../lambda/config/warehouse-config.ts';
import { ENVIRONMENT_VARIABLES } from '../lambda/handlers/environment.ts';
import { DataBucket } from './constructs/data-bucket.ts';
import { EmailSending } from './constructs/email-sending.ts';
import {
  grantAggregateReading,
  grantApprovalReading,
  grantDataAccess,
} from './constructs/function-data-access.ts';
import { HeldReportAccess } from './constructs/held-report-access.ts';
import { OperationsAlarms } from './constructs/operations-alarms.ts';
import { ReportFunction, type ReportFunctionProps } from './constructs/report-function.ts';
import { ReportSchedules } from './constructs/report-schedules.ts';
import { WarehouseAggregation } from './constructs/warehouse-aggregation.ts';
import { HELD_REPORT_EXPIRED } from '../lambda/delivery/held-report-expiry.ts';
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
  readonly heldReportAccess: HeldReportAccess;
  readonly prefixes: Prefixes;
  /** The Athena path: only when the job configures a warehouse. */
  readonly warehouse?: WarehouseAggregation;

  constructor(scope: Construct, id: string, props: SegmentReportStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.prefixes = config.job.prefixes;
    this.operations = new OperationsAlarms(this, 'Operations', { alarmEmails: config.alarmEmails });
    this.data = new DataBucket(this, 'Storage', {
      prefixes: this.prefixes,
      retentionDays: config.retentionDays,
      aggregates: config.job.warehouse !== undefined,
    });
    const email = new EmailSending(this, 'Email', {
      identity: config.sesIdentity,
      alarmTopic: this.operations.topic,
    });
    const environment = this.functionEnvironment(config, email);
    const functionProps = { environment, logRetentionDays: config.retentionDays.logs };
    this.uploadFunction = this.reportFunction('Upload', 'on-upload.ts', {
      ...functionProps,
      description:
        'segment-report: analyse a file dropped under the input prefix and email the report; release or discard a held report',
      deadLetters: 'upload runs',
    });
    this.scheduleFunction = this.reportFunction('Schedule', 'on-schedule.ts', {
      ...functionProps,
      description: 'segment-report: the weekly report and the quarterly review; expire held reports',
      deadLetters: 'scheduled runs',
    });
    for (const { role } of [this.uploadFunction, this.scheduleFunction]) {
      grantDataAccess(role, this.data.bucket, this.prefixes);
      role.addToPrincipalPolicy(email.sendingStatement('SendReportEmail'));
    }
    grantApprovalReading(this.uploadFunction.role, this.data.bucket, this.prefixes);
    this.runOnEveryUpload();
    this.runOnEveryApproval();
    const { warehouse } = config.job;
    if (warehouse) this.warehouse = this.aggregateWithAthena(warehouse, config.retentionDays.logs);
    this.schedules = new ReportSchedules(this, 'Schedules', {
      target: this.scheduleFunction.function,
      aggregation: this.warehouse?.stateMachine,
      timeZone: config.schedules.timeZone,
      weekly: config.schedules.weekly,
      quarterly: config.schedules.quarterly,
      deadLetterQueue: this.operations.deadLetterQueue('SchedulerDeadLetters', 'schedule deliveries'),
    });
    this.operations.alarmOnLogMessage('HeldReportsExpired', {
      logGroup: this.scheduleFunction.logGroup,
      message: HELD_REPORT_EXPIRED,
      description: 'a held report expired: nobody released or discarded it in time, and it was never sent',
    });
    this.heldReportAccess = new HeldReportAccess(this, 'HeldReports', {
      bucket: this.data.bucket,
      prefixes: this.prefixes,
      email,
    });
    this.addOutputs();
  }

  /**
   * The Athena path: the state machine plans with the schedule function, aggregates with Athena under the
   * aggregates prefix, and reports with the function, which may read the results there. Alarms on failed runs.
   */
  private aggregateWithAthena(warehouse: WarehouseConfig, logRetentionDays: number): WarehouseAggregation {
    const aggregation = new WarehouseAggregation(this, 'Warehouse', {
      warehouse,
      bucket: this.data.bucket,
      prefixes: this.prefixes,
      scheduleFunction: this.scheduleFunction.function,
      logRetentionDays,
    });
    grantAggregateReading(this.scheduleFunction.role, this.data.bucket, this.prefixes);
    this.operations.watchStateMachine('Aggregation', aggregation.stateMachine, 'scheduled runs on Athena');
    return aggregation;
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

  /**
   * Every object created under the approvals prefix releases or discards a held report: the upload function
   * reads its key (`<run>.release`, `<run>.discard`) and ignores any other. Neither function writes there.
   */
  private runOnEveryApproval(): void {
    this.data.bucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new LambdaDestination(this.uploadFunction.function),
      { prefix: this.prefixes.approvals },
    );
  }

  private addOutputs(): void {
    new CfnOutput(this, 'DataBucketName', { value: this.data.bucket.bucketName });
    new CfnOutput(this, 'DropFilesUnder', {
      value: `s3://${this.data.bucket.bucketName}/${this.prefixes.incoming}`,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.operations.topic.topicArn });
    new CfnOutput(this, 'ReleaseHeldReportsPolicyArn', {
      description: 'Attach to people who release or discard held reports with the command line',
      value: this.heldReportAccess.releasePolicy.managedPolicyArn,
    });
    new CfnOutput(this, 'ApproveHeldReportsPolicyArn', {
      description: 'Attach to people who release or discard held reports by writing an approval object',
      value: this.heldReportAccess.approvePolicy.managedPolicyArn,
    });
    if (this.warehouse) {
      new CfnOutput(this, 'AggregationStateMachineArn', {
        value: this.warehouse.stateMachine.stateMachineArn,
      });
      new CfnOutput(this, 'AthenaWorkGroupName', { value: this.warehouse.workGroupName });
    }
  }
}
