/**
 * The Athena path (issue 16), built only when the job configures a warehouse: the Glue table over the data
 * bucket's files, an Athena workgroup that writes its results under the aggregates prefix and cancels a query past
 * the scan limit, and the state machine the weekly and quarterly schedules start. The schedule function plans the
 * run, Athena runs the planned queries, the function reports from their results, and the data team hears of any
 * failure. Its role may do exactly that: this workgroup, this table, these prefixes, no delete.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { Prefixes } from '../../lambda/config/app-config.ts';
import { type WarehouseConfig, warehouseLocation } from '../../lambda/config/warehouse-config.ts';
import { aggregationWorkflow } from './aggregation-workflow.ts';
import { retentionOf } from './report-function.ts';

export interface WarehouseAggregationProps {
  warehouse: WarehouseConfig;
  bucket: s3.IBucket;
  prefixes: Prefixes;
  /** The schedule function: plans a run, reports from Athena's results, tells the data team of a failure. */
  scheduleFunction: lambda.IFunction;
  logRetentionDays: number;
}

/** Athena refuses a smaller per-query cut-off than 10 MB. */
const MIN_SCAN_CUTOFF_BYTES = 10_000_000;
/** Hive's storage of each format, as Athena reads it (CSV: OpenCSVSerde, every field text). */
const CSV_STORAGE = {
  inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
  serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
};
const PARQUET_STORAGE = {
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
};

export class WarehouseAggregation extends Construct {
  readonly database: glue.CfnDatabase;
  readonly table: glue.CfnTable;
  readonly workGroup: athena.CfnWorkGroup;
  readonly workGroupName: string;
  /** The table's files: a prefix of the data bucket (its own, or the input prefix). */
  readonly location: string;
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WarehouseAggregationProps) {
    super(scope, id);
    const { warehouse, bucket, prefixes } = props;
    const stack = Stack.of(this);
    // Athena's workgroup names take letters, digits, '.', '_' and '-' (a stack name has no other characters).
    this.workGroupName = `${stack.stackName}-aggregation`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 128);
    this.database = new glue.CfnDatabase(this, 'Database', {
      catalogId: stack.account,
      databaseInput: {
        name: warehouse.database,
        description: 'segment-report: the table the scheduled runs aggregate',
      },
    });
    this.location = warehouseLocation(warehouse, prefixes.incoming);
    this.table = this.defineTable(warehouse, `s3://${bucket.bucketName}/${this.location}`);
    this.workGroup = new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: this.workGroupName,
      description: 'segment-report: the aggregation queries of the scheduled runs',
      state: 'ENABLED',
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        bytesScannedCutoffPerQuery: Math.max(
          Math.round(warehouse.scanLimitGigabytes * 1e9),
          MIN_SCAN_CUTOFF_BYTES,
        ),
        resultConfiguration: {
          outputLocation: `s3://${bucket.bucketName}/${prefixes.aggregates}`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
          expectedBucketOwner: stack.account,
        },
      },
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: retentionOf(props.logRetentionDays) });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'segment-report: a scheduled run aggregated by Athena, then reported by the schedule function',
      definitionBody: sfn.DefinitionBody.fromChainable(
        aggregationWorkflow(this, {
          scheduleFunction: props.scheduleFunction,
          workGroupName: this.workGroupName,
          database: warehouse.database,
        }),
      ),
      stateMachineType: sfn.StateMachineType.STANDARD,
      timeout: Duration.hours(6),
      tracingEnabled: true,
      // Every state's events, without their input and output (the SQL, the result locations).
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    for (const statement of this.queryStatements(props)) this.stateMachine.addToRolePolicy(statement);
  }

  private defineTable(warehouse: WarehouseConfig, location: string): glue.CfnTable {
    const csv = warehouse.format === 'csv';
    const { serializationLibrary, ...formats } = csv ? CSV_STORAGE : PARQUET_STORAGE;
    const header = csv && warehouse.header ? { 'skip.header.line.count': '1' } : {};
    return new glue.CfnTable(this, 'Table', {
      catalogId: Stack.of(this).account,
      databaseName: this.database.ref,
      tableInput: {
        name: warehouse.table,
        description: 'segment-report: the transactions the scheduled runs aggregate',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: warehouse.format, ...header },
        storageDescriptor: {
          location,
          columns: warehouse.columns.map(({ name, type }) => ({ name, type })),
          ...formats,
          serdeInfo: {
            serializationLibrary,
            parameters: csv
              ? { separatorChar: warehouse.delimiter, quoteChar: '"', escapeChar: '\\' }
              : { 'serialization.format': '1' },
          },
        },
      },
    });
  }

  /**
   * What Athena does with the state machine's credentials: run queries in this workgroup only, read this table's
   * definition and files, and write (never delete) its results under the aggregates prefix.
   */
  private queryStatements({ warehouse, bucket, prefixes }: WarehouseAggregationProps): iam.PolicyStatement[] {
    const stack = Stack.of(this);
    const location = this.location;
    const glueArn = (resource: string, resourceName?: string) =>
      stack.formatArn({ service: 'glue', resource, resourceName });
    const statement = (sid: string, actions: string[], resources: string[], conditions?: iam.Conditions) =>
      new iam.PolicyStatement({ sid, actions, resources, conditions });
    return [
      statement(
        'RunAggregationQueries',
        ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:StopQueryExecution'],
        [stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: this.workGroupName })],
      ),
      statement(
        'ReadTableDefinition',
        ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
        [
          glueArn('catalog'),
          glueArn('database', warehouse.database),
          glueArn('table', `${warehouse.database}/${warehouse.table}`),
        ],
      ),
      statement('ReadTableFiles', ['s3:GetObject'], [bucket.arnForObjects(`${location}*`)]),
      // Athena lists the table's files and its results; nothing else in the bucket.
      statement('ListTableAndResults', ['s3:ListBucket'], [bucket.bucketArn], {
        StringLike: { 's3:prefix': [`${location}*`, `${prefixes.aggregates}*`] },
      }),
      statement('LocateDataBucket', ['s3:GetBucketLocation'], [bucket.bucketArn]),
      statement(
        'WriteQueryResults',
        ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        [bucket.arnForObjects(`${prefixes.aggregates}*`)],
      ),
    ];
  }
}
