// End to end, one real process per run (started together): help on stdout with exit 0 however it is asked for,
// and `analyse` as another spelling of `analyze`. Mistakes on the command line are in main-errors.test.ts.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_IDS_CSV, writeFixture } from '../support/cli-fixtures.ts';
import { type CliRun, makeTempDir, runCli } from '../support/run-cli.ts';

const HELP_RUNS = [
  ['--help'],
  ['-h'],
  ['help'],
  ['analyze', '--help'],
  ['analyze', 'data.csv', '--k', '3', '-h'],
  ['analyse', '--help'],
  ['start', '--help'],
];

let dir = '';
let helps: CliRun[] = [];
let alias: CliRun;
let spelled: CliRun;

beforeAll(async () => {
  dir = await makeTempDir();
  const input = await writeFixture(dir, 'orders.csv', FORMULA_IDS_CSV);
  [alias, spelled, ...helps] = await Promise.all([
    runCli(['analyse', input]),
    runCli(['analyze', input]),
    ...HELP_RUNS.map((args) => runCli(args)),
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('help', () => {
  it.each(HELP_RUNS.map((args, index) => ({ args, index })))(
    '$args prints the usage on stdout and exits 0',
    ({ index }) => {
      const run = helps[index];
      expect(run?.code, run?.stderr).toBe(0);
      expect(run?.stderr).toBe('');
      expect(run?.stdout).toMatch(/^usage: segment-report <command>/);
      // Every flag the parser knows is in the usage.
      for (const flag of ['--k N', '--date-format', '--time-zone ZONE', '--settings PATH', '--quiet']) {
        expect(run?.stdout).toContain(flag);
      }
    },
  );
});

describe('analyse', () => {
  it('is analyze spelled the British way: the same run, the same summary', () => {
    expect(alias.code, alias.stderr).toBe(0);
    expect(alias.stderr).toBe('');
    expect(alias.stdout).toBe(spelled.stdout);
    expect(alias.stdout).toContain('Customers 7 ');
  });
});
