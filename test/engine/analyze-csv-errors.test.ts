// Bad input at the engine's door: each is an InputError whose message names the file and the line or column.
import { describe, expect, it } from 'vitest';
import { bytes } from '../support/byte-streams.ts';
import { analysisError, analyzeText } from '../support/analyze-text.ts';
import {
  ColumnError,
  InputError,
  InvalidOptionError,
  MalformedFileError,
} from '../../lambda/errors/input-errors.ts';

/** The first bytes of a 1x1 PNG: signature, then the IHDR chunk (its length is 00 00 00 0D). */
const PNG = bytes(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0x00,
  0x00,
  0x00,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
  0x00,
  0x00,
  0x00,
  0x01,
  0x00,
  0x00,
  0x00,
  0x01,
  0x08,
  0x06,
  0x00,
  0x00,
  0x00,
  0x1f,
  0x15,
  0xc4,
  0x89,
);

describe('analyzeCsv refuses a file that is not a CSV', () => {
  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n  \r\n\n'],
  ])('%s', async (_, content) => {
    const error = await analysisError(content);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toBe('test.csv: the file is empty');
  });

  it('binary data (a PNG image)', async () => {
    const error = await analysisError(PNG, { sourceName: 'logo.png' });
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toBe('logo.png: not a CSV file: it holds binary data (NUL bytes)');
  });

  it('prose that no delimiter splits into columns', async () => {
    const error = await analysisError('Dear customer,\nThank you for your order\nBest regards\n');
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toMatch(/^test\.csv: not a CSV file: no delimiter/);
  });

  it('an unterminated quoted field, with its line', async () => {
    const content = 'Customer,Date,Amount\nA,2024-01-01,2\nB,"2024-01-02,3\nC,2024-01-03,4\n';
    const error = await analysisError(content);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toBe('test.csv: line 3: unterminated quoted field');
  });
});

describe('analyzeCsv refuses a transaction log it cannot use', () => {
  it.each([
    ['with a line break', 'Customer,Date,Amount\n'],
    ['without', 'Customer;Date;Amount'],
  ])('a header only (%s)', async (_, content) => {
    const error = await analysisError(content);
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toBe('test.csv: the file has a header but no data lines');
  });

  it('a missing amount (or quantity and price) column, named with the header', async () => {
    const error = await analysisError('Client;Date;Quantité\nA;2024-01-01;2\n', { shape: 'transactions' });
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toBe(
      'test.csv: missing required column amount (or quantity and price) (header: Client, Date, Quantité)',
    );
    // The map option names the columns; each front end says how to set it.
    expect(error).toMatchObject({ option: 'map' });
  });

  it('a missing customer column', async () => {
    const error = await analysisError('Date,Amount\n2024-01-01,2\n', { shape: 'transactions' });
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toMatch(/^test\.csv: missing required column customer \(header: Date, Amount\)/);
  });

  it('a transaction log whose customer column is not recognised, named without forcing the shape', async () => {
    // A date and an amount make it a log: it must not be read as a customer table.
    const error = await analysisError('Date,Amount,Acheteur\n2024-01-01,2,A\n');
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toMatch(
      /^test\.csv: missing required column customer \(header: Date, Amount, Acheteur\)/,
    );
  });

  it('a file whose every line is rejected, listing the reasons and their first lines', async () => {
    const error = await analysisError(
      'Customer,Date,Amount\n,2024-01-01,2\nA,2024-01-01,0\nB,2024-01-01,-1\n',
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'test.csv: no usable transaction line: 1 missingCustomer (first at line 2), 2 nonPositiveAmount (first at line 3)',
    );
  });

  it('dates that never tell day-first from month-first, naming the column and the dateFormat option', async () => {
    const error = await analysisError('Client;Date;Montant\nA;01/02/2024;2\nB;03/04/2024;3\n');
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'test.csv: column "Date": dates such as "01/02/2024" can be read day-first or month-first',
    );
    expect(error).toMatchObject({ option: 'dateFormat' });
  });

  it('a day-first week of March (03/03/2026 to 07/03/2026), read with the date format the data cannot give', async () => {
    const content = [
      'Client;Facture;Date;Montant',
      ...[3, 4, 5, 6, 7].map((day) => `C${day};F${day};0${day}/03/2026;${day}0,00`),
      '',
    ].join('\n');
    const now = new Date('2026-03-09T00:00:00Z');
    expect(await analysisError(content, { now })).toMatchObject({ option: 'dateFormat' });
    const result = await analyzeText(content, { now, dateFormat: 'DD/MM/YYYY' });
    expect(result.analysis.period).toEqual({ firstPurchase: '2026-03-03', lastPurchase: '2026-03-07' });
  });

  it('a date column that mixes both orders, naming the column and an example of each', async () => {
    const content = 'Client;Date;Montant\nA;13/01/2024;2\nB;02/01/2024;1\nC;01/13/2024;3\n';
    const error = await analysisError(content);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'test.csv: column "Date" mixes day-first ("13/01/2024") and month-first ("01/13/2024") dates',
    );
  });
});

describe('analyzeCsv refuses malformed options', () => {
  const content = 'Client;Date;Montant\nA;2024-01-01;2\n';

  it('a mapping to a column the header does not have', async () => {
    const error = await analysisError(content, { map: 'amount=Total TTC' });
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toBe(
      'test.csv: map amount=Total TTC: no column "Total TTC" in the header (Client, Date, Montant)',
    );
    expect(error).toMatchObject({ option: 'map' });
  });

  // A caller other than the CLI and the configuration (both validate first) gets the schema's words too.
  it.each([
    [{ map: 'montant' }, 'map: "montant" must be role=column with role one of customer, order, date'],
    [
      { dateFormat: 'YYYY-DD-MM' },
      'dateFormat: must be DD/MM/YYYY or MM/DD/YYYY (ISO and YYYYMMDD dates need none), got "YYYY-DD-MM"',
    ],
    [{ decimalMark: ';' as '.' }, 'decimalMark: must be . or ,'],
    [{ shape: 'table' as 'auto' }, 'shape: must be auto, transactions or customers'],
  ])('input options %j, named by their option', async (options, message) => {
    const error = await analysisError(content, options);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error).toMatchObject({ option: Object.keys(options)[0] });
  });
});

describe('analyzeCsv with explicit column roles and date format', () => {
  it('reads a log with unknown header names through --map and ambiguous dates through --date-format', async () => {
    const content =
      'Tiers;Pièce;Jour;Valeur\nA;F1;01/02/2024;12,50\nA;F2;03/02/2024;7,50\nB;F3;02/01/2024;10\n';
    const result = await analyzeText(content, {
      map: 'customer=Tiers,order=Pièce,date=Jour,amount=Valeur',
      dateFormat: 'DD/MM/YYYY',
    });
    expect(result.analysis.input).toMatchObject({
      shape: 'transactions',
      dateOrder: 'dmy',
      decimalMark: ',',
      columns: { customer: 'Tiers', order: 'Pièce', date: 'Jour', amount: 'Valeur' },
    });
    // The last purchase is 03/02/2024 (3 February): as-of day 2024-02-04.
    expect(result.analysis.rfm?.asOf).toBe('2024-02-04');
    expect(result.customers.map((customer) => [customer.id, customer.frequency, customer.monetary])).toEqual([
      ['A', 2, 20],
      ['B', 1, 10],
    ]);
  });
});
