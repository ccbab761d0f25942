// The two report Lambdas as deployed: Node.js 22 on ARM, the handler of the ESM bundle, the sizing of
// report-function.ts, the job's configuration in the environment (valid for the Lambdas' own parser), their
// asynchronous failures retried twice then sent to a dead-letter queue, and logs kept for the configured days.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  REPORT_FUNCTION_MEMORY_MB,
  REPORT_FUNCTION_TIMEOUT,
} from '../../../infra/constructs/report-function.ts';
import type { SegmentReportStack } from '../../../infra/segment-report-stack.ts';
import { parseAppConfig } from '../../../lambda/config/app-config.ts';
import {
  arnOf,
  joinedText,
  logicalId,
  propertiesOf,
  synthTemplate,
  testConfiguration,
} from '../support/synth-stack.ts';

const FUNCTIONS = ['uploadFunction', 'scheduleFunction'] as const;

describe('ReportFunction', () => {
  let template: Template;
  let stack: SegmentReportStack;
  const ids = (name: (typeof FUNCTIONS)[number]) => ({
    function: logicalId(stack, stack[name].function),
    role: logicalId(stack, stack[name].role),
    logGroup: logicalId(stack, stack[name].logGroup),
  });

  beforeAll(() => {
    ({ stack, template } = synthTemplate());
  });

  it('are two functions, one per trigger', () => {
    expect(ids('uploadFunction').function).not.toBe(ids('scheduleFunction').function);
    // The two report functions and CDK's bucket-notifications handler.
    template.resourceCountIs('AWS::Lambda::Function', 3);
  });

  describe.each(FUNCTIONS)('%s', (name) => {
    it('runs the ESM bundle on Node.js 22, ARM64, sized as report-function.ts says, with its own role', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Role: arnOf(ids(name).role),
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: REPORT_FUNCTION_MEMORY_MB,
        Timeout: REPORT_FUNCTION_TIMEOUT.toSeconds(),
      });
    });

    it('gets the data bucket, source maps and a job configuration that the Lambdas accept', () => {
      const variables = (
        propertiesOf(template, ids(name).function).Environment as { Variables: Record<string, unknown> }
      ).Variables;
      expect(variables.DATA_BUCKET).toEqual({ Ref: logicalId(stack, stack.data.bucket) });
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');

      const configurationSetId = logicalId(
        stack,
        stack.node.findChild('Email').node.findChild('ConfigurationSet'),
      );
      const text = joinedText(variables.SEGMENT_REPORT_CONFIG, {
        [configurationSetId]: 'the-configuration-set',
      });
      const config = parseAppConfig(JSON.parse(text));
      expect(config.configurationSetName).toBe('the-configuration-set');
      expect(config.sender).toBe('reports@example.com');
      expect(config.recipients.executives).toEqual(['ceo@example.com', 'cfo@example.com']);
      expect(config.report.locale).toBe('fr');
      expect(config.prefixes).toEqual({
        incoming: 'incoming/',
        reports: 'reports/',
        rejected: 'rejected/',
        runs: 'runs/',
        approvals: 'approvals/',
        aggregates: 'aggregates/',
      });
    });

    it('sends events that failed after its retries to an SQS dead-letter queue of its own', () => {
      const target = (propertiesOf(template, ids(name).function).DeadLetterConfig as { TargetArn: unknown })
        .TargetArn as { 'Fn::GetAtt': [string, string] };
      expect(target['Fn::GetAtt'][1]).toBe('Arn');
      const queueId = target['Fn::GetAtt'][0];
      expect(Object.keys(template.findResources('AWS::SQS::Queue'))).toContain(queueId);
      const other = ids(name === 'uploadFunction' ? 'scheduleFunction' : 'uploadFunction').function;
      expect(propertiesOf(template, other).DeadLetterConfig).not.toEqual({ TargetArn: arnOf(queueId) });
    });

    it('retries an asynchronous event twice', () => {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: ids(name).function },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 2,
      });
    });

    it('writes JSON logs to its own log group, kept 90 days by default', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Role: arnOf(ids(name).role),
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: ids(name).logGroup } },
      });
      expect(propertiesOf(template, ids(name).logGroup)).toEqual({ RetentionInDays: 90 });
    });
  });

  it('keeps logs for the configured days, rounded up to a retention CloudWatch offers', () => {
    const configured = synthTemplate({ ...testConfiguration(), retentionDays: { logs: 100 } });
    for (const name of FUNCTIONS) {
      const id = logicalId(configured.stack, configured.stack[name].logGroup);
      expect(propertiesOf(configured.template, id)).toEqual({ RetentionInDays: 120 });
    }
  });
});
