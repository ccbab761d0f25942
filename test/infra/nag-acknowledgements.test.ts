// The cdk-nag AWS Solutions checks run on every synth of the app, pass on the stack as built (with and without the
// Athena path), and still catch a new wildcard or managed policy: every acknowledgement names one exact finding, is
// needed, and says why.
import { App, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/deploy-config.ts';
import { SegmentReportStack } from '../../infra/segment-report-stack.ts';
import {
  SKIP_BUNDLING,
  buildTestApp,
  removeTestOutdirs,
  testConfiguration,
  testOutdir,
  warehouseConfiguration,
} from './support/synth-stack.ts';

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/** Synthesises an app expected to fail the checks; returns the AwsSolutions findings as `rule @ path`. */
function failedFindings(app: App, outdir: string): string[] {
  let failure: unknown;
  try {
    app.synth();
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).name).toBe('ValidationFailed');
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const nag = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
  expect(nag?.conclusion).toBe('failure');
  return (nag?.violations ?? []).flatMap((violation) =>
    violation.violatingConstructs.map((construct) => `${violation.ruleName} @ ${construct.constructPath}`),
  );
}

/** Every acknowledgement recorded in the app: its rule (without the plugin prefix) and its reason. */
function acknowledgementsOf(app: App): { rule: string; reason: string; path: string }[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          rule: id.replace(/^[A-Za-z-]+::/, ''),
          reason,
          path: construct.node.path,
        })),
      ),
  );
}

