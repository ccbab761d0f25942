// The options table declares each flag once: every entry is in the usage (its flag, its value, its help) and is
// accepted by the parser under its own key, so that a new option cannot be half-declared; the analysis options,
// the report settings and the outputs are read from it.
import { describe, expect, it } from 'vitest';
import { parseAnalyzeArguments } from '../../lambda/cli/analyze-arguments.ts';
import { ANALYZE_FLAGS, type FlagSpec } from '../../lambda/cli/analyze-flags.ts';
import { FLAG_KEYS, type FlagKey, flagOf } from '../../lambda/cli/flag-names.ts';
import { ANALYZE_USAGE } from '../../lambda/cli/analyze-usage.ts';
import {
  analysisOptionsOf,
  outputsOf,
  reportSettingsOf,
  valueOptionsOf,
} from '../../lambda/cli/flag-destinations.ts';

/** A value each flag's schema takes (true for a switch, given alone): a new flag without one does not compile. */
const ACCEPTED: Record<FlagKey, string | true> = {
  k: '3',
  seed: '7',
  asOf: '2024-06-01',
  map: 'customer=Client,date=Date,amount=Montant',
  dateFormat: 'MM/DD/YYYY',
  engine: 'duckdb',
  recordSplitting: 'general',
  shape: 'customers',
  decimalMark: ',',
  features: 'Income,Recency',
  prospectFeatures: 'Income,Kidhome',
  noDiversity: true,
  horizon: '6',
  discount: '0.02',
  margin: '0.3',
  noValue: true,
  json: 'out.json',
  customers: 'customers.csv',
  model: 'model.json',
  html: 'report.html',
  text: 'report.txt',
  charts: 'charts',
  locale: 'fr',
  currency: 'GBP',
  timeZone: 'Europe/London',
  settings: 'settings.json',
  previous: 'previous.json',
  period: '2011-W48',
  quiet: true,
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ANALYZE_FLAGS', () => {
  it.each(FLAG_KEYS)('%s is in the usage, with its value and its help on one line', (key) => {
    const spec: FlagSpec = ANALYZE_FLAGS[key];
    const written = spec.value === undefined ? flagOf(key) : `${flagOf(key)} ${spec.value}`;
    expect(ANALYZE_USAGE).toMatch(new RegExp(`^ {2}${escape(written)} +${escape(spec.help)}$`, 'm'));
  });

  it('is the whole usage: one line a flag, no flag the table does not declare', () => {
    const listed = [...ANALYZE_USAGE.matchAll(/^ {2}(--[a-z-]+)/gm)].map(([, flag]) => flag);
    expect(listed).toEqual(FLAG_KEYS.map(flagOf));
  });

  it.each(FLAG_KEYS)('%s is accepted by the parser, its value under its own key', (key) => {
    const value = ACCEPTED[key];
    const parsed = parseAnalyzeArguments(['data.csv', flagOf(key), ...(value === true ? [] : [value])]);
    const given = Object.entries(parsed).filter(([, parsedValue]) => parsedValue !== undefined);
    expect(given).toEqual([
      ['file', 'data.csv'],
      [key, value === true ? true : expect.anything()],
    ]);
    expect(String(parsed[key])).toBe(String(value));
  });
});

describe('where the flags go', () => {
  const parsed = parseAnalyzeArguments([
    'data.csv',
    ...['--k', '3', '--features', 'Income, Recency', '--text', 'report.txt', '--json', 'out.json'],
    ...['--locale', 'fr', '--settings', 'settings.json', '--quiet'],
  ]);

  it('gives the analysis its options, the features as a list of names, and nothing else', () => {
    expect(analysisOptionsOf(parsed)).toEqual({ k: 3, features: ['Income', 'Recency'] });
  });

  it('turns purchase diversity off with --no-diversity, and leaves it to the engine without', () => {
    expect(analysisOptionsOf(parseAnalyzeArguments(['data.csv', '--no-diversity']))).toEqual({
      purchaseDiversity: false,
    });
    expect(analysisOptionsOf(parseAnalyzeArguments(['data.csv', '--k', '4']))).toEqual({ k: 4 });
  });

  it('gives the value models their settings, none when none is given, and off with --no-value', () => {
    expect(valueOptionsOf(parsed)).toEqual({});
    const value = ['--horizon', '6', '--discount', '0.02', '--margin', '0.3'];
    expect(valueOptionsOf(parseAnalyzeArguments(['data.csv', ...value]))).toEqual({
      value: { horizonMonths: 6, monthlyDiscountRate: 0.02, margin: 0.3 },
    });
    expect(valueOptionsOf(parseAnalyzeArguments(['data.csv', '--margin', '0.3', '--no-value']))).toEqual({
      value: false,
    });
    expect(analysisOptionsOf(parseAnalyzeArguments(['data.csv', ...value]))).toEqual({});
  });

  it('gives the report the settings given, and leaves out the ones not given', () => {
    expect(reportSettingsOf(parsed)).toEqual({ locale: 'fr' });
  });

  it('lists the outputs with their flags in the usage order', () => {
    expect(outputsOf(parsed)).toEqual([
      ['--json', 'out.json'],
      ['--text', 'report.txt'],
    ]);
  });
});
