// The real app, synthesised offline the way the README does it (`npx cdk synth`, esbuild bundling, cdk-nag,
// no AWS credentials): it succeeds, and each Lambda bundle is an ES module, without the TypeScript compiler
// that mjml's config loader would drag in, and well under Lambda's limits. Each ARM64 function's asset carries
// what the charts read at run time (resvg's WebAssembly, the font), and a chart renders from those very files.
// With a warehouse in a configuration file (`-c segmentReportConfigFile=...`, the Athena path) the app synthesises
// too, cdk-nag clean: through `cdk list`, which synthesises the app without bundling (the bundles do not depend on
// the configuration, and the first synth checks them), beside the first synth, so it adds little time.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartAssets } from '../../lambda/adapters/chart-asset-files.ts';
import { CHART_ASSET_FILES } from '../../lambda/report/charts/chart-assets.ts';
import { createChartRenderer } from '../../lambda/report/charts/render-charts.ts';
import { REVENUE } from '../../tools/chart-samples.ts';
import { pngSize } from '../report/charts/png-header.ts';
import { warehouseConfiguration } from './support/synth-stack.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_BUNDLE_BYTES = 6 * 1024 * 1024;
/** Strings found in a bundle only when the TypeScript compiler is inside (checked against one built with it). */
const TYPESCRIPT_COMPILER_MARKERS = ['createProgram(', 'versionMajorMinor'];

/** The environment of the parent process without any AWS_* variable (so without credentials or a profile). */
function offlineEnvironment(): NodeJS.ProcessEnv {
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  return { ...environment, CDK_DISABLE_CLI_TELEMETRY: 'true', AWS_EC2_METADATA_DISABLED: 'true' };
}

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: REPO_ROOT, env: offlineEnvironment(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

interface SynthesisedTemplate {
  Resources: Record<string, { Type: string }>;
  Outputs?: Record<string, unknown>;
}

describe('npx cdk synth', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'segment-report-synth-'));
  const warehouseDir = mkdtempSync(join(tmpdir(), 'segment-report-synth-warehouse-'));
  let warehouseSynth: Promise<{ code: number; output: string }>;

  beforeAll(() => {
    const configFile = join(warehouseDir, 'config.json');
    writeFileSync(configFile, JSON.stringify(warehouseConfiguration()));
    // Started here and awaited by its own test, so that it runs while the first synth bundles.
    warehouseSynth = run('npx', [
      'cdk',
      'list',
      '--no-notices',
      '-c',
      `segmentReportConfigFile=${configFile}`,
      '-o',
      join(warehouseDir, 'cdk.out'),
    ]);
  });
  afterAll(async () => {
    await warehouseSynth;
    for (const dir of [outdir, warehouseDir]) rmSync(dir, { recursive: true, force: true });
  });

  it('synthesises the app offline, with two small ESM bundles without the TypeScript compiler', async () => {
    const { code, output } = await run('npx', ['cdk', 'synth', '--no-notices', '--quiet', '-o', outdir]);
    expect(code, output).toBe(0);

    const templateFile = join(outdir, 'SegmentReport.template.json');
    expect(existsSync(templateFile)).toBe(true);
    const template = JSON.parse(readFileSync(templateFile, 'utf8')) as {
      Resources: Record<
        string,
        {
          Type: string;
          Properties: { Runtime?: string; Code?: { S3Key?: string }; Architectures?: string[] };
        }
      >;
    };
    const bundles = Object.values(template.Resources)
      // The report functions: Node.js code from an asset (CDK's notifications handler is inline Python).
      .filter(
        (resource) =>
          resource.Type === 'AWS::Lambda::Function' && resource.Properties.Runtime === 'nodejs22.x',
      )
      .map((resource) =>
        join(outdir, `asset.${resource.Properties.Code?.S3Key?.replace(/\.zip$/, '')}`, 'index.mjs'),
      );
    expect(bundles).toHaveLength(2);
    expect(new Set(bundles).size).toBe(2);

    for (const bundle of bundles) {
      expect(existsSync(bundle), bundle).toBe(true);
      expect(statSync(bundle).size).toBeLessThan(MAX_BUNDLE_BYTES);
      const text = readFileSync(bundle, 'utf8');
      expect(text).toMatch(/^import\s*\{[^}]*\}\s*from\s*['"]node:module['"]/);
      expect(text).toMatch(/\bexport\s*\{[^}]*\bas handler\s*[,}]/);
      for (const marker of TYPESCRIPT_COMPILER_MARKERS) expect(text.includes(marker), marker).toBe(false);
    }

    const functions = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Runtime === 'nodejs22.x',
    );
    for (const resource of functions) expect(resource.Properties.Architectures).toEqual(['arm64']);
    for (const bundle of bundles) await expectChartAssets(join(bundle, '..'));
  }, 120_000);

  it('synthesises the app offline with a warehouse configuration file: the Athena path, cdk-nag clean', async () => {
    const { code, output } = await warehouseSynth;
    expect(code, output).toBe(0);
    expect(output.trim()).toBe('SegmentReport');
    const assembly = join(warehouseDir, 'cdk.out');
    const report = JSON.parse(readFileSync(join(assembly, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string }[];
    };
    // A cdk-nag finding would have failed the synth (exit code); every plugin that reports concluded success.
    expect(report.pluginReports.filter(({ conclusion }) => conclusion !== 'success')).toEqual([]);
    const template = JSON.parse(
      readFileSync(join(assembly, 'SegmentReport.template.json'), 'utf8'),
    ) as SynthesisedTemplate;
    const types = Object.values(template.Resources).map((resource) => resource.Type);
    for (const type of [
      'AWS::Glue::Database',
      'AWS::Glue::Table',
      'AWS::Athena::WorkGroup',
      'AWS::StepFunctions::StateMachine',
    ]) {
      expect(
        types.filter((found) => found === type),
        type,
      ).toHaveLength(1);
    }
    expect(Object.keys(template.Outputs ?? {})).toEqual(
      expect.arrayContaining(['AggregationStateMachineArn', 'AthenaWorkGroupName']),
    );
  }, 120_000);
});

/**
 * The chart files are in the asset, identical to the project's, the WebAssembly a WebAssembly module (so nothing
 * native to match to ARM64), no native addon beside them; and a chart renders from exactly these files.
 */
async function expectChartAssets(assetDir: string): Promise<void> {
  for (const { name, source } of Object.values(CHART_ASSET_FILES)) {
    const shipped = join(assetDir, name);
    expect(existsSync(shipped), shipped).toBe(true);
    expect(readFileSync(shipped).equals(readFileSync(join(REPO_ROOT, source))), name).toBe(true);
  }
  expect([...readFileSync(join(assetDir, CHART_ASSET_FILES.wasm.name)).subarray(0, 4)]).toEqual([
    0, 0x61, 0x73, 0x6d,
  ]);
  expect(readdirSync(assetDir).filter((file) => file.endsWith('.node'))).toEqual([]);
  const renderer = await createChartRenderer(await loadChartAssets(assetDir));
  const chart = renderer.forecastLine(REVENUE);
  expect(pngSize(chart.png)).toEqual({ signature: true, width: 1200, height: 600 });
}
