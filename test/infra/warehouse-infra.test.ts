// The Athena path (issue 16), the infrastructure side, built only with `job.warehouse`: the Glue table over the data
// bucket's files (CSV or Parquet), an Athena workgroup that enforces its settings (engine 3, SSE-S3 results under
// aggregates/, the scan cut-off), and the state machine the weekly and quarterly schedules start (plan with the
// schedule function, route, run the planned queries, report; a failure tells the data team, then fails). Its role
// holds exactly the statements written for it; the schedule function may read the results; a failed execution
// raises an alarm. Without a warehouse, none of it exists.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReportStack } from '../../infra/segment-report-stack.ts';
import type { WarehouseAggregation } from '../../infra/constructs/warehouse-aggregation.ts';
import { AGGREGATION_FAILED_TASK, AGGREGATION_STEPS } from '../../lambda/vocabulary/aggregation-steps.ts';
import {
  type PolicyStatementJson,
  actionsOf,
  arnOf,
  type AslDefinition,
  type AslState,
  stateMachineDefinition,
  logicalId,
  objectsArn,
  propertiesOf,
  resourcesOf,
  statementsOfRole,
  synthTemplate,
  testConfiguration,
  warehouseConfiguration,
} from './support/synth-stack.ts';
import { ONLINE_RETAIL_TABLE_COLUMNS } from '../support/online-retail-table.ts';

/** An ARN in the stack's partition, region and account: `arn:...:<service>:region:account<resource>`. */
function regionalArn(service: string, resource: string): unknown {
  return {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        `:${service}:`,
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        resource,
      ],
    ],
  };
}

/** The retry CDK gives every Lambda task: Lambda's own service errors. */
const LAMBDA_SERVICE_RETRY = {
  ErrorEquals: [
    'Lambda.ClientExecutionTimeoutException',
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
  ],
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
};

const CAUGHT = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'NotifyDataTeam' }];

function warehouseOf(stack: SegmentReportStack): WarehouseAggregation {
  if (!stack.warehouse) throw new Error('the stack has no warehouse');
  return stack.warehouse;
}

