// `--charts DIR` (issue 14): the email's charts as PNG files, and an --html preview that shows them from there;
// without it, the preview carries them as data: URLs (a browser shows those; the email itself uses cid:).
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandIo, runAnalyzeCommand } from '../../lambda/cli/analyze-command.ts';
import { makeTempDir, runCli } from '../support/run-cli.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

const io: CommandIo = {
  stdout: () => undefined,
  stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
  now: new Date('2025-01-01T00:00:00Z'),
};
/** The sample `npm start` analyses: Online Retail's last months, enough for monthly trends. */
const ONLINE_RETAIL_SAMPLE = join(REPO_ROOT, 'samples', 'online-retail-sample.csv.gz');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let dir = '';

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyze --charts', () => {
  it('writes each chart as a PNG, and the --html preview shows them from there', async () => {
    const html = join(dir, 'report.html');
    await runAnalyzeCommand([ONLINE_RETAIL_SAMPLE, '--html', html, '--charts', join(dir, 'charts')], io);
    const files = (await readdir(join(dir, 'charts'))).sort();
    expect(files).toEqual(['cohort-retention.png', 'revenue-trend.png', 'segment-buyers.png']);
    for (const file of files) {
      const bytes = await readFile(join(dir, 'charts', file));
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }
    const page = await readFile(html, 'utf8');
    expect(page).not.toContain('cid:');
    for (const file of files) expect(page).toContain(`src="charts/${file}"`);
  }, 60_000);

  it('carries the charts in the preview as data: URLs without --charts', async () => {
    const html = join(dir, 'inline.html');
    await runAnalyzeCommand([ONLINE_RETAIL_SAMPLE, '--html', html], io);
    const page = await readFile(html, 'utf8');
    expect(page).not.toContain('cid:');
    expect(page.match(/src="data:image\/png;base64,/g)).toHaveLength(3);
  }, 60_000);

  it('refuses a directory whose parent does not exist, with the flag named, exit 2, one line', async () => {
    const result = await runCli([
      'analyze',
      ONLINE_RETAIL_SAMPLE,
      '--charts',
      join(dir, 'missing', 'charts'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `segment-report: --charts ${join(dir, 'missing', 'charts')}: cannot write the file (no such directory: ${join(dir, 'missing')})`,
    ]);
  }, 60_000);
});
