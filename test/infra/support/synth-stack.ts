// Builds the real app (`buildApp`, with its cdk-nag checks) for the CDK tests, without bundling the Lambdas, and
// reads the template back: logical ids of the stack's own constructs, the function roles' policy statements and
// `Fn::Join` values with their references replaced by readable stand-ins.
import { App, type CfnResource, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../infra/build-app.ts';
import { onlineRetailWarehouse } from '../../support/online-retail-table.ts';
import type { SegmentReportStack } from '../../../infra/segment-report-stack.ts';

/** The context that makes an in-test synth skip esbuild (no stack is bundled). */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** A complete deployment configuration, as cdk.json holds it; a new object on each call. */
export function testConfiguration(): Record<string, unknown> & { job: Record<string, unknown> } {
  return {
    job: {
      sender: 'reports@example.com',
      recipients: { executives: ['ceo@example.com', 'cfo@example.com'], dataTeam: ['data-team@example.com'] },
      report: { locale: 'fr', currency: 'EUR', companyName: 'Example SA' },
    },
    sesIdentity: 'example.com',
    schedules: { timeZone: 'Europe/Paris' },
    alarmEmails: ['data-team@example.com'],
  };
}

/** `testConfiguration()` with a CSV warehouse (the Athena path, issue 16): the Online Retail file's columns. */
export function warehouseConfiguration(): ReturnType<typeof testConfiguration> {
  const configuration = testConfiguration();
  return {
    ...configuration,
    job: {
      ...configuration.job,
      warehouse: onlineRetailWarehouse(),
    },
  };
}

const outdirs: string[] = [];

/**
 * A new path for an App's cloud assembly (the App creates it), removed by `removeTestOutdirs`. Without one, every
 * App makes a temporary directory of its own, which nothing removes.
 */
export function testOutdir(): string {
  const outdir = join(tmpdir(), `segment-report-cdk-${randomUUID()}`);
  outdirs.push(outdir);
  return outdir;
}

/** Removes every directory handed out by `testOutdir` so far. */
export function removeTestOutdirs(): void {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
}

/** A new App (no bundling) with the stack and its checks built on it. */
export function buildTestApp(
  configuration: unknown = testConfiguration(),
  outdir: string = testOutdir(),
): { app: App; stack: SegmentReportStack } {
  const app = new App({ context: SKIP_BUNDLING, outdir });
  const stack = buildApp(app, configuration);
  return { app, stack };
}

/** Builds and synthesises (so the cdk-nag checks run) and returns the stack's template; leaves no files. */
export function synthTemplate(configuration: unknown = testConfiguration()): {
  stack: SegmentReportStack;
  template: Template;
} {
  try {
    const { app, stack } = buildTestApp(configuration);
    app.synth();
    return { stack, template: Template.fromStack(stack) };
  } finally {
    removeTestOutdirs();
  }
}

/** The logical id of a construct's CloudFormation resource (its default child, or itself). */
export function logicalId(stack: Stack, construct: IConstruct): string {
  return stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnResource);
}

/** `{ "Fn::GetAtt": [id, "Arn"] }` */
export function arnOf(id: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [id, 'Arn'] };
}

/** The ARN of objects under a key prefix of a bucket, as `bucket.arnForObjects` renders it. */
export function objectsArn(bucketId: string, prefix: string): unknown {
  return { 'Fn::Join': ['', [arnOf(bucketId), `/${prefix}*`]] };
}

/** An SES ARN in the stack's partition, region and account: `...:ses:region:account:<resource parts>`. */
export function sesArn(...resource: unknown[]): unknown {
  return {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':ses:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        ...resource,
      ],
    ],
  };
}

export interface PolicyStatementJson {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every statement of every AWS::IAM::Policy attached to the role with this logical id. */
export function statementsOfRole(template: Template, roleId: string): PolicyStatementJson[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
    Properties: { Roles: unknown[]; PolicyDocument: { Statement: PolicyStatementJson[] } };
  }[];
  return policies
    .filter((policy) => policy.Properties.Roles.some((role) => isEqual(role, { Ref: roleId })))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

/** A statement's actions, always as a list. */
export function actionsOf(statement: PolicyStatementJson): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
}

/** A statement's resources, always as a list. */
export function resourcesOf(statement: PolicyStatementJson): unknown[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}

/** The properties of the resource with this logical id (fails when there is none). */
export function propertiesOf(template: Template, id: string): Record<string, unknown> {
  const resource = (
    template.toJSON() as { Resources: Record<string, { Properties?: Record<string, unknown> }> }
  ).Resources[id];
  if (!resource) throw new Error(`no resource ${id} in the template`);
  return resource.Properties ?? {};
}

/**
 * The text of a string or `Fn::Join` value, each `{ Ref: id }` replaced by `refs[id]`; any other intrinsic (or an
 * unknown reference) fails, so nothing unresolved slips into the result.
 */
export function joinedText(value: unknown, refs: Readonly<Record<string, string>>): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) throw new Error(`not a string or Fn::Join: ${JSON.stringify(value)}`);
  const [separator, parts] = join;
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = (part as { Ref?: string }).Ref;
      const text = ref === undefined ? undefined : refs[ref];
      if (text === undefined) throw new Error(`unexpected token in Fn::Join: ${JSON.stringify(part)}`);
      return text;
    })
    .join(separator);
}

function isEqual(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

export interface AslCatch {
  ErrorEquals: string[];
  ResultPath?: string;
  Next: string;
}

export interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  ResultSelector?: Record<string, unknown>;
  ResultPath?: string | null;
  OutputPath?: string;
  Result?: unknown;
  Retry?: unknown[];
  Catch?: AslCatch[];
  Choices?: unknown[];
  Default?: string;
  ItemsPath?: string;
  MaxConcurrency?: number;
  ItemProcessor?: { ProcessorConfig?: unknown; StartAt: string; States: Record<string, AslState> };
  TimeoutSeconds?: number;
  ErrorPath?: string;
  CausePath?: string;
}

export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  TimeoutSeconds?: number;
}

/** The state machine's definition as JSON: `AWS::Partition` read as `aws`, each `Fn::GetAtt` as `<id.Attribute>`. */
export function stateMachineDefinition(template: Template, stateMachineId: string): AslDefinition {
  const { DefinitionString } = propertiesOf(template, stateMachineId);
  const join = (DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  const refs: Record<string, string> = { 'AWS::Partition': 'aws' };
  const parts = join[1].map((part) => {
    const getAtt = (part as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
    if (!getAtt) return part;
    const standIn = `${getAtt[0]}.${getAtt[1]}`;
    refs[standIn] = `<${standIn}>`;
    return { Ref: standIn };
  });
  return JSON.parse(joinedText({ 'Fn::Join': [join[0], parts] }, refs)) as AslDefinition;
}
