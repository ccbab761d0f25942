// End to end, one real process per case: every wrong input or option exits with 2 and exactly one line on
// stderr, `segment-report: ...`, naming the file (and the line or the option); never a stack trace, never a
// word on stdout, and the input file is byte for byte what it was. The processes run concurrently.
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesIn, threeGroupsCsv, writeFixture } from '../support/cli-fixtures.ts';
import { type CliRun, makeTempDir, runCli, stderrLines } from '../support/run-cli.ts';

const GOOD_CSV = 'Invoice,Customer,Date,Amount\n1,A,2024-01-01,10\n2,B,2024-01-02,20\n';
const PREVIOUS_JSON = '{"left": "from an earlier run"}\n';

/** Escapes a path for a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface ErrorCase {
  name: string;
  /** The file the case gives to `analyze` (its bytes are checked afterwards when it exists). */
  input: string;
  args: (input: string, dir: string) => string[];
  /** The whole stderr line after `segment-report: `. */
  message: (input: string, dir: string) => RegExp;
}

const CASES: ErrorCase[] = [
  {
    name: 'a missing file',
    input: 'missing.csv',
    args: (input) => ['analyze', input],
    message: (input) => new RegExp(`^${literal(input)}: no such file$`),
  },
  {
    name: 'a directory',
    input: 'a-directory',
    args: (input) => ['analyze', input],
    message: (input) => new RegExp(`^${literal(input)}: not a file$`),
  },
  {
    name: 'an empty file (outputs asked for are left alone)',
    input: 'empty.csv',
    args: (input, dir) => [
      'analyze',
      input,
      '--json',
      join(dir, 'previous.json'),
      '--customers',
      join(dir, 'never.csv'),
    ],
    message: (input) => new RegExp(`^${literal(input)}: the file is empty$`),
  },
  {
    name: 'a header without data lines',
    input: 'header-only.csv',
    args: (input) => ['analyze', input],
    message: (input) => new RegExp(`^${literal(input)}: the file has a header but no data lines$`),
  },
  {
    name: 'binary bytes (not a CSV)',
    input: 'picture.csv',
    args: (input) => ['analyze', input],
    message: (input) => new RegExp(`^${literal(input)}: not a CSV file\\b`),
  },
  {
    name: 'a truncated .csv.gz',
    input: 'truncated.csv.gz',
    args: (input) => ['analyze', input],
    message: (input) => new RegExp(`^${literal(input)}: the gzip data is truncated or corrupt\\b`),
  },
  {
    name: 'an unterminated quoted field (with its line number)',
    input: 'unterminated.csv',
    args: (input) => ['analyze', input],
    message: (input) => new RegExp(`^${literal(input)}: line 5: unterminated quoted field$`),
  },
  {
    name: 'a missing required column (named, with the headers found)',
    input: 'no-customer.csv',
    args: (input) => ['analyze', input],
    message: (input) =>
      new RegExp(
        `^${literal(input)}: missing required column customer \\(header: Invoice, Buyer, Date, Amount\\); ` +
          'pass --map customer=\\.\\.\\.,date=\\.\\.\\.,amount=\\.\\.\\.$',
      ),
  },
  {
    name: 'day-first dates of 1 to 7 March that never tell their order (the flag that reads them named)',
    input: 'first-week-of-march.csv',
    args: (input) => ['analyze', input],
    message: (input) =>
      new RegExp(
        `^${literal(input)}: column "Date": dates such as "03/03/2026" can be read day-first or month-first; ` +
          'pass --date-format DD/MM/YYYY or --date-format MM/DD/YYYY$',
      ),
  },
  {
    name: 'an unknown option',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--colour'],
    message: () => /^analyze: Unknown option '--colour'/,
  },
  {
    name: 'a --k out of range',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--k', '99'],
    message: () => /^analyze: --k: must be a whole number from 2 to 50$/,
  },
  {
    name: 'an --as-of that is no calendar day',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--as-of', '2024-13-45'],
    message: () => /^--as-of must be a date YYYY-MM-DD, got "2024-13-45"$/,
  },
  {
    name: 'a --map without role=column',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--map', 'customer'],
    message: () =>
      /^analyze: --map: "customer" must be role=column with role one of customer, order, date, amount/,
  },
  {
    name: 'a --decimal-mark that is neither . nor ,',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--decimal-mark', ';'],
    message: () => /^analyze: --decimal-mark: must be \. or ,$/,
  },
  {
    name: 'a --json path that is the input file',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--json', input],
    message: (input) => new RegExp(`^--json ${literal(input)}: refusing to overwrite the input file$`),
  },
  {
    name: 'a --customers path that is the input file under another spelling (checked before any output)',
    input: 'good.csv',
    args: (input, dir) => [
      'analyze',
      input,
      '--json',
      join(dir, 'never.json'),
      '--customers',
      join(dir, 'a-directory', '..', 'good.csv'),
    ],
    message: (_input, dir) =>
      new RegExp(
        `^--customers ${literal(join(dir, 'a-directory', '..', 'good.csv'))}: refusing to overwrite the input file$`,
      ),
  },
];

