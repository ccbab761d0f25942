// The bundled command line (scripts/build-cli.mjs, dist/cli.mjs: what the benchmarks run and a user installs) draws
// the email's charts: resvg's WebAssembly and the font are copied beside the chunk that draws, under the names
// lambda/report/charts/chart-assets.ts names (read by lambda/adapters/chart-asset-files.ts). It renders the report
// on its report thread (dist/report-worker.mjs): the same HTML, text and charts as the sources render in one thread.
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyzeCommand } from '../../lambda/cli/analyze-command.ts';
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

  it('renders the report on its thread as the sources do in one: HTML, text and charts byte-identical', async () => {
    // Each run in its own folder, so that the HTML names its charts by the same relative path.
    const outputs = (where: string) => [
      '--html',
      join(dir, where, 'report.html'),
      '--text',
      join(dir, where, 'report.txt'),
      '--charts',
      join(dir, where, 'charts'),
      '--locale',
      'fr',
    ];
    await Promise.all(['bundle', 'sources'].map((where) => mkdir(join(dir, where))));
    await run(process.execPath, [
      join(REPO_ROOT, 'dist', 'cli.mjs'),
      'analyze',
      SAMPLE,
      ...outputs('bundle'),
      '--quiet',
    ]);
    await runAnalyzeCommand([SAMPLE, ...outputs('sources'), '--quiet'], {
      stdout: () => undefined,
      stderr: process.stderr,
      now: new Date(),
    });
    // The one difference: the minute each run was generated in.
    const read = async (file: string) =>
      (await readFile(join(dir, file), 'utf8')).replace(/Généré le [^.]*\./g, 'Généré le ….');
    for (const file of ['report.html', 'report.txt']) {
      expect(await read(join('bundle', file))).toEqual(await read(join('sources', file)));
      expect(await read(join('bundle', file))).toContain('Généré le ….');
    }
    const charts = (await readdir(join(dir, 'bundle', 'charts'))).sort();
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      const bundled = await readFile(join(dir, 'bundle', 'charts', chart));
      expect(bundled.equals(await readFile(join(dir, 'sources', 'charts', chart)))).toBe(true);
    }
  }, 240_000);
});
