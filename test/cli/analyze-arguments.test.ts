// `analyze` options parsed once into a typed object; anything wrong is an InvalidOptionError (exit 2) with one
// line naming the option (with the closest flag to a mistyped one), or the FILE with the usage.
import { rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyzeArguments } from '../../lambda/cli/analyze-arguments.ts';
import { ANALYZE_USAGE, flagAdvice } from '../../lambda/cli/analyze-usage.ts';
import { makeTempDir } from '../support/run-cli.ts';
import { InvalidOptionError } from '../../lambda/errors/input-errors.ts';

/** The error parseAnalyzeArguments throws for these arguments (of `analyze`, unless `of` says otherwise). */
function rejection(args: readonly string[], of?: Parameters<typeof parseAnalyzeArguments>[1]): Error {
  try {
    parseAnalyzeArguments(args, of);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`a non-Error was thrown: ${String(error)}`);
  }
  throw new Error(`the arguments were accepted: ${args.join(' ')}`);
}

describe('parseAnalyzeArguments', () => {
  it('reads every option into its type', () => {
    expect(
      parseAnalyzeArguments([
        'data.csv',
        '--k',
        '4',
        '--seed',
        '0',
        '--as-of',
        '2024-06-01',
        '--map',
        'customer=Client,date=Date,amount=Montant',
        '--date-format',
        'DD/MM/YYYY',
        '--shape',
        'transactions',
        '--decimal-mark',
        ',',
        '--features',
        'Income,Recency',
        '--json',
        'out.json',
        '--customers',
        'customers.csv',
        '--html',
        'report.html',
        '--text',
        'report.txt',
        '--locale',
        'fr',
        '--currency',
        'EUR',
        '--time-zone',
        'Europe/Paris',
        '--settings',
        'settings.json',
        '--previous',
        'previous.json',
        '--quiet',
      ]),
    ).toEqual({
      file: 'data.csv',
      k: 4,
      seed: 0,
      asOf: '2024-06-01',
      map: 'customer=Client,date=Date,amount=Montant',
      dateFormat: 'DD/MM/YYYY',
      shape: 'transactions',
      decimalMark: ',',
      features: 'Income,Recency',
      json: 'out.json',
      customers: 'customers.csv',
      html: 'report.html',
      text: 'report.txt',
      locale: 'fr',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      settings: 'settings.json',
      previous: 'previous.json',
      quiet: true,
    });
  });

  it('leaves options not given undefined, so the engine defaults apply', () => {
    const parsed = parseAnalyzeArguments(['data.csv']);
    expect(parsed.file).toBe('data.csv');
    expect(Object.values(parsed).filter((value) => value !== undefined)).toEqual(['data.csv']);
  });

  it('accepts --k at both ends of its range and in --k=N form', () => {
    expect(parseAnalyzeArguments(['data.csv', '--k', '2']).k).toBe(2);
    expect(parseAnalyzeArguments(['data.csv', '--k=50']).k).toBe(50);
  });

  it.each(['1', '51', '99', 'abc', '2.5', '', '-3'])('refuses --k %j', (value) => {
    const error = rejection(['data.csv', `--k=${value}`]);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toBe('analyze: --k: must be a whole number from 2 to 50');
  });

  it.each([
    ['--horizon', '0', 'must be a whole number of months from 1 to 120'],
    ['--horizon', '1.5', 'must be a whole number of months from 1 to 120'],
    ['--horizon', 'year', 'must be a whole number of months from 1 to 120'],
    ['--discount', '-0.01', 'must be a monthly rate from 0 to 1, such as 0.01'],
    ['--discount', '1.5', 'must be a monthly rate from 0 to 1, such as 0.01'],
    ['--discount', '1%', 'must be a monthly rate from 0 to 1, such as 0.01'],
    ['--margin', '0', 'must be a share above 0 and at most 1, such as 0.3'],
    ['--margin', '1.2', 'must be a share above 0 and at most 1, such as 0.3'],
    ['--margin', '30%', 'must be a share above 0 and at most 1, such as 0.3'],
  ])('refuses %s %j in one line naming the option', (flag, value, message) => {
    const error = rejection(['data.csv', `${flag}=${value}`]);
    expect(error).toEqual(new InvalidOptionError(`analyze: ${flag}: ${message}`));
  });

  it('accepts the value settings at the ends of their ranges', () => {
    const parsed = parseAnalyzeArguments(['data.csv', '--horizon=120', '--discount=0', '--margin=1']);
    expect([parsed.horizon, parsed.discount, parsed.margin]).toEqual([120, 0, 1]);
    expect(parseAnalyzeArguments(['data.csv', '--margin', '.05']).margin).toBe(0.05);
  });

  it.each(['-1', '1.5', 'seven'])('refuses --seed %j', (value) => {
    expect(rejection(['data.csv', `--seed=${value}`])).toEqual(
      new InvalidOptionError('analyze: --seed: must be a whole number >= 0'),
    );
  });

  it.each(['31/12/2024', '2024-6-1', 'yesterday', '2024-06-01T00:00'])('refuses --as-of %j', (value) => {
    expect(rejection(['data.csv', '--as-of', value])).toEqual(
      new InvalidOptionError('analyze: --as-of: must be YYYY-MM-DD'),
    );
  });

  it.each([
    [['--shape', 'table'], 'analyze: --shape: must be auto, transactions or customers'],
    [
      ['--date-format', 'YYYY-MM-DD'],
      'analyze: --date-format: must be DD/MM/YYYY or MM/DD/YYYY (ISO and YYYYMMDD dates need none), got "YYYY-MM-DD"',
    ],
    [
      ['--map', 'customer=Client,Montant'],
      'analyze: --map: "Montant" must be role=column with role one of customer, order, date, amount, quantity, price, currency, product, category',
    ],
    [['--decimal-mark', ';'], 'analyze: --decimal-mark: must be . or ,'],
    [['--decimal-mark=comma'], 'analyze: --decimal-mark: must be . or ,'],
    [['--locale', 'de'], 'analyze: --locale: must be en or fr'],
    [['--currency', 'eur'], 'analyze: --currency: must be a three-letter ISO 4217 code such as EUR'],
  ])('refuses %j with the option named', (args, message) => {
    expect(rejection(['data.csv', ...args])).toEqual(new InvalidOptionError(message));
  });

  it.each([
    ['DD/MM/YYYY', 'DD/MM/YYYY'],
    ['mdy', 'mdy'],
  ])('accepts --date-format %j as the configuration does', (value, expected) => {
    expect(parseAnalyzeArguments(['data.csv', '--date-format', value]).dateFormat).toBe(expected);
  });

  it.each(['.', ','])('accepts --decimal-mark %j', (mark) => {
    expect(parseAnalyzeArguments(['data.csv', '--decimal-mark', mark]).decimalMark).toBe(mark);
  });

  it.each([
    [['--colour', 'red'], 'analyze: unknown option --colour; see segment-report analyze --help'],
    [['--date-fromat', 'DD/MM/YYYY'], 'analyze: unknown option --date-fromat; did you mean --date-format?'],
    [['--dateformat=DD/MM/YYYY'], 'analyze: unknown option --dateformat; did you mean --date-format?'],
    [['--timezone', 'UTC'], 'analyze: unknown option --timezone; did you mean --time-zone?'],
    [['--as_of', '2024-06-01'], 'analyze: unknown option --as_of; did you mean --as-of?'],
    [['--customer', 'out.csv'], 'analyze: unknown option --customer; did you mean --customers?'],
    [['--K', '3'], 'analyze: unknown option --K; did you mean --k?'],
    [['--prev', 'old.json'], 'analyze: unknown option --prev; did you mean --previous?'],
    [['-json', 'out.json'], 'analyze: unknown option -json; did you mean --json?'],
    [['-k', '3'], 'analyze: unknown option -k; did you mean --k?'],
    [['-h5'], 'analyze: unknown option -h5; see segment-report analyze --help'],
  ])('names an unknown option %j in one line, with the closest flag', (args, message) => {
    const error = rejection(['data.csv', ...args]);
    expect(error).toEqual(new InvalidOptionError(message));
  });

  it.each([
    [['--k'], 'analyze: --k: needs a value (--k N)'],
    [['--settings'], 'analyze: --settings: needs a value (--settings PATH)'],
    [['--json', '--quiet'], 'analyze: --json: needs a value (--json PATH), got the option --quiet'],
    [['--k', '--seed=3'], 'analyze: --k: needs a value (--k N), got the option --seed'],
    [['--quiet=yes'], 'analyze: --quiet: takes no value'],
  ])('says when an option has no value, or one it takes none (%j)', (args, message) => {
    expect(rejection(['data.csv', ...args])).toEqual(new InvalidOptionError(message));
  });

  it('takes a value that starts with a dash when it is no flag', () => {
    expect(rejection(['data.csv', '--seed', '-1']).message).toBe(
      'analyze: --seed: must be a whole number >= 0',
    );
    expect(parseAnalyzeArguments(['data.csv', '--features', '-x']).features).toBe('-x');
  });

  it.each([
    [[], 'got none'],
    [['a.csv', 'b.csv'], 'got 2 ("a.csv", "b.csv")'],
    [['a.csv', 'b.csv', 'c.csv', 'd.csv'], 'got 4 ("a.csv", "b.csv", "c.csv", ...)'],
    [['--quiet'], 'got none'],
    [[''], 'got an empty name'],
  ])('wants exactly one FILE (%j), with the usage in the same line', (args, got) => {
    expect(rejection(args)).toEqual(
      new InvalidOptionError(
        `analyze: expected exactly one FILE, ${got}; usage: segment-report analyze FILE [options] (see --help)`,
      ),
    );
  });

  it('reads a FILE that starts with a dash after --', () => {
    expect(parseAnalyzeArguments(['--quiet', '--', '-data.csv']).file).toBe('-data.csv');
  });

  it.each([
    [['--as-of', '2024-02-30'], 'analyze: --as-of: must be a calendar day YYYY-MM-DD, got "2024-02-30"'],
    [
      ['--time-zone', 'Mars/Olympus_Mons'],
      'analyze: --time-zone: must be an IANA time zone such as Europe/Paris, got "Mars/Olympus_Mons"',
    ],
    [['--time-zone', ''], 'analyze: --time-zone: must be an IANA time zone such as Europe/Paris, got ""'],
    [
      ['--features', 'Income,,Recency'],
      'analyze: --features: must be column names separated by commas, such as Income,Recency',
    ],
    [['--json', ''], 'analyze: --json: needs a path'],
    [['--settings='], 'analyze: --settings: needs a path'],
  ])('refuses %j with the flag named (checked with the other flags, --html or not)', (args, message) => {
    expect(rejection(['data.csv', ...args])).toEqual(new InvalidOptionError(message));
  });

  it('accepts the time zones Intl knows', () => {
    expect(parseAnalyzeArguments(['data.csv', '--time-zone', 'Europe/Paris']).timeZone).toBe('Europe/Paris');
    expect(parseAnalyzeArguments(['data.csv', '--time-zone', 'UTC']).timeZone).toBe('UTC');
  });
});

