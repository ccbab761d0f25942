import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inferDecimalMark,
  isPlausibleAmount,
  MAX_PLAUSIBLE_AMOUNT,
  parseDecimal,
} from '../../../lambda/engine/input/number-parsing.ts';

describe('parseDecimal with a decimal point', () => {
  it.each([
    ['12.5', 12.5],
    ['-3.25', -3.25],
    ['+5', 5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1,234', 1234],
    ['1,234.56', 1234.56],
    ['1,234,567.89', 1_234_567.89],
    ["1'234.56", 1234.56],
    ['1 234.56', 1234.56],
    ['$1,234.56', 1234.56],
    ['£3.50', 3.5],
    ['USD 12.00', 12],
    ['(12.50)', -12.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text, '.')).toBe(value);
  });
});

describe('parseDecimal with a decimal comma', () => {
  it.each([
    ['12,5', 12.5],
    ['-12,5', -12.5],
    ['0,99', 0.99],
    [',5', 0.5],
    ['1.234', 1234],
    ['1.234,56', 1234.56],
    ['1.234.567,89', 1_234_567.89],
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234,56', 1234.56],
    ['12,50 €', 12.5],
    ['€12,50', 12.5],
    ['EUR 12,50', 12.5],
    ['(12,50)', -12.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text, ',')).toBe(value);
  });
});

describe('parseDecimal rejects what is not a number (NaN)', () => {
  it.each([
    ['', '.'],
    ['abc', '.'],
    ['12abc', '.'],
    ['12-', '.'],
    ['1.2.3', '.'],
    ['1,2,3', ','],
    ['N/A', ','],
    // Grouping marks must group three digits: these are decimals in the other convention, not thousands, and
    // reading them as thousands would multiply the amount by 10 or 100 without a word.
    ['12,5', '.'],
    ['1,23', '.'],
    ['1,2345', '.'],
    ['12.5', ','],
    ['1.23', ','],
    ['12.345.6', ','],
  ] as const)('%j with decimal mark %j', (text, mark) => {
    expect(parseDecimal(text, mark)).toBeNaN();
  });
});

describe('parseDecimal, properties', () => {
  const cents = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });

  it('reads back any amount in cents written with a decimal point or a decimal comma and grouped thousands', () => {
    fc.assert(
      fc.property(cents, (amountInCents) => {
        const value = amountInCents / 100;
        const english = value.toLocaleString('en-US', { minimumFractionDigits: 2 });
        const german = value.toLocaleString('de-DE', { minimumFractionDigits: 2 });
        const french = value.toLocaleString('fr-FR', { minimumFractionDigits: 2 });
        expect(parseDecimal(english, '.')).toBe(value);
        expect(parseDecimal(german, ',')).toBe(value);
        expect(parseDecimal(french, ',')).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inferDecimalMark', () => {
  it.each([
    [['12,5', '3', '0,99'], ',', ','],
    [['1.234,56'], ',', ','],
    [['12.5', '3'], ',', '.'],
    [['1,234.56'], ';', '.'],
    [['12,5', '13,25', '2.5'], ',', ','],
  ])('%j in a %j-separated file says %j', (samples, delimiter, mark) => {
    expect(inferDecimalMark(samples, delimiter)).toBe(mark);
  });

  it('with no evidence (integers, or 1,234 which reads both ways) takes commas for ; files, points otherwise', () => {
    expect(inferDecimalMark(['1,234', '12', '7'], ';')).toBe(',');
    expect(inferDecimalMark(['1,234', '12', '7'], ',')).toBe('.');
    expect(inferDecimalMark([], '\t')).toBe('.');
  });
});

describe('parseDecimal: the short-decimal fast path', () => {
  it('gives exactly what Number() gives for plain decimals of up to 15 digits (property)', () => {
    const plainDecimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^\d{0,9}$/),
        fc.option(fc.stringMatching(/^\d{0,8}$/), { nil: undefined }),
      )
      .map(([sign, whole, decimals]) => `${sign}${whole}${decimals === undefined ? '' : `.${decimals}`}`);
    fc.assert(
      fc.property(plainDecimal, (text) => {
        const expected = /\d/.test(text) ? Number(text) : Number.NaN;
        expect(Object.is(parseDecimal(text, '.'), expected)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['9999999999999999', 1e16],
    ['0.1', 0.1],
    ['-0', -0],
    ['007.50', 7.5],
  ])('reads %j as Number() does', (text, value) => {
    expect(Object.is(parseDecimal(text, '.'), value)).toBe(true);
  });
});

describe('isPlausibleAmount', () => {
  it('accepts magnitudes up to a trillion and refuses the rest, infinities and NaN included', () => {
    expect(MAX_PLAUSIBLE_AMOUNT).toBe(1e12);
    for (const amount of [0, 12.5, -3, 1e12, -1e12]) expect(isPlausibleAmount(amount)).toBe(true);
    for (const amount of [1e12 + 1, -1.5e12, 1e308, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(isPlausibleAmount(amount)).toBe(false);
    }
  });

  it('reads 1e308 as a (finite, implausible) number and 1e309 as Infinity: neither passes', () => {
    expect(isPlausibleAmount(parseDecimal('1e308', '.'))).toBe(false);
    expect(parseDecimal('1e309', '.')).toBe(Number.POSITIVE_INFINITY);
    expect(isPlausibleAmount(parseDecimal('1e309', '.'))).toBe(false);
  });
});
