// The currency of the amounts, read from the file and never guessed (issue 13): signs and ISO codes around the
// amounts, a currency column, a file with none, and a file in several currencies (the minority lines rejected,
// not added up).
import { describe, expect, it } from 'vitest';
import { FRENCH_ERP } from '../support/french-erp.ts';
import { analyzeText } from '../support/analyze-text.ts';

describe('analyzeCsv reads the currency of the amounts', () => {
  it('reads a French ERP file with `12,50 €` amounts, every line, in euros', async () => {
    const { analysis } = await analyzeText(FRENCH_ERP);
    expect(analysis.input).toMatchObject({
      rowsUsed: 4,
      decimalMark: ',',
      currency: { code: 'EUR', source: 'symbol', otherLines: {} },
    });
    expect(analysis.kpis.revenue).toBeCloseTo(1354.4, 6);
  });

  it('reads `12,50 €` in a comma-separated file (quoted) as a decimal comma, not as unreadable numbers', async () => {
    const text = [
      'Invoice,Customer,Date,Amount',
      'I1,C1,2024-02-01,"12,50 €"',
      'I2,C2,2024-02-02,"1 234,00 €"',
      'I3,C1,2024-03-01,"8,00 €"',
    ].join('\n');
    const { analysis } = await analyzeText(text);
    expect(analysis.input.rowsUsed).toBe(3);
    expect(analysis.input.decimalMark).toBe(',');
    expect(analysis.kpis.revenue).toBeCloseTo(1254.5, 6);
  });

  it.each([
    ['£12.50', 'GBP'],
    ['EUR 12.50', 'EUR'],
    ['12.50 USD', 'USD'],
    ['"$1,234.00"', 'USD'],
    ['CHF 10', 'CHF'],
    ['C$12.50', 'CAD'],
  ])('reads %s as an amount in %s', async (amount, code) => {
    const text = ['Invoice,Customer,Date,Amount', `I1,C1,2024-02-01,${amount}`, `I2,C2,2024-03-01,${amount}`];
    const { analysis } = await analyzeText(text.join('\n'));
    expect(analysis.input.rowsUsed).toBe(2);
    expect(analysis.input.currency).toEqual({ code, source: 'symbol', otherLines: {} });
  });

  it('reads the unit price sign when the log has quantity and price', async () => {
    const text = [
      'Invoice,Customer,Date,Quantity,UnitPrice',
      'I1,C1,2024-02-01,2,£3.50',
      'I2,C2,2024-03-01,1,£4',
    ];
    const { analysis } = await analyzeText(text.join('\n'));
    expect(analysis.input.currency).toMatchObject({ code: 'GBP', source: 'symbol' });
    expect(analysis.kpis.revenue).toBe(11);
  });

  it('takes a currency column of ISO codes (`Currency Code`, `devise`) as the source', async () => {
    for (const header of ['Currency Code', 'devise', 'currency']) {
      const text = [
        `Invoice,Customer,Date,Amount,${header}`,
        'I1,C1,2024-02-01,10,sek',
        'I2,C2,2024-03-01,5,SEK',
      ];
      const { analysis } = await analyzeText(text.join('\n'));
      expect(analysis.input.currency).toEqual({ code: 'SEK', source: 'column', otherLines: {} });
      expect(analysis.input.columns).toMatchObject({ currency: header });
    }
  });

  it('says the file names no currency when its amounts are bare numbers: nothing is guessed', async () => {
    const text = ['Invoice,Customer,Date,Amount', 'I1,C1,2024-02-01,12.50', 'I2,C2,2024-03-01,3'];
    const { analysis } = await analyzeText(text.join('\n'));
    expect(analysis.input.currency).toEqual({ code: null, source: 'none', otherLines: {} });
  });

  it('does not add up two currencies: the minority lines are rejected as otherCurrency, with a note', async () => {
    const text = [
      'Invoice,Customer,Date,Amount',
      'I1,C1,2024-02-01,€10.00',
      'I2,C2,2024-02-02,€20.00',
      'I3,C3,2024-02-03,$1000.00',
      'I4,C1,2024-02-04,€5.00',
      'I5,C2,2024-02-05,£7.00',
      'I6,C2,2024-02-06,$3.00',
    ];
    const { analysis } = await analyzeText(text.join('\n'));
    expect(analysis.input.currency).toEqual({
      code: 'EUR',
      source: 'symbol',
      otherLines: { GBP: 1, USD: 2 },
    });
    expect(analysis.input.rowsRejected.otherCurrency).toBe(3);
    expect(analysis.input.firstRejectedLine.otherCurrency).toBe(4);
    expect(analysis.kpis.revenue).toBe(35);
    expect(analysis.notes).toContain(
      'the amounts are in EUR; lines in another currency were left out, not added up: 1 in GBP, 2 in USD ' +
        '(first at line 4)',
    );
  });

  it('takes the currency column over the signs, and rejects a line whose column names another', async () => {
    const text = ['Invoice,Customer,Date,Amount,Currency', 'I1,C1,2024-02-01,10,EUR', 'I2,C2,2024-02-02,€4,'];
    const mixed = [...text, 'I3,C2,2024-02-03,10,USD', 'I4,C3,2024-02-04,2,EUR'];
    const { analysis } = await analyzeText(mixed.join('\n'));
    expect(analysis.input.currency).toEqual({ code: 'EUR', source: 'column', otherLines: { USD: 1 } });
    expect(analysis.input.rowsUsed).toBe(3);
  });
});