describe('parseAnalyzeArguments for start', () => {
  const start = { command: 'start', file: 'sample.csv.gz' } as const;

  it('analyses its own file, with the same flags', () => {
    expect(parseAnalyzeArguments(['--k', '3'], start)).toMatchObject({ file: 'sample.csv.gz', k: 3 });
  });

  it('takes no FILE, and names its flags under start', () => {
    expect(rejection(['data.csv'], start)).toEqual(
      new InvalidOptionError(
        'start: takes no FILE (it analyses the bundled sample), got "data.csv"; ' +
          'to analyse a file: segment-report analyze FILE [options]',
      ),
    );
    expect(rejection(['--k', '1'], start).message).toBe('start: --k: must be a whole number from 2 to 50');
  });
});

describe('parseAnalyzeArguments refuses an output that is the input file', () => {
  let dir = '';
  let input = '';

  beforeAll(async () => {
    dir = await makeTempDir();
    input = join(dir, 'data.csv');
    await writeFile(input, 'Invoice,Customer,Date,Amount\n1,A,2024-01-01,10\n');
    await symlink(input, join(dir, 'link.csv'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['--json', '--customers', '--html', '--text'])('%s', (option) => {
    expect(rejection([input, option, input])).toEqual(
      new InvalidOptionError(`${option} ${input}: refusing to overwrite the input file`),
    );
  });

  it('through a symbolic link or another spelling of the path', () => {
    const link = join(dir, 'link.csv');
    expect(rejection([input, '--json', link])).toEqual(
      new InvalidOptionError(`--json ${link}: refusing to overwrite the input file`),
    );
    const dotted = `${dir}/../${basename(dir)}/./data.csv`;
    expect(rejection([link, '--customers', dotted]).message).toBe(
      `--customers ${dotted}: refusing to overwrite the input file`,
    );
  });

  it('accepts outputs next to the input', () => {
    expect(parseAnalyzeArguments([input, '--json', join(dir, 'data.json')]).json).toBe(
      join(dir, 'data.json'),
    );
  });

  it('refuses two outputs to the same file', () => {
    const json = join(dir, 'out.json');
    expect(rejection([input, '--json', json, '--text', json])).toEqual(
      new InvalidOptionError(`--text ${json}: the same file as --json`),
    );
  });

  it('refuses, before any analysis, an output whose folder does not exist or is a file', () => {
    const missing = join(dir, 'no-such-folder', 'out.json');
    expect(rejection([input, '--json', missing])).toEqual(
      new InvalidOptionError(
        `--json ${missing}: cannot write the file (no such directory: ${join(dir, 'no-such-folder')})`,
      ),
    );
    const underFile = join(input, 'out.html');
    expect(rejection([input, '--html', underFile])).toEqual(
      new InvalidOptionError(`--html ${underFile}: cannot write the file (not a directory: ${input})`),
    );
  });
});

describe('ANALYZE_USAGE', () => {
  it('lists the flags the parser knows, each with the value it wants', () => {
    const listed = [...ANALYZE_USAGE.matchAll(/^ {2}(--[a-z-]+)(?: (\S+))?/gm)].map(
      ([, flag = '', value]) => ({
        flag,
        value,
      }),
    );
    expect(listed.map((entry) => entry.flag)).toContain('--quiet');
    for (const { flag, value } of listed) {
      if (value === undefined) {
        expect(() => parseAnalyzeArguments(['data.csv', flag]), flag).not.toThrow();
      } else {
        // Without its value, the flag is named as one that needs a value: the parser knows it.
        expect(rejection(['data.csv', flag]).message, flag).toMatch(
          new RegExp(`^analyze: ${flag}: needs a value`),
        );
      }
    }
    expect(rejection(['data.csv', '--no-such-flag']).message).toMatch(/^analyze: unknown option/);
  });
});

describe('flagAdvice', () => {
  it.each([
    ['dateFormat', 'pass --date-format DD/MM/YYYY or --date-format MM/DD/YYYY'],
    ['map', 'pass --map customer=...,date=...,amount=...'],
    ['shape', 'pass --shape transactions or --shape customers'],
    ['decimalMark', 'pass --decimal-mark . or --decimal-mark ,'],
  ] as const)('says which flag sets %s', (option, advice) => {
    expect(flagAdvice(option)).toBe(advice);
  });

  it('names flags the command accepts, with values it accepts', () => {
    for (const option of ['dateFormat', 'shape', 'decimalMark'] as const) {
      const [, flag = '', value = ''] = /^pass (\S+) (\S+)/.exec(flagAdvice(option)) ?? [];
      expect(() => parseAnalyzeArguments(['data.csv', flag, value]), option).not.toThrow();
    }
  });
});
