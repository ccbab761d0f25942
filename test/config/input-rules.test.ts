// Which rule reads an incoming object (the longest configured prefix it is under, else the default rule), and
// the sentence telling the data team which setting fixes an input the engine could not read.
import { describe, expect, it } from 'vitest';
import { type AppConfigInput, parseAppConfig } from '../../lambda/config/app-config.ts';
import { configurationAdvice, inputRuleFor } from '../../lambda/config/input-rules.ts';
import { analysisError, analyzeText } from '../support/analyze-text.ts';
import { ColumnError, InputError, MalformedFileError } from '../../lambda/errors/input-errors.ts';

const RAW = {
  sender: 'reports@shop.example',
  recipients: { executives: ['ceo@shop.example'], dataTeam: ['data@shop.example'] },
  inputs: {
    'incoming/erp/': { dateFormat: 'DD/MM/YYYY', decimalMark: ',', dataset: 'erp' },
    'incoming/erp/archive/': { dateFormat: 'MM/DD/YYYY' },
    'incoming/shop/': { map: 'customer=Buyer,date=Day,amount=Total', dataset: 'shop' },
  },
} satisfies AppConfigInput;
const CONFIG = parseAppConfig(RAW);

describe('inputRuleFor', () => {
  it('gives the options and the dataset of the prefix the key is under', () => {
    expect(inputRuleFor(CONFIG, 'incoming/shop/2026-03.csv')).toEqual({
      prefix: 'incoming/shop/',
      dataset: 'shop',
      options: { map: 'customer=Buyer,date=Day,amount=Total' },
    });
  });

  it('takes the longest prefix the key is under, whatever the order of the configuration', () => {
    expect(inputRuleFor(CONFIG, 'incoming/erp/archive/2025.csv.gz')).toEqual({
      prefix: 'incoming/erp/archive/',
      dataset: undefined,
      options: { dateFormat: 'MM/DD/YYYY' },
    });
    expect(inputRuleFor(CONFIG, 'incoming/erp/2026-03.csv')).toEqual({
      prefix: 'incoming/erp/',
      dataset: 'erp',
      options: { dateFormat: 'DD/MM/YYYY', decimalMark: ',' },
    });
  });

  it('matches whole prefixes only: incoming/erp-old/ is not under incoming/erp/', () => {
    expect(inputRuleFor(CONFIG, 'incoming/erp-old/x.csv').prefix).toBe('incoming/');
  });

  it('gives the default rule of the input prefix, with no options, for a key under no configured prefix', () => {
    const expected = { prefix: 'incoming/', dataset: undefined, options: {} };
    expect(inputRuleFor(CONFIG, 'incoming/sales.csv')).toEqual(expected);
    const { inputs: _none, ...unconfigured } = { ...RAW, prefixes: { incoming: 'drop/' } };
    expect(inputRuleFor(parseAppConfig(unconfigured), 'drop/sales.csv')).toEqual({
      ...expected,
      prefix: 'drop/',
    });
  });

  it('gives options the engine reads the file with', async () => {
    // A day-first week of March is ambiguous alone; the erp rule reads it, decimal commas and all.
    const content = ['Client;Date;Montant', 'A;03/03/2026;12,50', 'B;07/03/2026;7,50', ''].join('\n');
    const now = new Date('2026-03-09T00:00:00Z');
    const error = await analysisError(content, { now, ...inputRuleFor(CONFIG, 'incoming/x.csv').options });
    expect(error).toMatchObject({ option: 'dateFormat' });
    const { analysis } = await analyzeText(content, {
      ...inputRuleFor(CONFIG, 'incoming/erp/week-10.csv').options,
      now,
    });
    expect(analysis.period).toEqual({ firstPurchase: '2026-03-03', lastPurchase: '2026-03-07' });
    expect(analysis.kpis.revenue).toBe(20);
  });
});

describe('configurationAdvice', () => {
  it('names the setting of the rule the file was read with, and the values it takes', () => {
    const error = new InputError('s3://b/incoming/erp/x.csv: column "Date": ...', { option: 'dateFormat' });
    expect(configurationAdvice(error, { prefix: 'incoming/erp/' })).toBe(
      'set `inputs["incoming/erp/"].dateFormat` (DD/MM/YYYY or MM/DD/YYYY) in the configuration',
    );
  });

  it('for a file under no configured prefix, names a setting of the input prefix', () => {
    const error = new ColumnError('x.csv: missing required column customer', { option: 'map' });
    expect(configurationAdvice(error, inputRuleFor(CONFIG, 'incoming/x.csv'))).toBe(
      'set `inputs["incoming/"].map` (customer=...,date=...,amount=...) in the configuration',
    );
  });

  it('advises on the errors the engine throws', async () => {
    const error = await analysisError('Client;Date;Montant\nA;01/02/2024;2\n');
    expect(configurationAdvice(error, { prefix: 'incoming/erp/' })).toMatch(
      /^set `inputs\["incoming\/erp\/"\]\.dateFormat` /,
    );
  });

  it.each([
    ['an input error no option fixes', new MalformedFileError('x.csv: the file is empty')],
    ['another error', new Error('socket hang up')],
    ['a non-error', 'oops'],
  ])('gives nothing for %s', (_, error) => {
    expect(configurationAdvice(error, { prefix: 'incoming/' })).toBeUndefined();
  });
});
