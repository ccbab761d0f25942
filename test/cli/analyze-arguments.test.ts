// `analyze` options parsed once into a typed object; anything wrong is an InvalidOptionError (exit 2) with one
// line naming the option.
import { rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagAdvice, parseAnalyzeArguments } from '../../lambda/cli/analyze-arguments.ts';
import { InvalidOptionError } from '../../lambda/engine/errors.ts';
import { makeTempDir } from '../support/run-cli.ts';

/** The error parseAnalyzeArguments throws for these arguments. */
function rejection(args: readonly string[]): Error {
  try {
    parseAnalyzeArguments(args);
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
      'analyze: --map: "Montant" must be role=column with role one of customer, order, date, amount, quantity, price',
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

  it('names an unknown option in one line', () => {
    const error = rejection(['data.csv', '--colour', 'red']);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toMatch(/^analyze: Unknown option '--colour'/);
    expect(error.message).not.toContain('\n');
  });

  it('says when an option has no value', () => {
    const error = rejection(['data.csv', '--k']);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toMatch(/^analyze: Option '--k <value>' argument missing/);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    [[], 0],
    [['a.csv', 'b.csv'], 2],
    [['--quiet'], 0],
  ])('wants exactly one FILE (%j)', (args, count) => {
    expect(rejection(args)).toEqual(
      new InvalidOptionError(`analyze: expected exactly one FILE, got ${count}`),
    );
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
