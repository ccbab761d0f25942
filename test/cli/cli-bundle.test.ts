// The bundled command line (scripts/build-cli.mjs, dist/cli.mjs: what the benchmarks run and a user installs) draws
// the email's charts: resvg's WebAssembly and the font are copied beside the chunk that draws, under the names
// lambda/report/charts/chart-assets.ts names (read by lambda/adapters/chart-asset-files.ts).
import { execFile } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../support/run-cli.ts';

const run = promisify(execFile);
const SAMPLE = join(REPO_ROOT, 'samples', 'online-retail-sample.csv.gz');

let dir = '';

beforeAll(async () => {
  dir = await makeTempDir();
  await run(process.execPath, [join(REPO_ROOT, 'scripts', 'build-cli.mjs')], { cwd: REPO_ROOT });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the bundled command line', () => {
  it("writes the email's charts as PNG, run by plain node", async () => {
    const charts = join(dir, 'charts');
    await run(
      process.execPath,
      [join(REPO_ROOT, 'dist', 'cli.mjs'), 'analyze', SAMPLE, '--charts', charts, '--quiet'],
      {
        cwd: dir,
      },
    );
    const files = (await readdir(charts)).sort();
    expect(files).toEqual(['cohort-retention.png', 'revenue-trend.png', 'segment-buyers.png']);
    for (const file of files) {
      expect((await readFile(join(charts, file))).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  }, 120_000);
});
