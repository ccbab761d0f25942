// The input options schema, shared by the CLI, the job configuration and the engine: what each option accepts,
// the words a refusal uses (the same everywhere, the field named), and what the engine reads from them.
import { describe, expect, it } from 'vitest';
import {
  INPUT_OPTION_VALUES,
  inputOptionsSchema,
  parseInputOptions,
} from '../../../lambda/engine/input/input-options.ts';
import { InvalidOptionError } from '../../../lambda/errors/input-errors.ts';

/** The path and message of the first issue the schema finds, or undefined when it accepts the options. */
function firstIssue(options: unknown): { path: PropertyKey[]; message: string } | undefined {
  const parsed = inputOptionsSchema.safeParse(options);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue && { path: issue.path, message: issue.message };
}

describe('inputOptionsSchema accepts', () => {
  it.each([
    { dateFormat: 'DD/MM/YYYY' },
    { dateFormat: 'MM/DD/YYYY' },
    { dateFormat: 'dd-mm-yyyy' },
    { dateFormat: 'mdy' },
    { map: 'customer=Client,order=Facture,date=Date,amount=Montant' },
    { map: 'customer=Client,date=Date,quantity=Qté,price=PU' },
    { shape: 'auto' },
    { shape: 'transactions' },
    { shape: 'customers' },
    { decimalMark: '.' },
    { decimalMark: ',' },
    {},
    { dateFormat: 'DD/MM/YYYY', map: 'customer=Tiers', shape: 'transactions', decimalMark: ',' },
  ])('%j, unchanged (ready for AnalyzeOptions)', (options) => {
    expect(inputOptionsSchema.parse(options)).toEqual(options);
  });
});

describe('inputOptionsSchema refuses, naming the field', () => {
  it.each([
    [
      { dateFormat: 'YYYY-MM-DD' },
      'dateFormat',
      'must be DD/MM/YYYY or MM/DD/YYYY (ISO and YYYYMMDD dates need none), got "YYYY-MM-DD"',
    ],
    [
      { dateFormat: 'european' },
      'dateFormat',
      'must be DD/MM/YYYY or MM/DD/YYYY (ISO and YYYYMMDD dates need none), got "european"',
    ],
    [
      { map: 'customer=Client,montant' },
      'map',
      '"montant" must be role=column with role one of customer, order, date, amount, quantity, price, currency, product, category',
    ],
    [
      { map: 'buyer=Client' },
      'map',
      '"buyer=Client" must be role=column with role one of customer, order, date, amount, quantity, price, currency, product, category',
    ],
    [{ shape: 'table' }, 'shape', 'must be auto, transactions or customers'],
    [{ decimalMark: ';' }, 'decimalMark', 'must be . or ,'],
    [{ decimalMark: 'comma' }, 'decimalMark', 'must be . or ,'],
    [{ decimalMark: 0.5 }, 'decimalMark', 'must be . or ,'],
  ])('%j', (options, field, message) => {
    expect(firstIssue(options)).toEqual({ path: [field], message });
  });

  it('an option it does not know, rather than ignore a typo', () => {
    expect(firstIssue({ dateformat: 'DD/MM/YYYY' })?.message).toBe('Unrecognized key: "dateformat"');
  });
});

describe('parseInputOptions', () => {
  it('reads the day/month order and the column roles for the engine', () => {
    expect(parseInputOptions({ dateFormat: 'dd.mm.yyyy', map: 'customer=Tiers, date = Jour' })).toEqual({
      dateOrder: 'dmy',
      mapping: { customer: 'Tiers', date: 'Jour' },
    });
    expect(parseInputOptions({ dateFormat: 'MM/DD/YYYY' }).dateOrder).toBe('mdy');
  });

  it('leaves both open without options', () => {
    expect(parseInputOptions({})).toEqual({ dateOrder: undefined, mapping: {} });
  });

  it('throws InvalidOptionError with the option named in the message and in its typed field', () => {
    const call = () => parseInputOptions({ dateFormat: 'YYYY-DD-MM' });
    expect(call).toThrow(InvalidOptionError);
    expect(call).toThrow(
      'dateFormat: must be DD/MM/YYYY or MM/DD/YYYY (ISO and YYYYMMDD dates need none), got "YYYY-DD-MM"',
    );
    expect(call).toThrow(expect.objectContaining({ option: 'dateFormat' }));
  });
});

describe('INPUT_OPTION_VALUES', () => {
  it('proposes only values the schema accepts (the map template aside)', () => {
    for (const [option, values] of Object.entries(INPUT_OPTION_VALUES)) {
      if (option === 'map') continue;
      for (const value of values)
        expect(firstIssue({ [option]: value }), `${option} ${value}`).toBeUndefined();
    }
  });
});
