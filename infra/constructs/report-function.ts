/**
 * One report Lambda: an ESM bundle built locally by esbuild (no Docker; its options in report-bundling.ts), ARM64 on
 * Node.js 22, source maps, a log group with retention, its asynchronous failures sent to the dead-letter queue after
 * Lambda's own retries.
 */
import { Duration } from 'aws-cdk-lib';
import { FUNCTION_TIMEOUT_SECONDS } from '../../lambda/config/function-limits.ts';
import { CHART_ASSET_FILES } from '../../lambda/report/charts/chart-assets.ts';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { REPORT_BUNDLING, REPORT_NODE_OPTIONS } from './report-bundling.ts';

export interface ReportFunctionProps {
  entry: string;
  description: string;
  environment: Record<string, string>;
  deadLetterQueue: sqs.IQueue;
  logRetentionDays: number;
}

/**
 * Sized from `npm run bench`: the 47 MB Online Retail file takes 0.67 s and peaks at 126 MB on this machine's
 * x86 cores. 1,024 MB gives the Lambda a full vCPU's share and 8x the memory headroom; 5 minutes covers files
 * ten times larger on a slower core.
 */
export const REPORT_FUNCTION_MEMORY_MB = 1024;
export const REPORT_FUNCTION_TIMEOUT = Duration.seconds(FUNCTION_TIMEOUT_SECONDS);

export class ReportFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ReportFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: retentionOf(props.logRetentionDays) });
    this.logGroup = logGroup;
    // Its own role, not AWSLambdaBasicExecutionRole: it may write to its own log group and nothing else yet.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    // Lambda sends failed events to the queue with this role: an encrypted queue needs its key as well.
    props.deadLetterQueue.encryptionMasterKey?.grant(this.role, 'kms:GenerateDataKey', 'kms:Decrypt');
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      role: this.role,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: REPORT_FUNCTION_MEMORY_MB,
      timeout: REPORT_FUNCTION_TIMEOUT,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { ...props.environment, NODE_OPTIONS: REPORT_NODE_OPTIONS },
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      bundling: {
        ...REPORT_BUNDLING,
        // The charts read resvg's WebAssembly and their font beside the bundle (adapters/chart-asset-files.ts): esbuild does
        // not follow file reads, so they are copied in. WebAssembly: the same file runs on the ARM64 function.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => chartAssetCopies(inputDir, outputDir),
        },
      },
    });
  }
}

/** Shell commands copying each chart asset from the project into the function's asset folder. */
export function chartAssetCopies(projectRoot: string, assetDir: string): string[] {
  return Object.values(CHART_ASSET_FILES).map(
    ({ name, source }) =>
      `cp ${JSON.stringify(`${projectRoot}/${source}`)} ${JSON.stringify(`${assetDir}/${name}`)}`,
  );
}

export function retentionOf(days: number): logs.RetentionDays {
  const known = Object.values(logs.RetentionDays).filter(
    (value): value is number => typeof value === 'number',
  );
  const fitting = known.filter((value) => value >= days).sort((a, b) => a - b)[0];
  return (fitting ?? logs.RetentionDays.INFINITE) as logs.RetentionDays;
}
