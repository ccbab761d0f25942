// New input files start a run: objects created under the input prefix and named .csv or .csv.gz, and nothing
// else, notify the upload function, which S3 may invoke.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReportStack } from '../../infra/segment-report-stack.ts';
import { arnOf, logicalId, synthTemplate, testConfiguration } from './support/synth-stack.ts';

interface LambdaConfiguration {
  Events: string[];
  Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
  LambdaFunctionArn: unknown;
}

/** Each notification as { events, prefix, suffix, function }, whatever the order of its filter rules. */
function notificationsOf(template: Template): unknown[] {
  const resources = Object.values(template.findResources('Custom::S3BucketNotifications'));
  return resources.flatMap((resource) =>
    (
      resource.Properties.NotificationConfiguration as { LambdaFunctionConfigurations: LambdaConfiguration[] }
    ).LambdaFunctionConfigurations.map((configuration) => ({
      events: configuration.Events,
      ...Object.fromEntries(configuration.Filter.Key.FilterRules.map((rule) => [rule.Name, rule.Value])),
      function: configuration.LambdaFunctionArn,
    })),
  );
}

describe('bucket notifications', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let uploadArn: unknown;

  beforeAll(() => {
    ({ stack, template } = synthTemplate());
    uploadArn = arnOf(logicalId(stack, stack.uploadFunction.function));
  });

  it.each(['.csv', '.csv.gz'])(
    'sends objects created under incoming/ and named *%s to the upload function',
    (suffix) => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: logicalId(stack, stack.data.bucket) },
        NotificationConfiguration: {
          LambdaFunctionConfigurations: Match.arrayWith([
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: {
                Key: {
                  FilterRules: Match.arrayWith([
                    { Name: 'suffix', Value: suffix },
                    { Name: 'prefix', Value: 'incoming/' },
                  ]),
                },
              },
              LambdaFunctionArn: uploadArn,
            },
          ]),
        },
      });
    },
  );

  it('notifies nothing else', () => {
    expect(notificationsOf(template)).toEqual([
      { events: ['s3:ObjectCreated:*'], prefix: 'incoming/', suffix: '.csv', function: uploadArn },
      { events: ['s3:ObjectCreated:*'], prefix: 'incoming/', suffix: '.csv.gz', function: uploadArn },
    ]);
  });

  it('lets S3 invoke the upload function for this bucket only', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: uploadArn,
      Principal: 's3.amazonaws.com',
      SourceArn: arnOf(logicalId(stack, stack.data.bucket)),
    });
  });

  it('follows a configured input prefix', () => {
    const configuration = testConfiguration();
    const configured = synthTemplate({
      ...configuration,
      job: { ...configuration.job, prefixes: { incoming: 'drop/' } },
    });
    const upload = arnOf(logicalId(configured.stack, configured.stack.uploadFunction.function));
    expect(notificationsOf(configured.template)).toEqual([
      { events: ['s3:ObjectCreated:*'], prefix: 'drop/', suffix: '.csv', function: upload },
      { events: ['s3:ObjectCreated:*'], prefix: 'drop/', suffix: '.csv.gz', function: upload },
    ]);
  });
});