describe('analyze with a wrong input or option', () => {
  let dir = '';
  const before = new Map<string, Buffer>();
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    dir = await makeTempDir();
    await mkdir(join(dir, 'a-directory'));
    await writeFixture(dir, 'good.csv', GOOD_CSV);
    await writeFixture(dir, 'empty.csv', '');
    await writeFixture(dir, 'header-only.csv', 'Invoice,Customer,Date,Amount\r\n');
    // A PNG signature and a few chunk bytes: binary, with NUL bytes early on.
    await writeFixture(
      dir,
      'picture.csv',
      Uint8Array.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
    );
    const gzipped = gzipSync(threeGroupsCsv());
    await writeFixture(dir, 'truncated.csv.gz', gzipped.subarray(0, Math.floor(gzipped.length / 2)));
    await writeFixture(
      dir,
      'unterminated.csv',
      [
        'Invoice,Customer,Date,Amount',
        '1,A,2024-01-01,10',
        '2,B,2024-01-02,20',
        '3,C,2024-01-03,30',
        '4,"D,2024-01-04,40',
        '5,E,2024-01-05,50',
        '',
      ].join('\n'),
    );
    await writeFixture(dir, 'no-customer.csv', 'Invoice,Buyer,Date,Amount\n1,A,2024-01-01,10\n');
    await writeFixture(
      dir,
      'first-week-of-march.csv',
      [
        'Client;Facture;Date;Montant',
        ...[3, 4, 5, 6, 7].map((day) => `C${day};F${day};0${day}/03/2026;10,00`),
        '',
      ].join('\n'),
    );
    await writeFixture(dir, 'previous.json', PREVIOUS_JSON);
    for (const name of new Set(CASES.map((testCase) => testCase.input))) {
      const bytes = await readFile(join(dir, name)).catch(() => undefined);
      if (bytes) before.set(name, bytes);
    }
    const results = await Promise.all(
      CASES.map((testCase) => runCli(testCase.args(join(dir, testCase.input), dir))),
    );
    CASES.forEach((testCase, index) => {
      const run = results[index];
      if (run) runs.set(testCase.name, run);
    });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(CASES)('$name: exit 2, one stderr line naming the problem, no stack trace', (testCase) => {
    const run = runs.get(testCase.name);
    const input = join(dir, testCase.input);
    expect(run?.code, run?.stderr).toBe(2);
    expect(run?.stdout).toBe('');
    const lines = run ? stderrLines(run) : [];
    expect(lines).toHaveLength(1);
    expect(run?.stderr.endsWith('\n')).toBe(true);
    const line = lines[0] ?? '';
    expect(line.startsWith('segment-report: ')).toBe(true);
    expect(line.slice('segment-report: '.length)).toMatch(testCase.message(input, dir));
    expect(run?.stderr).not.toMatch(/^\s+at /m);
    expect(run?.stderr).not.toMatch(/\b[A-Za-z]*Error\b:|internal error/);
  });

  it('leaves every input file byte for byte as it was', async () => {
    expect(before.size).toBe(8);
    for (const [name, bytes] of before) {
      expect(Buffer.compare(await readFile(join(dir, name)), bytes), name).toBe(0);
    }
  });

  it('writes no output when the input or the options are wrong, and keeps an earlier output whole', async () => {
    expect(await readFile(join(dir, 'previous.json'), 'utf8')).toBe(PREVIOUS_JSON);
    await expect(stat(join(dir, 'never.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(dir, 'never.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await namesIn(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
