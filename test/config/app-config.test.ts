// The job configuration's `inputs`: a rule per input prefix, validated at start-up with the field named as a
// reader would look it up (`inputs["incoming/erp/"].dateFormat`).
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import { formatConfigPath } from '../../lambda/config/config-path.ts';
import { MINIMAL, refusal } from './config-refusal.ts';

describe('inputs in the configuration', () => {
  it('are none by default: every file is read with what the engine infers', () => {
    expect(parseAppConfig(MINIMAL).inputs).toEqual({});
  });

  it('keep each prefix with its options and dataset as given', () => {
    const inputs = {
      'incoming/erp/': { dateFormat: 'DD/MM/YYYY', decimalMark: ',', dataset: 'erp_sales-2' },
      'incoming/shop/': { map: 'customer=Buyer,date=Day,amount=Total', shape: 'transactions' },
      'incoming/': {},
    } as const;
    expect(parseAppConfig({ ...MINIMAL, inputs }).inputs).toEqual(inputs);
  });

  it('follow the input prefix configured', () => {
    const config = {
      ...MINIMAL,
      prefixes: { incoming: 'drop/' },
      inputs: { 'drop/erp/': { dataset: 'erp' } },
    };
    expect(parseAppConfig(config).inputs).toEqual({ 'drop/erp/': { dataset: 'erp' } });
    expect(refusal({ ...config, inputs: { 'incoming/erp/': {} } })).toBe(
      'configuration: inputs["incoming/erp/"]: must be a key prefix under drop/ ending with /, such as drop/erp/',
    );
  });

  it.each([
    ['outside the input prefix', 'reports/erp/'],
    ['not ending with /', 'incoming/erp'],
    ['with a character S3 keys should not hold', 'incoming/e r p/'],
  ])('refuse a prefix %s', (_, prefix) => {
    expect(refusal({ ...MINIMAL, inputs: { [prefix]: {} } })).toBe(
      `configuration: inputs[${JSON.stringify(prefix)}]: ` +
        'must be a key prefix under incoming/ ending with /, such as incoming/erp/',
    );
  });

  it('turn purchase diversity off for a prefix, and refuse anything but true or false', () => {
    const inputs = { 'incoming/erp/': { purchaseDiversity: false } };
    expect(parseAppConfig({ ...MINIMAL, inputs }).inputs).toEqual(inputs);
    expect(refusal({ ...MINIMAL, inputs: { 'incoming/erp/': { purchaseDiversity: 'off' } } })).toBe(
      'configuration: inputs["incoming/erp/"].purchaseDiversity: must be true or false',
    );
  });

  it.each(['erp sales', 'erp/sales', '', 'ventes-été'])('refuse the dataset %j', (dataset) => {
    expect(refusal({ ...MINIMAL, inputs: { 'incoming/erp/': { dataset } } })).toBe(
      'configuration: inputs["incoming/erp/"].dataset: must be letters, digits, - or _, such as erp-sales',
    );
  });

  it.each([
    [
      { dateFormat: 'YYYY-MM-DD' },
      'dateFormat: must be DD/MM/YYYY or MM/DD/YYYY (ISO and YYYYMMDD dates need none), got "YYYY-MM-DD"',
    ],
    [{ map: 'montant' }, 'map: "montant" must be role=column with role one of customer, order, date'],
    [{ shape: 'table' }, 'shape: must be auto, transactions or customers'],
    [{ decimalMark: ';' }, 'decimalMark: must be . or ,'],
  ])('refuse the input option %j with the words of the CLI', (options, message) => {
    expect(refusal({ ...MINIMAL, inputs: { 'incoming/erp/': options } })).toMatch(
      new RegExp(
        `^configuration: inputs\\["incoming/erp/"\\]\\.${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
      ),
    );
  });

  it('refuse an option they do not know, rather than ignore a typo', () => {
    expect(refusal({ ...MINIMAL, inputs: { 'incoming/erp/': { dateformat: 'DD/MM/YYYY' } } })).toBe(
      'configuration: inputs["incoming/erp/"]: Unrecognized key: "dateformat"',
    );
  });
});

describe('formatConfigPath', () => {
  it.each([
    [['recipients', 'executives', 0], 'recipients.executives.0'],
    [['report', 'alerts', 'maxInactiveShare'], 'report.alerts.maxInactiveShare'],
    [['inputs', 'incoming/erp/', 'dateFormat'], 'inputs["incoming/erp/"].dateFormat'],
    [['inputs', 'incoming/"quoted"/'], 'inputs["incoming/\\"quoted\\"/"]'],
    [[], ''],
  ])('%j is %s', (path, text) => {
    expect(formatConfigPath(path)).toBe(text);
  });
});
