/** The stack and its checks on an App: shared by `infra/app.ts` and the tests. */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseDeployConfig } from './deploy-config.ts';
import { acknowledgeNagFindings } from './nag-acknowledgements.ts';
import { SegmentReportStack } from './segment-report-stack.ts';

export function buildApp(app: App, configuration: unknown): SegmentReportStack {
  const config = parseDeployConfig(configuration);
  const stack = new SegmentReportStack(app, 'SegmentReport', {
    config,
    description: 'segment-report: scheduled customer segmentation report by email',
  });
  acknowledgeNagFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
