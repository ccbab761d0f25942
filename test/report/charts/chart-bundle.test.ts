/**
 * A chart renders from a bundle as the Lambda runs it: esbuild bundles a tiny entry (ESM, Node, the options of
 * the function's bundling), the chart assets are copied beside it as the CDK bundling does, and plain `node`
 * (no tsx, no node_modules in reach) runs it in a folder of its own.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_ASSET_FILES } from '../../../lambda/report/charts/chart-assets.ts';
import { forecastLineAlt } from '../../../lambda/report/charts/chart-alt.ts';
import { REVENUE } from '../../../tools/chart-samples.ts';
import { pngSize } from './png-header.ts';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let outDir: string;

beforeAll(async () => {
  // Outside the repository, so that the bundle cannot fall back to node_modules for the WebAssembly.
  outDir = await mkdtemp(join(tmpdir(), 'segment-report-chart-bundle-'));
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [join(REPO_ROOT, 'test/report/charts/render-one-chart.ts')],
    outfile: join(outDir, 'index.mjs'),
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  for (const { name, source } of Object.values(CHART_ASSET_FILES)) {
    await copyFile(join(REPO_ROOT, source), join(outDir, name));
  }
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('a chart from the bundle', () => {
  it('comes out as a 1200 x 600 PNG with its alt text, from the files beside the bundle', async () => {
    const png = join(outDir, 'revenue.png');
    const { stdout } = await promisify(execFile)(process.execPath, [join(outDir, 'index.mjs'), png], {
      cwd: outDir,
      timeout: 30_000,
    });

    expect(pngSize(await readFile(png))).toEqual({ signature: true, width: 1200, height: 600 });
    expect(stdout.trim()).toBe(forecastLineAlt(REVENUE));
  });

  it('fails without the WebAssembly beside it, naming the file', async () => {
    await rm(join(outDir, CHART_ASSET_FILES.wasm.name));
    const failure = await promisify(execFile)(
      process.execPath,
      [join(outDir, 'index.mjs'), join(outDir, 'x.png')],
      {
        cwd: outDir,
        timeout: 30_000,
      },
    ).catch((error: unknown) => error as { stderr: string });

    expect((failure as { stderr: string }).stderr).toContain(CHART_ASSET_FILES.wasm.name);
  });
});
