/**
 * What the report bundles leave out (infra/constructs/report-bundling.ts) changes nothing they do: built with the
 * deployed options into a directory outside the project (no node_modules to fall back on), the report's HTML is
 * the HTML rendered from node_modules, byte for byte, and the AWS clients find the function role's keys in the
 * environment without the credential providers left out.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { esbuildOptionsFor } from '../../../bench/bench-helpers/lambda-bundle-build.ts';
import { projectRoot } from '../../../bench/bench-helpers/paths.ts';
import { html } from '../../../infra/constructs/left-out-package.ts';
import {
  CREDENTIAL_PROVIDERS_NOT_ON_LAMBDA,
  PACKAGES_LEFT_OUT,
  REPORT_BUNDLE_FILE,
  REPORT_BUNDLING,
} from '../../../infra/constructs/report-bundling.ts';
import { renderHtml } from '../../../lambda/report/render/render-html.ts';
import type { ReportView } from '../../../lambda/report/templates/report-view.ts';
import { analysisFixture } from '../../report/fixtures/analysis-fixture.ts';
import { fixtureView } from '../../report/fixtures/report-input.ts';
import { trendsFixture } from '../../report/fixtures/trends-fixture.ts';
import { withHostileTexts } from '../../support/hostile-view-texts.ts';

interface BundledModules {
  renderHtml: typeof renderHtml;
  s3Credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
}

/** The render and the S3 client's credentials, bundled together as the handlers bundle them. */
const ENTRY = `
  import { createS3Client } from './lambda/adapters/aws-clients.ts';
  export { renderHtml } from './lambda/report/render/render-html.ts';
  export const s3Credentials = () => createS3Client({ region: 'eu-west-1' }).config.credentials();
`;

let scratch: string;
let bundled: BundledModules;
let bundledInputs: string[];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'segment-report-left-out-'));
  const outfile = join(scratch, REPORT_BUNDLE_FILE);
  const { metafile } = await build({
    ...esbuildOptionsFor(REPORT_BUNDLING, outfile),
    sourcemap: false,
    stdin: { contents: ENTRY, resolveDir: projectRoot, sourcefile: 'entry.ts', loader: 'ts' },
  });
  bundledInputs = Object.keys(metafile?.inputs ?? {});
  bundled = (await import(pathToFileURL(outfile).href)) as BundledModules;
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each(['en', 'fr'] as const)('the %s email rendered through the bundle', (locale) => {
  const review = (): ReportView =>
    fixtureView({
      analysis: { ...analysisFixture(), trends: trendsFixture() },
      previous: analysisFixture({ kpis: { revenue: 800_000 } }),
      settings: { locale, companyName: 'Example Ltd', alerts: { maxInactiveShare: 0.1 } },
      kind: 'quarterly',
      reportPeriod: { first: '2024-01-01', last: '2024-03-31' },
    });
  it.each([
    { name: 'upload', view: () => fixtureView({ settings: { locale } }) },
    { name: 'quarterly review', view: review },
    { name: 'quarterly review, hostile texts', view: () => withHostileTexts(review()) },
  ])('$name: is the HTML rendered from node_modules, byte for byte', async ({ view }) => {
    const html = await bundled.renderHtml(view());
    expect(html).toContain('<!doctype html>');
    expect(html === (await renderHtml(view())), 'the bundled render differs').toBe(true);
  });
});

describe('the packages left out', () => {
  it('are not in the bundle, nor anything only they bring', () => {
    const inBundle = (name: string) => bundledInputs.some((path) => path.includes(`node_modules/${name}/`));
    const leftOut = [
      ...PACKAGES_LEFT_OUT,
      ...CREDENTIAL_PROVIDERS_NOT_ON_LAMBDA,
      'js-yaml',
      '@aws-sdk/nested-clients',
    ];
    expect(leftOut.filter(inBundle)).toEqual([]);
    expect(inBundle('mjml-core')).toBe(true);
    expect(inBundle('@aws-sdk/credential-provider-node')).toBe(true);
  });

  it("leave one htmlparser2, the project's own, in place of the copies nested in MJML's and htmlnano's parsers", () => {
    const nested = bundledInputs.filter((path) => /node_modules\/.+\/node_modules\/htmlparser2\//.test(path));
    expect(nested).toEqual([]);
    expect(bundledInputs.some((path) => path.startsWith('node_modules/htmlparser2/'))).toBe(true);
  });

  it('throw when called in their place', () => {
    expect(() => html()).toThrow(/left out of the report bundle/);
  });
});

describe('the bundled credential chain on Lambda', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("finds the function role's keys in the environment, as Lambda sets them", async () => {
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token');
    await expect(bundled.s3Credentials()).resolves.toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });
});
