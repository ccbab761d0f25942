// `--period` (issue 13): a data team previews the weekly report of a week, or the review of a quarter, on a local
// file, as the scheduled run would send it: the period's own figures in the subject and first; a name that is not
// a week or a quarter is refused with the flag named (exit 2, one line).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandIo, runAnalyzeCommand } from '../../lambda/cli/analyze-command.ts';
import { writeFixture } from '../support/cli-fixtures.ts';
import { makeTempDir, runCli } from '../support/run-cli.ts';

const printed: string[] = [];
const io: CommandIo = {
  stdout: (text) => void printed.push(text),
  stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
  now: new Date('2025-01-01T00:00:00Z'),
};

/** Orders of three Mondays, a week apart; customer C1 bought long before. */
const LOG = [
  'Invoice,Customer,Date,Amount',
  'I0,C1,2024-01-08,50',
  'I1,C1,2024-09-02,100',
  'I2,C2,2024-09-09,40',
  'I3,C1,2024-09-09,60',
  'I4,C3,2024-09-09,25.5',
  'I5,C3,2024-09-16,10',
].join('\n');

let dir = '';

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyze --period', () => {
  it("previews the weekly report of an ISO week: the week's figures in the subject and first", async () => {
    const input = await writeFixture(dir, 'log.csv', LOG);
    const text = join(dir, 'week.txt');
    await runAnalyzeCommand([input, '--period', '2024-W37', '--text', text], io);
    expect(printed.join('')).toContain(
      'Report: Weekly report, Sep 9, 2024 to Sep 15, 2024: 3 orders, revenue 125.5 (+25.5% on the previous week), 3 customers\n',
    );
    expect(printed.join('')).toContain(
      [
        'This period 2024-09-09 .. 2024-09-15: orders 3, revenue 126, customers 3 (2 new, 1 returning)',
        '  the period before 2024-09-02 .. 2024-09-08: orders 1, revenue 100, customers 1 (0 new, 1 returning)',
        '  the same period a year earlier: not in the file from its first day',
        'The whole file:',
        'Customers 3 (active 3), orders 6, revenue 286',
      ].join('\n'),
    );
    const email = await readFile(text, 'utf8');
    expect(email).toContain(
      [
        'THIS WEEK, SEP 9, 2024 TO SEP 15, 2024',
        '--------------------------------------',
        '(Arrows: change on the previous week (Sep 2, 2024 to Sep 8, 2024).)',
        'Orders: 3 (+200.0%)',
        'Revenue: 126 (+25.5%)',
        'New customers: 2',
        'Returning customers: 1 (0.0%)',
      ].join('\n'),
    );
  });

  it.each(['2024-W54', '2024-Q5', 'last-week'])(
    'refuses %s with the flag named, exit 2, one line',
    async (period) => {
      const result = await runCli(['analyze', 'missing.csv', '--period', period]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([
        `segment-report: analyze: --period: must be an ISO week such as 2011-W48 or a quarter such as 2011-Q4, got "${period}"`,
      ]);
    },
  );
});
