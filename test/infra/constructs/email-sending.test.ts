// SES: the sending identity (a domain, or an address) tied to the configuration set, whose bounce and complaint
// events go to the alarm topic, which SES may publish to.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, it } from 'vitest';
import type { SegmentReportStack } from '../../../infra/segment-report-stack.ts';
import { logicalId, synthTemplate, testConfiguration } from '../support/synth-stack.ts';

describe('EmailSending', () => {
  let template: Template;
  let stack: SegmentReportStack;
  let configurationSetRef: unknown;

  beforeAll(() => {
    ({ stack, template } = synthTemplate());
    configurationSetRef = {
      Ref: logicalId(stack, stack.node.findChild('Email').node.findChild('ConfigurationSet')),
    };
  });

  it('verifies the configured domain, with the configuration set', () => {
    template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: configurationSetRef },
    });
  });

  it('sends bounces and complaints to the alarm topic', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: configurationSetRef,
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: { TopicARN: { Ref: logicalId(stack, stack.operations.topic) } },
      },
    });
  });

  it('lets SES publish this configuration set’s events to the topic', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalId(stack, stack.operations.topic) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'ses.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('verifies an address when the SES identity is an email address', () => {
    const { stack: addressStack, template: addressTemplate } = synthTemplate({
      ...testConfiguration(),
      sesIdentity: 'reports@example.com',
    });
    addressTemplate.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'reports@example.com',
      ConfigurationSetAttributes: {
        ConfigurationSetName: {
          Ref: logicalId(
            addressStack,
            addressStack.node.findChild('Email').node.findChild('ConfigurationSet'),
          ),
        },
      },
    });
  });

  it("verifies the sender's domain when no SES identity is configured", () => {
    const { sesIdentity: _sesIdentity, ...withoutIdentity } = testConfiguration();
    const configuration = {
      ...withoutIdentity,
      job: { ...withoutIdentity.job, sender: 'team@reports.example.org' },
    };
    synthTemplate(configuration).template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'reports.example.org',
    });
  });
});
