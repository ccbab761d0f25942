/**
 * The cdk-nag findings this stack accepts, each with the reason a reviewer would ask for. Every acknowledgement
 * names its exact finding (rule and resource), so a new wildcard or managed policy still fails the checks.
 */
import { type CfnResource, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { SegmentReportStack } from './segment-report-stack.ts';

export function acknowledgeNagFindings(stack: SegmentReportStack): void {
  const bucketArn = `<${stack.getLogicalId(stack.data.bucket.node.defaultChild as CfnResource)}.Arn>`;
  const prefixes = stack.prefixes;
  for (const reportFunction of [stack.uploadFunction, stack.scheduleFunction]) {
    const policy = reportFunction.role.node.tryFindChild('DefaultPolicy') as IConstruct;
    for (const prefix of [prefixes.incoming, prefixes.reports, prefixes.rejected, prefixes.runs]) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}*]`,
        reason: `Object keys under ${prefix}: the prefix is the boundary (the names of input files and periods are not known in advance), and the actions are only s3:GetObject, s3:GetObjectVersion (inputs) and s3:PutObject.`,
      });
    }
    Validations.of(reportFunction.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the project targets and tests (its bundles are built for it); moving to a newer runtime is a deliberate, tested change.',
    });
  }
  Validations.of(stack.uploadFunction.role.node.findChild('DefaultPolicy')).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefixes.approvals}*]`,
    reason: `Approval objects under ${prefixes.approvals}: their names are the runs people release or discard, not known in advance; the upload function only reads them (s3:GetObject).`,
  });
  const { releasePolicy, approvePolicy } = stack.heldReportAccess;
  for (const prefix of [prefixes.runs, prefixes.reports]) {
    Validations.of(releasePolicy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}*]`,
      reason: `Run claims and archived reports under ${prefix}, named by runs not known in advance: the release command only reads them and writes them (s3:GetObject, s3:PutObject), never deletes.`,
    });
  }
  Validations.of(approvePolicy).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefixes.approvals}*]`,
    reason: `Approval objects under ${prefixes.approvals}, named by the run they release or discard: the only action is s3:PutObject, and nothing else in the bucket.`,
  });
  const scheduleFunctionArn = `<${stack.getLogicalId(stack.scheduleFunction.function.node.defaultChild as CfnResource)}.Arn>`;
  const schedulerPolicy = stack.schedules.role.node.findChild('DefaultPolicy');
  Validations.of(schedulerPolicy).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${scheduleFunctionArn}:*]`,
    reason:
      'Written by CDK for EventBridge Scheduler: invoke the schedule function and its versions, nothing else.',
  });
  const notificationsHandler = stack.node
    .findAll()
    .find((construct) => construct.node.id.startsWith('BucketNotificationsHandler'));
  if (notificationsHandler) {
    Validations.of(notificationsHandler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's own custom resource that sets the bucket notifications at deploy time; its role only writes its logs and configures this bucket's notifications.",
    });
  }
  Validations.of(stack.operations).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      'These queues are the dead-letter queues; a dead-letter queue of a dead-letter queue would only hide failures. Their depth raises an alarm.',
  });
  acknowledgeWarehouseFindings(stack, bucketArn, scheduleFunctionArn);
}

/** The Athena path's, only with a warehouse: the schedule function reads the results, the state machine's role. */
function acknowledgeWarehouseFindings(
  stack: SegmentReportStack,
  bucketArn: string,
  scheduleFunctionArn: string,
): void {
  if (!stack.warehouse) return;
  const { aggregates } = stack.prefixes;
  const { location, stateMachine } = stack.warehouse;
  Validations.of(stack.scheduleFunction.role.node.findChild('DefaultPolicy')).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${bucketArn}/${aggregates}*]`,
    reason: `Athena's result files under ${aggregates}, named by query executions not known in advance: the schedule function only reads them (s3:GetObject).`,
  });
  const policy = Validations.of(stateMachine.role.node.findChild('DefaultPolicy'));
  policy.acknowledge({
    id: `AwsSolutions-IAM5[Resource::${bucketArn}/${location}*]`,
    reason: `The table's files under ${location}, whose names are not known in advance: Athena reads them with the state machine's credentials, s3:GetObject only.`,
  });
  policy.acknowledge({
    id: `AwsSolutions-IAM5[Resource::${bucketArn}/${aggregates}*]`,
    reason: `Athena writes each query's result file under ${aggregates} (named by its execution) and reads it back: s3:PutObject, s3:GetObject and the multipart-upload actions, never delete.`,
  });
  policy.acknowledge({
    id: `AwsSolutions-IAM5[Resource::${scheduleFunctionArn}:*]`,
    reason:
      'Written by CDK for the Lambda tasks (plan, report, notify): invoke the schedule function and its versions, nothing else.',
  });
  policy.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      "Written by CDK for the state machine's logging (CloudWatch Logs log delivery) and X-Ray tracing, whose actions take no narrower resource; no data action.",
  });
}
