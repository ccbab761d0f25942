// End to end, one real process per case: every wrong input, option or command line exits with 2 and exactly one
// line on stderr, `segment-report: ...`, naming the file (and the line or the option); never a stack trace, never
// a word on stdout, and the input file is byte for byte what it was. The processes run concurrently.
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesIn, threeGroupsCsv, writeFixture } from '../support/cli-fixtures.ts';
import { type CliRun, makeTempDir, runCli, stderrLines } from '../support/run-cli.ts';
import { concurrencyLimit } from '../support/measured-cli.ts';

const GOOD_CSV = 'Invoice,Customer,Date,Amount\n1,A,2024-01-01,10\n2,B,2024-01-02,20\n';
const PREVIOUS_JSON = '{"left": "from an earlier run"}\n';

/** Escapes a path for a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The usage hint that ends the messages about the command line itself. */
const USAGE_HINT = 'usage: segment-report analyze FILE \\[options\\] \\(see --help\\)';

/** 20 customers, one to four orders each: enough to cluster, too few for --k 50. */
const TWENTY_CUSTOMERS_CSV = [
  'Invoice,Customer,Date,Amount',
  ...Array.from({ length: 20 }, (_, customer) =>
    Array.from(
      { length: 1 + (customer % 4) },
      (_, order) =>
        `${customer * 10 + order},C${customer},2024-0${1 + order}-${10 + customer},${5 + customer * 7 + order}`,
    ),
  ).flat(),
  '',
].join('\n');

interface ErrorCase {
  name: string;
  /** The file the case gives to `analyze` (its bytes are checked afterwards when it exists). */
  input: string;
  /** The directory the command runs in (`start` writes to ./out); the repository root by default. */
  inTempDir?: boolean;
  args: (input: string, dir: string) => string[];
  /** The whole stderr line after `segment-report: `. */
  message: (input: string, dir: string) => RegExp;
}

