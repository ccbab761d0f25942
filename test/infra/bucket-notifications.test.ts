// New input files start a run: every object created under the input prefix, whatever its name or letter case
// (S3 suffix filters are case-sensitive, so none is set; the handler sorts the CSVs from the rest), and every
// approval object (release or discard a held report), and nothing else, notifies the upload function, which S3
// may invoke. The functions write nowhere under either prefix, so their own writes never start a run.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentReportStack } from '../../infra/segment-report-stack.ts';
import {
  actionsOf,
  arnOf,
  logicalId,
  resourcesOf,
  statementsOfRole,
  removeTestOutdirs,
  synthTemplate,
  testConfiguration,
  testOutdir,
} from './support/synth-stack.ts';

interface LambdaConfiguration {
  Events: string[];
  Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
  LambdaFunctionArn: unknown;
}

/** Each notification as { events, filter: { rule name: value }, function }, whatever the order of its rules. */
function notificationsOf(template: Template): unknown[] {
  const resources = Object.values(template.findResources('Custom::S3BucketNotifications'));
  return resources.flatMap((resource) =>
    (
      resource.Properties.NotificationConfiguration as { LambdaFunctionConfigurations: LambdaConfiguration[] }
    ).LambdaFunctionConfigurations.map((configuration) => ({
      events: configuration.Events,
      filter: Object.fromEntries(
        configuration.Filter.Key.FilterRules.map((rule) => [rule.Name.toLowerCase(), rule.Value]),
      ),
      function: configuration.LambdaFunctionArn,
    })),
  );
}

/** A bucket notification with a suffix rule (S3 takes `suffix` in any case) for any destination. */
const WITH_SUFFIX_FILTER = {
  NotificationConfiguration: Match.objectLike({
    LambdaFunctionConfigurations: Match.arrayWith([
      Match.objectLike({
        Filter: {
          Key: {
            FilterRules: Match.arrayWith([
              Match.objectLike({ Name: Match.stringLikeRegexp('^[Ss][Uu][Ff][Ff][Ii][Xx]$') }),
            ]),
          },
        },
      }),
    ]),
  }),
};

describe('bucket notifications', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let uploadArn: unknown;

  beforeAll(() => {
    ({ stack, template } = synthTemplate());
    uploadArn = arnOf(logicalId(stack, stack.uploadFunction.function));
  });
  afterAll(removeTestOutdirs);

  it('sends every object created under incoming/ and approvals/ to the upload function: one prefix rule each, no suffix', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: logicalId(stack, stack.data.bucket) },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: ['incoming/', 'approvals/'].map((prefix) => ({
          Events: ['s3:ObjectCreated:*'],
          Filter: Match.exact({ Key: { FilterRules: [{ Name: 'prefix', Value: prefix }] } }),
          LambdaFunctionArn: uploadArn,
        })),
        QueueConfigurations: Match.absent(),
        TopicConfigurations: Match.absent(),
      },
    });
  });

  it('has no suffix filter, so SALES.CSV or Export.Csv.GZ reaches the function as export.csv does', () => {
    template.resourcePropertiesCountIs('Custom::S3BucketNotifications', WITH_SUFFIX_FILTER, 0);
    for (const notification of notificationsOf(template)) {
      expect(notification).not.toHaveProperty(['filter', 'suffix']);
    }
  });

  it('would see a suffix filter if one came back (the check above is not vacuous)', () => {
    const withSuffix = new Stack(new App({ outdir: testOutdir() }), 'WithSuffix');
    const bucket = new s3.Bucket(withSuffix, 'Bucket');
    const fn = new lambda.Function(withSuffix, 'Function', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {};'),
    });
    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new LambdaDestination(fn), {
      prefix: 'incoming/',
      suffix: '.csv',
    });
    const found = Template.fromStack(withSuffix);
    found.resourcePropertiesCountIs('Custom::S3BucketNotifications', WITH_SUFFIX_FILTER, 1);
    expect(notificationsOf(found)).toEqual([
      {
        events: ['s3:ObjectCreated:*'],
        filter: { prefix: 'incoming/', suffix: '.csv' },
        function: arnOf(logicalId(withSuffix, fn)),
      },
    ]);
  });

  it('notifies nothing else', () => {
    expect(notificationsOf(template)).toEqual([
      { events: ['s3:ObjectCreated:*'], filter: { prefix: 'incoming/' }, function: uploadArn },
      { events: ['s3:ObjectCreated:*'], filter: { prefix: 'approvals/' }, function: uploadArn },
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

  it('cannot be started by the functions’ own writes: nothing they may put is under incoming/ or approvals/', () => {
    const bucketArn = arnOf(logicalId(stack, stack.data.bucket));
    const writable = [stack.uploadFunction, stack.scheduleFunction].flatMap((reportFunction) =>
      statementsOfRole(template, logicalId(stack, reportFunction.role))
        .filter((statement) => actionsOf(statement).some((action) => /^s3:Put/i.test(action)))
        .flatMap(resourcesOf),
    );
    const prefixes = writable.map((resource) => {
      // Every writable resource is `<bucket ARN>/<prefix>*`: no whole-bucket or wildcard write to slip past.
      const [separator, [arn, path]] = (resource as { 'Fn::Join': [string, [unknown, string]] })['Fn::Join'];
      expect({ separator, arn }).toEqual({ separator: '', arn: bucketArn });
      expect(path).toMatch(/^\/[^*]+\/\*$/);
      return path.slice(1, -1);
    });
    expect([...new Set(prefixes)].sort()).toEqual(['rejected/', 'reports/', 'runs/']);
    for (const prefix of prefixes) {
      for (const notified of ['incoming/', 'approvals/']) {
        expect(prefix.startsWith(notified) || notified.startsWith(prefix), prefix).toBe(false);
      }
    }
  });

  it('follows configured input and approvals prefixes', () => {
    const configuration = testConfiguration();
    const configured = synthTemplate({
      ...configuration,
      job: { ...configuration.job, prefixes: { incoming: 'drop/', approvals: 'decisions/' } },
    });
    const upload = arnOf(logicalId(configured.stack, configured.stack.uploadFunction.function));
    configured.template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: ['drop/', 'decisions/'].map((prefix) => ({
          Events: ['s3:ObjectCreated:*'],
          Filter: Match.exact({ Key: { FilterRules: [{ Name: 'prefix', Value: prefix }] } }),
          LambdaFunctionArn: upload,
        })),
      },
    });
    expect(notificationsOf(configured.template)).toEqual([
      { events: ['s3:ObjectCreated:*'], filter: { prefix: 'drop/' }, function: upload },
      { events: ['s3:ObjectCreated:*'], filter: { prefix: 'decisions/' }, function: upload },
    ]);
  });
});