describe('cdk-nag AWS Solutions checks', () => {
  afterEach(removeTestOutdirs);

  it('pass on the stack as built', () => {
    const { app } = buildTestApp(testConfiguration(), testOutdir());
    expect(() => app.synth()).not.toThrow();
  });

  it('fail on a wildcard statement added to a function role', () => {
    const outdir = testOutdir();
    const { app, stack } = buildTestApp(testConfiguration(), outdir);
    stack.uploadFunction.role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    expect(failedFindings(app, outdir)).toEqual([
      'AwsSolutions-IAM5[Action::s3:*] @ SegmentReport/Upload/Role/DefaultPolicy/Resource',
      'AwsSolutions-IAM5[Resource::*] @ SegmentReport/Upload/Role/DefaultPolicy/Resource',
    ]);
  });

  it('fail on a delete of every object added to a function role', () => {
    const outdir = testOutdir();
    const { app, stack } = buildTestApp(testConfiguration(), outdir);
    stack.scheduleFunction.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:DeleteObject'],
        resources: [stack.data.bucket.arnForObjects('*')],
      }),
    );
    expect(failedFindings(app, outdir)).toEqual([
      expect.stringMatching(
        /^AwsSolutions-IAM5\[Resource::<StorageData\w+\.Arn>\/\*\] @ SegmentReport\/Schedule\/Role\//,
      ),
    ]);
  });

  it('fail on a managed policy attached to a function role', () => {
    const outdir = testOutdir();
    const { app, stack } = buildTestApp(testConfiguration(), outdir);
    stack.scheduleFunction.role.addManagedPolicy(
      iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
    );
    expect(failedFindings(app, outdir)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole] @ SegmentReport/Schedule/Role/Resource',
    ]);
  });

  it('fail on a new wildcard in a policy for people (its acknowledgements name only their own prefixes)', () => {
    const outdir = testOutdir();
    const { app, stack } = buildTestApp(testConfiguration(), outdir);
    stack.heldReportAccess.approvePolicy.addStatements(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [stack.data.bucket.arnForObjects('incoming/*')],
      }),
    );
    expect(failedFindings(app, outdir)).toEqual([
      expect.stringMatching(
        /^AwsSolutions-IAM5\[Resource::<StorageData\w+\.Arn>\/incoming\/\*\] @ SegmentReport\/HeldReports\/ApproveHeldReportsPolicy\/Resource$/,
      ),
    ]);
  });

  it('acknowledge exactly the findings of the stack without acknowledgements, no more', () => {
    const { app } = buildTestApp();
    const acknowledged = acknowledgementsOf(app).filter((entry) => entry.rule.startsWith('AwsSolutions-'));

    const outdir = testOutdir();
    const bare = new App({ context: SKIP_BUNDLING, outdir });
    new SegmentReportStack(bare, 'SegmentReport', { config: parseDeployConfig(testConfiguration()) });
    Validations.of(bare).addPlugins(new AwsSolutionsChecks(bare));
    const findings = failedFindings(bare, outdir).map((finding) => finding.split(' @ ')[0]);

    expect([...new Set(acknowledged.map((entry) => entry.rule))].sort()).toEqual(
      [...new Set(findings)].sort(),
    );
  });

  it('give every acknowledgement a reason a reviewer can read', () => {
    const acknowledged = acknowledgementsOf(buildTestApp().app).filter((entry) =>
      entry.rule.startsWith('AwsSolutions-'),
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    for (const { rule, reason } of acknowledged) {
      expect(reason.trim().length, rule).toBeGreaterThanOrEqual(40);
      expect(reason.length, rule).toBeLessThanOrEqual(400);
      expect(reason, rule).not.toContain(rule);
    }
  });

  describe('with a warehouse (the Athena path)', () => {
    it('pass on the stack as built', () => {
      const { app, stack } = buildTestApp(warehouseConfiguration(), testOutdir());
      expect(stack.warehouse).toBeDefined();
      expect(() => app.synth()).not.toThrow();
    });

    it('acknowledge exactly the findings of the stack without acknowledgements, no more', () => {
      const { app } = buildTestApp(warehouseConfiguration());
      const acknowledged = acknowledgementsOf(app).filter((entry) => entry.rule.startsWith('AwsSolutions-'));

      const outdir = testOutdir();
      const bare = new App({ context: SKIP_BUNDLING, outdir });
      new SegmentReportStack(bare, 'SegmentReport', { config: parseDeployConfig(warehouseConfiguration()) });
      Validations.of(bare).addPlugins(new AwsSolutionsChecks(bare));
      const findings = failedFindings(bare, outdir);
      const onStateMachine = findings
        .filter((finding) => finding.includes(' @ SegmentReport/Warehouse/StateMachine/Role/DefaultPolicy/'))
        .map((finding) => finding.split(' @ ')[0]?.replace(/<StorageData\w+\.Arn>/, '<bucket>'))
        .map((finding) => finding?.replace(/<ScheduleFunction\w+\.Arn>/, '<function>'));
      // The table's files and Athena's results, the Lambda task's versions, and CDK's logging and X-Ray: no
      // finding for the Athena and Glue statements, nor SF1 (logging) or SF2 (X-Ray), which are fixed.
      expect(onStateMachine.sort()).toEqual(
        [
          'AwsSolutions-IAM5[Resource::<bucket>/incoming/*]',
          'AwsSolutions-IAM5[Resource::<bucket>/aggregates/*]',
          'AwsSolutions-IAM5[Resource::<function>:*]',
          'AwsSolutions-IAM5[Resource::*]',
        ].sort(),
      );
      expect(findings.filter((finding) => /^AwsSolutions-(SF1|SF2|ATH1)\b/.test(finding))).toEqual([]);
      const rules = (entries: string[]) => [...new Set(entries)].sort();
      expect(rules(acknowledged.map((entry) => entry.rule))).toEqual(
        rules(findings.map((finding) => finding.split(' @ ')[0] ?? '')),
      );
      // Each finding acknowledged on the very construct it was found on.
      for (const finding of findings) {
        const [rule, path] = finding.split(' @ ');
        expect(
          acknowledged.some((entry) => entry.rule === rule && path?.startsWith(`${entry.path}/`)),
          finding,
        ).toBe(true);
      }
    });

    it('fail on a wildcard statement added to the state machine role', () => {
      const outdir = testOutdir();
      const { app, stack } = buildTestApp(warehouseConfiguration(), outdir);
      stack.warehouse?.stateMachine.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['athena:*'], resources: ['*'] }),
      );
      expect(failedFindings(app, outdir)).toEqual([
        'AwsSolutions-IAM5[Action::athena:*] @ SegmentReport/Warehouse/StateMachine/Role/DefaultPolicy/Resource',
      ]);
    });

    it('fail on a delete of every object added to the state machine role', () => {
      const outdir = testOutdir();
      const { app, stack } = buildTestApp(warehouseConfiguration(), outdir);
      stack.warehouse?.stateMachine.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:DeleteObject'],
          resources: [stack.data.bucket.arnForObjects('*')],
        }),
      );
      expect(failedFindings(app, outdir)).toEqual([
        expect.stringMatching(
          /^AwsSolutions-IAM5\[Resource::<StorageData\w+\.Arn>\/\*\] @ SegmentReport\/Warehouse\/StateMachine\/Role\//,
        ),
      ]);
    });
  });
});
