import { describe, expect, it } from 'vitest';
import { currencyCodeOf, currencyMarkOf } from '../../../lambda/engine/input/currency-marks.ts';
import { parseDecimal } from '../../../lambda/engine/input/number-parsing.ts';

describe('currencyMarkOf', () => {
  it('names the currency of a sign or ISO code around the number', () => {
    expect(currencyMarkOf('£12.50')).toBe('GBP');
    expect(currencyMarkOf('12,50 €')).toBe('EUR');
    expect(currencyMarkOf('EUR 12.50')).toBe('EUR');
    expect(currencyMarkOf('12.50 usd')).toBe('USD');
    expect(currencyMarkOf('$1,234.00')).toBe('USD');
    expect(currencyMarkOf('US$3')).toBe('USD');
    expect(currencyMarkOf('A$3')).toBe('AUD');
    expect(currencyMarkOf('CHF10')).toBe('CHF');
    expect(currencyMarkOf('(£12.50)')).toBe('GBP');
  });

  it('names none for a bare number, text that is no currency, or two different marks', () => {
    for (const cell of ['12.50', '1 234,5', '-3', '', '1e5', 'abc 12', 'n/a', '12 EUR $']) {
      expect(currencyMarkOf(cell), cell).toBe('');
    }
  });
});

describe('currencyCodeOf', () => {
  it('reads a currency column value as an ISO code, whatever its case; anything else is no currency', () => {
    expect(currencyCodeOf(' eur ')).toBe('EUR');
    expect(currencyCodeOf('€')).toBe('EUR');
    expect(currencyCodeOf('XYZ')).toBe('');
    expect(currencyCodeOf('euro')).toBe('');
  });
});

describe('parseDecimal with currency marks', () => {
  it('reads the number whatever the currency mark, and refuses letters that are no currency', () => {
    expect(parseDecimal('CHF 10', '.')).toBe(10);
    expect(parseDecimal('12.50 SEK', '.')).toBe(12.5);
    expect(parseDecimal('1 234,50 €', ',')).toBe(1234.5);
    expect(parseDecimal('(£12.50)', '.')).toBe(-12.5);
    expect(parseDecimal('ABC 12', '.')).toBeNaN();
  });
});