describe('the Athena path: infrastructure', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let warehouse: WarehouseAggregation;
  let bucketId: string;
  let stateMachineId: string;
  let definition: AslDefinition;
  let functionArn: string;

  beforeAll(() => {
    ({ stack, template } = synthTemplate(warehouseConfiguration()));
    warehouse = warehouseOf(stack);
    bucketId = logicalId(stack, stack.data.bucket);
    stateMachineId = logicalId(stack, warehouse.stateMachine);
    definition = stateMachineDefinition(template, stateMachineId);
    functionArn = `<${logicalId(stack, stack.scheduleFunction.function)}.Arn>`;
  });

  describe('the Glue table', () => {
    it('is in its own database, named as configured (segment_report by default)', () => {
      template.resourceCountIs('AWS::Glue::Database', 1);
      template.hasResourceProperties('AWS::Glue::Database', {
        CatalogId: { Ref: 'AWS::AccountId' },
        DatabaseInput: Match.objectLike({ Name: 'segment_report' }),
      });
    });

    it('is an external CSV table over the input prefix, its header line skipped, read by OpenCSVSerde', () => {
      template.resourceCountIs('AWS::Glue::Table', 1);
      expect(propertiesOf(template, logicalId(stack, warehouse.table))).toEqual({
        CatalogId: { Ref: 'AWS::AccountId' },
        DatabaseName: { Ref: logicalId(stack, warehouse.database) },
        TableInput: {
          Name: 'transactions',
          Description: expect.any(String),
          TableType: 'EXTERNAL_TABLE',
          Parameters: { classification: 'csv', 'skip.header.line.count': '1' },
          StorageDescriptor: {
            Location: { 'Fn::Join': ['', ['s3://', { Ref: bucketId }, '/incoming/']] },
            Columns: ONLINE_RETAIL_TABLE_COLUMNS.map((name) => ({ Name: name, Type: 'string' })),
            InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
            OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
            SerdeInfo: {
              SerializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
              Parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
            },
          },
        },
      });
    });

    it('takes the configured delimiter, and skips no line of a file without a header', () => {
      const configuration = warehouseConfiguration();
      const job = configuration.job as { warehouse: Record<string, unknown> };
      job.warehouse = { ...job.warehouse, delimiter: ';', header: false };
      const configured = synthTemplate(configuration);
      const table = propertiesOf(
        configured.template,
        logicalId(configured.stack, warehouseOf(configured.stack).table),
      ) as { TableInput: { Parameters: unknown; StorageDescriptor: { SerdeInfo: { Parameters: unknown } } } };
      expect(table.TableInput.Parameters).toEqual({ classification: 'csv' });
      expect(table.TableInput.StorageDescriptor.SerdeInfo.Parameters).toEqual({
        separatorChar: ';',
        quoteChar: '"',
        escapeChar: '\\',
      });
    });
  });

  describe('a Parquet table elsewhere in the bucket', () => {
    let parquet: { stack: SegmentReportStack; template: Template };
    let parquetBucket: string;

    beforeAll(() => {
      const configuration = testConfiguration();
      parquet = synthTemplate({
        ...configuration,
        job: {
          ...configuration.job,
          warehouse: {
            database: 'retail',
            table: 'orders',
            location: 'lake/sales/',
            format: 'parquet',
            columns: [
              { name: 'invoice', type: 'string' },
              { name: 'quantity', type: 'bigint' },
              { name: 'invoice_date', type: 'timestamp' },
              { name: 'unit_price', type: 'decimal(18,4)' },
              { name: 'customer_id', type: 'string' },
            ],
            roles: {
              customer: 'customer_id',
              order: 'invoice',
              date: 'invoice_date',
              quantity: 'quantity',
              price: 'unit_price',
            },
            scanLimitGigabytes: 0.25,
          },
        },
      });
      parquetBucket = logicalId(parquet.stack, parquet.stack.data.bucket);
    });

    it('is read by the Parquet SerDe, with its typed columns, at its own location', () => {
      const aggregation = warehouseOf(parquet.stack);
      expect(propertiesOf(parquet.template, logicalId(parquet.stack, aggregation.table))).toEqual({
        CatalogId: { Ref: 'AWS::AccountId' },
        DatabaseName: { Ref: logicalId(parquet.stack, aggregation.database) },
        TableInput: {
          Name: 'orders',
          Description: expect.any(String),
          TableType: 'EXTERNAL_TABLE',
          Parameters: { classification: 'parquet' },
          StorageDescriptor: {
            Location: { 'Fn::Join': ['', ['s3://', { Ref: parquetBucket }, '/lake/sales/']] },
            Columns: [
              { Name: 'invoice', Type: 'string' },
              { Name: 'quantity', Type: 'bigint' },
              { Name: 'invoice_date', Type: 'timestamp' },
              { Name: 'unit_price', Type: 'decimal(18,4)' },
              { Name: 'customer_id', Type: 'string' },
            ],
            InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
            OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
            SerdeInfo: {
              SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
              Parameters: { 'serialization.format': '1' },
            },
          },
        },
      });
      parquet.template.hasResourceProperties('AWS::Glue::Database', {
        DatabaseInput: Match.objectLike({ Name: 'retail' }),
      });
    });

    it('cuts a query off at the configured scan limit', () => {
      parquet.template.hasResourceProperties('AWS::Athena::WorkGroup', {
        WorkGroupConfiguration: Match.objectLike({ BytesScannedCutoffPerQuery: 250_000_000 }),
      });
    });

    it('lets the state machine read that table and its files only, and query that database', () => {
      const aggregation = warehouseOf(parquet.stack);
      const statements = statementsOfRole(
        parquet.template,
        logicalId(parquet.stack, aggregation.stateMachine.role),
      );
      const sid = (name: string) => statements.find((statement) => statement.Sid === name);
      expect(sid('ReadTableFiles')?.Resource).toEqual(objectsArn(parquetBucket, 'lake/sales/'));
      expect(sid('ListTableAndResults')?.Condition).toEqual({
        StringLike: { 's3:prefix': ['lake/sales/*', 'aggregates/*'] },
      });
      expect(sid('ReadTableDefinition')?.Resource).toEqual([
        regionalArn('glue', ':catalog'),
        regionalArn('glue', ':database/retail'),
        regionalArn('glue', ':table/retail/orders'),
      ]);
      const runQuery = stateMachineDefinition(
        parquet.template,
        logicalId(parquet.stack, aggregation.stateMachine),
      ).States.Aggregate?.ItemProcessor?.States.RunQuery;
      expect(runQuery?.Parameters?.QueryExecutionContext).toEqual({ Database: 'retail' });
    });
  });

  describe('the Athena workgroup', () => {
    it('enforces engine 3, metrics, SSE-S3 results under aggregates/ in the account’s own bucket, and the cut-off', () => {
      template.resourceCountIs('AWS::Athena::WorkGroup', 1);
      expect(propertiesOf(template, logicalId(stack, warehouse.workGroup))).toEqual({
        Name: 'SegmentReport-aggregation',
        Description: expect.any(String),
        State: 'ENABLED',
        WorkGroupConfiguration: {
          EnforceWorkGroupConfiguration: true,
          PublishCloudWatchMetricsEnabled: true,
          EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
          // scanLimitGigabytes defaults to 1,000.
          BytesScannedCutoffPerQuery: 1_000_000_000_000,
          ResultConfiguration: {
            OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: bucketId }, '/aggregates/']] },
            EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
            ExpectedBucketOwner: { Ref: 'AWS::AccountId' },
          },
        },
      });
      expect(warehouse.workGroupName).toBe('SegmentReport-aggregation');
    });
  });

  describe('the state machine', () => {
    it('is a standard state machine of at most 6 hours, logging every event without execution data, traced', () => {
      template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
      const properties = propertiesOf(template, stateMachineId);
      expect(properties).toMatchObject({
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: {
          Level: 'ALL',
          IncludeExecutionData: false,
          Destinations: [
            {
              CloudWatchLogsLogGroup: { LogGroupArn: arnOf(logicalId(stack, warehouse.logGroup)) },
            },
          ],
        },
      });
      expect(definition.TimeoutSeconds).toBe(6 * 3600);
      expect(propertiesOf(template, logicalId(stack, warehouse.logGroup))).toEqual({ RetentionInDays: 90 });
    });

    it('has exactly these states, starting with Plan', () => {
      expect(definition.StartAt).toBe('Plan');
      const shape = (states: Record<string, AslState>) =>
        Object.fromEntries(
          Object.entries(states).map(([name, state]) => [
            name,
            { type: state.Type, next: state.Next, end: state.End },
          ]),
        );
      expect(shape(definition.States)).toEqual({
        Plan: { type: 'Task', next: 'Route', end: undefined },
        Route: { type: 'Choice', next: undefined, end: undefined },
        AlreadyDone: { type: 'Succeed', next: undefined, end: undefined },
        FromFiles: { type: 'Pass', next: 'Report', end: undefined },
        Aggregate: { type: 'Map', next: 'Report', end: undefined },
        Report: { type: 'Task', next: undefined, end: true },
        NotifyDataTeam: { type: 'Task', next: 'Failed', end: undefined },
        Failed: { type: 'Fail', next: undefined, end: undefined },
      });
      const processor = definition.States.Aggregate?.ItemProcessor;
      expect(processor?.StartAt).toBe('RunQuery');
      expect(shape(processor?.States ?? {})).toEqual({
        RunQuery: { type: 'Task', next: 'KeepExecution', end: undefined },
        KeepExecution: { type: 'Pass', next: undefined, end: true },
      });
      // Each query's result without its SQL: what the report step is handed stays small.
      expect(processor?.States.KeepExecution).toMatchObject({
        Parameters: { 'name.$': '$.name', 'execution.$': '$.execution' },
      });
    });

    it('plans with the schedule function, keeping its route and queries under $.plan', () => {
      expect(definition.States.Plan).toMatchObject({
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: functionArn,
          Payload: { step: AGGREGATION_STEPS.plan, 'kind.$': '$.kind', 'at.$': '$$.Execution.StartTime' },
        },
        ResultSelector: { 'route.$': '$.Payload.route', 'queries.$': '$.Payload.queries' },
        ResultPath: '$.plan',
        Retry: [LAMBDA_SERVICE_RETRY],
      });
      expect(AGGREGATION_STEPS.plan).toBe('plan');
    });

    it('routes a done run to AlreadyDone, an Athena run to Aggregate, any other to FromFiles', () => {
      expect(definition.States.Route).toEqual({
        Type: 'Choice',
        Choices: [
          { Variable: '$.plan.route', StringEquals: 'done', Next: 'AlreadyDone' },
          { Variable: '$.plan.route', StringEquals: 'athena', Next: 'Aggregate' },
        ],
        Default: 'FromFiles',
      });
      expect(definition.States.FromFiles).toEqual({
        Type: 'Pass',
        Result: [],
        ResultPath: '$.aggregate',
        Next: 'Report',
      });
    });

    it('runs the planned queries three at a time, each to its end in the workgroup, on the database', () => {
      const aggregate = definition.States.Aggregate;
      expect(aggregate).toMatchObject({
        ItemsPath: '$.plan.queries',
        MaxConcurrency: 3,
        ResultPath: '$.aggregate',
      });
      const runQuery = aggregate?.ItemProcessor?.States.RunQuery;
      expect(runQuery?.Resource).toMatch(/^arn:aws:states:::/);
      expect(runQuery?.Resource?.endsWith('athena:startQueryExecution.sync')).toBe(true);
      expect(runQuery).toMatchObject({
        Parameters: {
          'QueryString.$': '$.sql',
          WorkGroup: 'SegmentReport-aggregation',
          QueryExecutionContext: { Database: 'segment_report' },
        },
        ResultSelector: {
          'queryExecutionId.$': '$.QueryExecution.QueryExecutionId',
          'outputLocation.$': '$.QueryExecution.ResultConfiguration.OutputLocation',
          'dataScannedBytes.$': '$.QueryExecution.Statistics.DataScannedInBytes',
        },
        ResultPath: '$.execution',
        TimeoutSeconds: 3600,
      });
    });

    it('retries a query only when Athena refused to start it (a failed query would scan, and cost, again)', () => {
      expect(definition.States.Aggregate?.ItemProcessor?.States.RunQuery?.Retry).toEqual([
        {
          ErrorEquals: ['Athena.TooManyRequestsException', 'Athena.InternalServerException'],
          IntervalSeconds: 30,
          MaxAttempts: 3,
          BackoffRate: 2,
        },
      ]);
      expect(definition.States.Aggregate?.ItemProcessor?.States.RunQuery?.Catch).toBeUndefined();
    });

    it('reports with the schedule function from what was aggregated, retrying a failed report twice', () => {
      expect(definition.States.Report).toMatchObject({
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: functionArn,
          Payload: {
            step: AGGREGATION_STEPS.report,
            'kind.$': '$.kind',
            'at.$': '$$.Execution.StartTime',
            'aggregate.$': '$.aggregate',
          },
        },
        OutputPath: '$.Payload',
      });
      expect(definition.States.Report?.Retry).toEqual([
        LAMBDA_SERVICE_RETRY,
        { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 60, MaxAttempts: 2, BackoffRate: 2 },
      ]);
      expect(AGGREGATION_STEPS.report).toBe('report');
    });

    it('catches every error of Plan, Aggregate and Report: NotifyDataTeam, then Failed', () => {
      for (const name of ['Plan', 'Aggregate', 'Report']) {
        expect(definition.States[name]?.Catch, name).toEqual(CAUGHT);
      }
      for (const name of ['Route', 'FromFiles', 'AlreadyDone', 'NotifyDataTeam', 'Failed']) {
        expect(definition.States[name]?.Catch, name).toBeUndefined();
      }
      expect(definition.States.NotifyDataTeam).toMatchObject({
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: functionArn,
          Payload: {
            task: AGGREGATION_FAILED_TASK,
            'kind.$': '$.kind',
            'at.$': '$$.Execution.StartTime',
            'error.$': '$.failure.Error',
            'cause.$': '$.failure.Cause',
          },
        },
        ResultPath: null,
        Next: 'Failed',
      });
      expect(definition.States.Failed).toEqual({
        Type: 'Fail',
        ErrorPath: '$.failure.Error',
        CausePath: '$.failure.Cause',
      });
      expect(AGGREGATION_FAILED_TASK).toBe('aggregation-failed');
    });

    it('alarms on the operations topic as soon as an execution fails, times out or is aborted', () => {
      const onStateMachine = (id: string, metricName: string) => ({
        Id: id,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/States',
            MetricName: metricName,
            Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: stateMachineId } }],
          },
          Period: 300,
          Stat: 'Sum',
        },
        ReturnData: false,
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmActions: [{ Ref: logicalId(stack, stack.operations.topic) }],
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Threshold: 1,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        Metrics: [
          Match.objectLike({
            Expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
            ReturnData: true,
          }),
          onStateMachine('failed', 'ExecutionsFailed'),
          onStateMachine('timedOut', 'ExecutionsTimedOut'),
          onStateMachine('aborted', 'ExecutionsAborted'),
        ],
      });
    });
  });

  describe('the state machine’s role', () => {
    let statements: PolicyStatementJson[];

    beforeAll(() => {
      statements = statementsOfRole(template, logicalId(stack, warehouse.stateMachine.role));
    });

    it('holds exactly the statements written for it, each with its sid', () => {
      const written = Object.fromEntries(
        statements.filter((statement) => statement.Sid).map((statement) => [statement.Sid, statement]),
      );
      const objects = (prefix: string) => objectsArn(bucketId, prefix);
      expect(written).toEqual({
        RunAggregationQueries: {
          Sid: 'RunAggregationQueries',
          Effect: 'Allow',
          Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:StopQueryExecution'],
          Resource: regionalArn('athena', ':workgroup/SegmentReport-aggregation'),
        },
        ReadTableDefinition: {
          Sid: 'ReadTableDefinition',
          Effect: 'Allow',
          Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
          Resource: [
            regionalArn('glue', ':catalog'),
            regionalArn('glue', ':database/segment_report'),
            regionalArn('glue', ':table/segment_report/transactions'),
          ],
        },
        ReadTableFiles: {
          Sid: 'ReadTableFiles',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: objects('incoming/'),
        },
        ListTableAndResults: {
          Sid: 'ListTableAndResults',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: arnOf(bucketId),
          Condition: { StringLike: { 's3:prefix': ['incoming/*', 'aggregates/*'] } },
        },
        LocateDataBucket: {
          Sid: 'LocateDataBucket',
          Effect: 'Allow',
          Action: 's3:GetBucketLocation',
          Resource: arnOf(bucketId),
        },
        WriteQueryResults: {
          Sid: 'WriteQueryResults',
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
          Resource: objects('aggregates/'),
        },
      });
    });

    it('holds besides only what CDK adds: invoking the schedule function, log delivery and X-Ray', () => {
      const added = statements.filter((statement) => !statement.Sid);
      expect(added).toEqual([
        {
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: [
            arnOf(logicalId(stack, stack.scheduleFunction.function)),
            { 'Fn::Join': ['', [arnOf(logicalId(stack, stack.scheduleFunction.function)), ':*']] },
          ],
        },
        {
          Effect: 'Allow',
          Action: [
            'logs:CreateLogDelivery',
            'logs:GetLogDelivery',
            'logs:UpdateLogDelivery',
            'logs:DeleteLogDelivery',
            'logs:ListLogDeliveries',
            'logs:PutResourcePolicy',
            'logs:DescribeResourcePolicies',
            'logs:DescribeLogGroups',
          ],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: [
            'xray:PutTraceSegments',
            'xray:PutTelemetryRecords',
            'xray:GetSamplingRules',
            'xray:GetSamplingTargets',
          ],
          Resource: '*',
        },
      ]);
    });

    it('grants no wildcard action, no delete, and no data action on every resource', () => {
      const actions = statements.flatMap(actionsOf);
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
      expect(actions.filter((action) => /^(athena|glue|s3):/.test(action) && /Delete/.test(action))).toEqual(
        [],
      );
      for (const statement of statements.filter((candidate) => resourcesOf(candidate).includes('*'))) {
        expect(
          actionsOf(statement).every((action) => /^(logs|xray):/.test(action)),
          statement.Sid,
        ).toBe(true);
      }
    });

    it('is the state machine’s, assumed by Step Functions', () => {
      expect(propertiesOf(template, stateMachineId).RoleArn).toEqual(
        arnOf(logicalId(stack, warehouse.stateMachine.role)),
      );
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: 'states.amazonaws.com' } })],
        },
      });
    });
  });

  describe('the stack around it', () => {
    it('starts the state machine for the weekly and quarterly runs; the hourly expiry still invokes the function', () => {
      const targets = Object.fromEntries(
        Object.values(template.findResources('AWS::Scheduler::Schedule')).map((schedule) => {
          const target = (schedule.Properties as { Target: { Input: string; Arn: unknown } }).Target;
          return [target.Input, target.Arn];
        }),
      );
      expect(targets).toEqual({
        '{"kind":"weekly"}': { Ref: stateMachineId },
        '{"kind":"quarterly"}': { Ref: stateMachineId },
        '{"task":"expire-held"}': arnOf(logicalId(stack, stack.scheduleFunction.function)),
      });
      const deadLetters = arnOf(logicalId(stack, stack.operations.node.findChild('SchedulerDeadLetters')));
      for (const kind of ['weekly', 'quarterly']) {
        template.hasResourceProperties('AWS::Scheduler::Schedule', {
          Target: {
            Arn: { Ref: stateMachineId },
            RoleArn: arnOf(logicalId(stack, stack.schedules.role)),
            Input: JSON.stringify({ kind }),
            RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
            DeadLetterConfig: { Arn: deadLetters },
          },
        });
      }
    });

    it('lets the scheduler start this state machine and nothing else', () => {
      const starts = statementsOfRole(template, logicalId(stack, stack.schedules.role)).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('states:')),
      );
      expect(starts).toEqual([
        { Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: stateMachineId } },
      ]);
    });

    it('lets the schedule function read the results under aggregates/, and the upload function not', () => {
      const readAggregates = {
        Sid: 'ReadAggregates',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: objectsArn(bucketId, 'aggregates/'),
      };
      const scheduleStatements = statementsOfRole(template, logicalId(stack, stack.scheduleFunction.role));
      expect(scheduleStatements).toContainEqual(readAggregates);
      const onAggregates = (statements: PolicyStatementJson[]) =>
        statements
          .filter((statement) =>
            resourcesOf(statement).some(
              (resource) => JSON.stringify(resource) === JSON.stringify(objectsArn(bucketId, 'aggregates/')),
            ),
          )
          .flatMap(actionsOf);
      expect(onAggregates(scheduleStatements)).toEqual(['s3:GetObject']);
      expect(onAggregates(statementsOfRole(template, logicalId(stack, stack.uploadFunction.role)))).toEqual(
        [],
      );
    });

    it('leaves the upload path as it is', () => {
      const { stack: plain, template: plainTemplate } = synthTemplate(testConfiguration());
      const upload = (which: Template, of: SegmentReportStack) =>
        statementsOfRole(which, logicalId(of, of.uploadFunction.role));
      expect(upload(template, stack)).toEqual(upload(plainTemplate, plain));
      expect(template.findResources('Custom::S3BucketNotifications')).toEqual(
        plainTemplate.findResources('Custom::S3BucketNotifications'),
      );
    });

    it('expires Athena’s results a week after they are written', () => {
      const rules = (
        propertiesOf(template, bucketId) as { LifecycleConfiguration: { Rules: { Id: string }[] } }
      ).LifecycleConfiguration.Rules;
      expect(rules.find((rule) => rule.Id === 'expire-aggregates')).toEqual({
        Id: 'expire-aggregates',
        Prefix: 'aggregates/',
        ExpirationInDays: 7,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      });
    });

    it('outputs the state machine and the workgroup', () => {
      template.hasOutput('AggregationStateMachineArn', { Value: { Ref: stateMachineId } });
      template.hasOutput('AthenaWorkGroupName', { Value: 'SegmentReport-aggregation' });
    });
  });

  describe('without a warehouse', () => {
    let plain: { stack: SegmentReportStack; template: Template };

    beforeAll(() => {
      plain = synthTemplate(testConfiguration());
    });

    it('has no Glue table, workgroup, state machine, or their alarm and outputs', () => {
      expect(plain.stack.warehouse).toBeUndefined();
      for (const type of [
        'AWS::Glue::Database',
        'AWS::Glue::Table',
        'AWS::Athena::WorkGroup',
        'AWS::StepFunctions::StateMachine',
      ]) {
        plain.template.resourceCountIs(type, 0);
      }
      plain.template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { Metrics: Match.anyValue() }, 0);
      expect(Object.keys(plain.template.findOutputs('*')).sort()).toEqual(
        [
          'AlarmTopicArn',
          'ApproveHeldReportsPolicyArn',
          'DataBucketName',
          'DropFilesUnder',
          'ReleaseHeldReportsPolicyArn',
        ].sort(),
      );
    });

    it('neither reads nor expires aggregates/, and every schedule invokes the function', () => {
      const bucket = logicalId(plain.stack, plain.stack.data.bucket);
      const statements = statementsOfRole(
        plain.template,
        logicalId(plain.stack, plain.stack.scheduleFunction.role),
      );
      expect(statements.map((statement) => statement.Sid)).not.toContain('ReadAggregates');
      expect(JSON.stringify(statements)).not.toContain('aggregates/');
      const rules = (
        propertiesOf(plain.template, bucket) as { LifecycleConfiguration: { Rules: { Id: string }[] } }
      ).LifecycleConfiguration.Rules;
      expect(rules.map((rule) => rule.Id)).not.toContain('expire-aggregates');
      const functionArnOf = arnOf(logicalId(plain.stack, plain.stack.scheduleFunction.function));
      for (const schedule of Object.values(plain.template.findResources('AWS::Scheduler::Schedule'))) {
        expect((schedule.Properties as { Target: { Arn: unknown } }).Target.Arn).toEqual(functionArnOf);
      }
    });
  });
});