const CASES: ErrorCase[] = [
  {
    name: 'a missing file',
    input: 'missing.csv',
    args: (input) => ['analyze', input],
    message: (input) => new RegExp(`^${literal(input)}: no such file; ${USAGE_HINT}$`),
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
    message: () => /^analyze: unknown option --colour; see segment-report analyze --help$/,
  },
  {
    name: 'a mistyped option (the closest flag proposed)',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--date-fromat', 'DD/MM/YYYY'],
    message: () => /^analyze: unknown option --date-fromat; did you mean --date-format\?$/,
  },
  {
    name: 'an option without its value',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--json'],
    message: () => /^analyze: --json: needs a value \(--json PATH\)$/,
  },
  {
    name: 'a value given to --quiet',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--quiet=no'],
    message: () => /^analyze: --quiet: takes no value$/,
  },
  {
    name: 'no FILE (the usage in the same line)',
    input: 'good.csv',
    args: () => ['analyze', '--quiet'],
    message: () => new RegExp(`^analyze: expected exactly one FILE, got none; ${USAGE_HINT}$`),
  },
  {
    name: 'two FILEs (to the analyse alias, named as analyze)',
    input: 'good.csv',
    args: (input) => ['analyse', input, 'other.csv'],
    message: (input) =>
      new RegExp(
        `^analyze: expected exactly one FILE, got 2 \\("${literal(input)}", "other\\.csv"\\); ${USAGE_HINT}$`,
      ),
  },
  {
    name: 'no command',
    input: 'good.csv',
    args: () => [],
    message: () => new RegExp(`^expected a command; ${USAGE_HINT}$`),
  },
  {
    name: 'a mistyped command',
    input: 'good.csv',
    args: (input) => ['analyz', input],
    message: () => /^unknown command "analyz"; did you mean analyze\?$/,
  },
  {
    name: 'a FILE given as the command',
    input: 'good.csv',
    args: (input) => [input],
    message: (input) =>
      new RegExp(
        `^unknown command "${literal(input)}"; to analyse a file: segment-report analyze ${literal(input)}$`,
      ),
  },
  {
    name: 'start given a FILE',
    input: 'good.csv',
    inTempDir: true,
    args: (input) => ['start', input],
    message: (input) =>
      new RegExp(
        `^start: takes no FILE \\(it analyses the bundled sample\\), got "${literal(input)}"; ` +
          'to analyse a file: segment-report analyze FILE \\[options\\]$',
      ),
  },
  {
    name: 'a --k above the number of customers in the file (the file and the flag named)',
    input: 'twenty.csv',
    args: (input, dir) => ['analyze', input, '--k', '50', '--json', join(dir, 'never.json')],
    message: (input) =>
      new RegExp(`^${literal(input)}: --k 50: the file has 20 customers; K must be at most 20$`),
  },
  {
    name: '--features on a transaction log',
    input: 'twenty.csv',
    args: (input) => ['analyze', input, '--features', 'Income'],
    message: (input) =>
      new RegExp(
        `^${literal(input)}: --features Income: the file is a transaction log, and --features is for customer tables`,
      ),
  },
  {
    name: 'a --time-zone Intl does not know, with --html (the flag named, not a settings field)',
    input: 'good.csv',
    args: (input, dir) => [
      'analyze',
      input,
      '--time-zone',
      'Mars/Olympus',
      '--html',
      join(dir, 'never.html'),
    ],
    message: () =>
      /^analyze: --time-zone: must be an IANA time zone such as Europe\/Paris, got "Mars\/Olympus"$/,
  },
  {
    name: 'a --time-zone Intl does not know, without --html (checked all the same)',
    input: 'good.csv',
    args: (input) => ['analyze', input, '--time-zone', 'Europe/Pariss'],
    message: () =>
      /^analyze: --time-zone: must be an IANA time zone such as Europe\/Paris, got "Europe\/Pariss"$/,
  },
  {
    name: 'a --locale the report does not speak',
    input: 'good.csv',
    args: (input, dir) => ['analyze', input, '--locale', 'de', '--text', join(dir, 'never.txt')],
    message: () => /^analyze: --locale: must be en or fr$/,
  },
  {
    name: 'a --currency that is no ISO 4217 code',
    input: 'good.csv',
    args: (input, dir) => ['analyze', input, '--currency', '€', '--text', join(dir, 'never.txt')],
    message: () => /^analyze: --currency: must be a three-letter ISO 4217 code such as EUR$/,
  },
  {
    name: 'an investment per customer of 1e308 in --settings (the file and the field path named)',
    input: 'good.csv',
    args: (input, dir) => [
      'analyze',
      input,
      '--settings',
      join(dir, 'huge-investment.json'),
      '--html',
      join(dir, 'never.html'),
    ],
    message: (_input, dir) =>
      new RegExp(
        `^--settings ${literal(join(dir, 'huge-investment.json'))}: playbook\\.atRisk\\.investmentPerCustomer: ` +
          'must be 0 or a number from 0\\.01 to 1000000 \\(currency units per customer\\), got 1e\\+308$',
      ),
  },
  {
    name: 'a time zone Intl does not know in --settings, without --html',
    input: 'good.csv',
    args: (input, dir) => ['analyze', input, '--settings', join(dir, 'bad-zone.json')],
    message: (_input, dir) =>
      new RegExp(
        `^--settings ${literal(join(dir, 'bad-zone.json'))}: timeZone: must be an IANA time zone such as ` +
          'Europe/Paris, got "Mars/Olympus"$',
      ),
  },
  {
    name: 'a --settings file that does not exist',
    input: 'good.csv',
    args: (input, dir) => ['analyze', input, '--settings', join(dir, 'no-settings.json')],
    message: (_input, dir) =>
      new RegExp(
        `^--settings ${literal(join(dir, 'no-settings.json'))}: cannot read the file \\(no such file\\)$`,
      ),
  },
  {
    name: 'a header with a line break and a terminal escape (shown escaped, in one line)',
    input: 'escaped-header.csv',
    args: (input) => ['analyze', input],
    // The wording is the engine's; what the command line guarantees is one line with the escapes shown.
    message: (input) =>
      new RegExp(`^${literal(input)}: missing required column customer .*Bu\\\\nyer\\\\u001b\\[31mRED`),
  },
  {
    name: 'an output in a folder that does not exist (before the analysis)',
    input: 'good.csv',
    args: (input, dir) => ['analyze', input, '--json', join(dir, 'no-such-folder', 'out.json')],
    message: (_input, dir) =>
      new RegExp(
        `^--json ${literal(join(dir, 'no-such-folder', 'out.json'))}: cannot write the file ` +
          `\\(no such directory: ${literal(join(dir, 'no-such-folder'))}\\)$`,
      ),
  },
  {
    name: 'two outputs to the same file',
    input: 'good.csv',
    args: (input, dir) => [
      'analyze',
      input,
      '--json',
      join(dir, 'never.json'),
      '--customers',
      join(dir, 'never.json'),
    ],
    message: (_input, dir) =>
      new RegExp(`^--customers ${literal(join(dir, 'never.json'))}: the same file as --json$`),
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
    message: () => /^analyze: --as-of: must be a calendar day YYYY-MM-DD, got "2024-13-45"$/,
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
    await writeFixture(dir, 'twenty.csv', TWENTY_CUSTOMERS_CSV);
    await writeFixture(
      dir,
      'escaped-header.csv',
      'Invoice,"Bu\nyer\u001b[31mRED",Date,Amount\n1,A,2024-01-01,10\n',
    );
    await writeFixture(
      dir,
      'huge-investment.json',
      '{"playbook": {"atRisk": {"investmentPerCustomer": 1e308}}}\n',
    );
    await writeFixture(dir, 'bad-zone.json', '{"timeZone": "Mars/Olympus"}\n');
    for (const name of new Set(CASES.map((testCase) => testCase.input))) {
      const bytes = await readFile(join(dir, name)).catch(() => undefined);
      if (bytes) before.set(name, bytes);
    }
    // Four processes at a time: all 39 at once starved two shared cores past the hook's timeout.
    const limit = concurrencyLimit(4);
    const results = await Promise.all(
      CASES.map((testCase) =>
        limit(() =>
          runCli(testCase.args(join(dir, testCase.input), dir), testCase.inTempDir ? dir : undefined),
        ),
      ),
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
    // No control character but the final line break: nothing from the input acts on the terminal.
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('leaves every input file byte for byte as it was', async () => {
    expect(before.size).toBe(10);
    for (const [name, bytes] of before) {
      expect(Buffer.compare(await readFile(join(dir, name)), bytes), name).toBe(0);
    }
  });

  it('writes no output when the input or the options are wrong, and keeps an earlier output whole', async () => {
    expect(await readFile(join(dir, 'previous.json'), 'utf8')).toBe(PREVIOUS_JSON);
    await expect(stat(join(dir, 'never.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(dir, 'never.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(dir, 'never.html'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(dir, 'never.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await namesIn(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
