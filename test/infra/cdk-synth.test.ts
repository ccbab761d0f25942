// The real app, synthesised offline the way the README does it (`npx cdk synth`, esbuild bundling, cdk-nag,
// no AWS credentials): it succeeds, and each Lambda bundle is an ES module, without the TypeScript compiler
// that mjml's config loader would drag in, and well under Lambda's limits.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

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

describe('npx cdk synth', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'segment-report-synth-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('synthesises the app offline, with two small ESM bundles without the TypeScript compiler', async () => {
    const { code, output } = await run('npx', ['cdk', 'synth', '--no-notices', '--quiet', '-o', outdir]);
    expect(code, output).toBe(0);

    const templateFile = join(outdir, 'SegmentReport.template.json');
    expect(existsSync(templateFile)).toBe(true);
    const template = JSON.parse(readFileSync(templateFile, 'utf8')) as {
      Resources: Record<
        string,
        { Type: string; Properties: { Runtime?: string; Code?: { S3Key?: string } } }
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
  }, 120_000);
});
