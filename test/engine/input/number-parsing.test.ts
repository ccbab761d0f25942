import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDecimalMark, parseDecimal } from '../../../lambda/engine/input/number-parsing.ts';

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
