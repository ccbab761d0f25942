// A French ERP export of real data: a slice of UCI Online Retail rewritten as Windows-1252, `;`-separated,
// decimal commas (and non-breaking-space thousands), CRLF, dd/mm/yyyy HH:MM dates and French headers, must give
// exactly the figures of the same slice as the original UTF-8 comma file.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../lambda/engine/analysis/analysis-types.ts';
import { windows1252 } from '../support/byte-streams.ts';
import { analysisError, analyzeText } from '../support/analyze-text.ts';
import { AFTER_ALL_DATA, ONLINE_RETAIL, readRealDataText } from '../../tools/real-data.ts';
import { InputError } from '../../lambda/errors/input-errors.ts';

const FRENCH_HEADER = [
  'N° facture',
  'Code article',
  'Désignation',
  'Quantité',
  'Date',
  'Prix unitaire',
  'Client',
  'Pays',
];

/** Online Retail's lines, header first (no field of it holds a line break). */
function onlineRetailLines(): string[] {
  return readRealDataText(ONLINE_RETAIL).split('\n');
}

/** `2010-12-01 08:26:00` -> `01/12/2010 08:26`. */
function frenchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):00$/.exec(iso);
  if (!match) throw new Error(`unexpected date ${iso}`);
  const [, year, month, day, hours, minutes] = match;
  return `${day}/${month}/${year} ${hours}:${minutes}`;
}

/** `11062.06` -> `11 062,06` (non-breaking space), `-2.5` -> `-2,5`. */
function frenchNumber(text: string): string {
  const [whole = '', decimals] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return decimals === undefined ? grouped : `${grouped},${decimals}`;
}

function quoteForSemicolons(field: string): string {
  return /[;"\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** The same lines as a French ERP writes them, Windows-1252 bytes. */
function asFrenchErpExport(lines: readonly string[]): Uint8Array {
  const rows = lines.map((line) => {
    const fields = Papa.parse<string[]>(line, { delimiter: ',' }).data[0] ?? [];
    const [invoice, stock, description, quantity, date, price, customer, country] = fields;
    return [
      invoice ?? '',
      stock ?? '',
      description ?? '',
      frenchNumber(quantity ?? ''),
      frenchDate(date ?? ''),
      frenchNumber(price ?? ''),
      customer ?? '',
      country ?? '',
    ]
      .map(quoteForSemicolons)
      .join(';');
  });
  return windows1252([FRENCH_HEADER.join(';'), ...rows, ''].join('\r\n'));
}

/** Everything but the description of the file itself (encoding, dialect, column names). */
function figures(result: AnalysisResult) {
  const { input, ...body } = result.analysis;
  const { rowsRead, rowsUsed, rowsRejected, firstRejectedLine } = input;
  return { rowsRead, rowsUsed, rowsRejected, firstRejectedLine, body, customers: result.customers };
}

describe('analyzeCsv on a French ERP export of Online Retail', () => {
  let header = '';
  let slice: string[] = [];
  let english: AnalysisResult;
  let french: AnalysisResult;
  const options = { now: AFTER_ALL_DATA };

  beforeAll(async () => {
    const lines = onlineRetailLines().filter((line) => line !== '');
    header = lines[0] ?? '';
    // Every 40th line: the whole year (days above 12 included), cancellations, lines without customer and all.
    slice = lines.slice(1).filter((_, index) => index % 40 === 0);
    english = await analyzeText([header, ...slice, ''].join('\n'), options);
    french = await analyzeText(asFrenchErpExport(slice), options);
  });

  it('reads the export as Windows-1252, ;, decimal comma, day-first, with its French column names', () => {
    expect(french.analysis.input).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      decimalMark: ',',
      dateOrder: 'dmy',
      columns: {
        order: 'N° facture',
        customer: 'Client',
        date: 'Date',
        quantity: 'Quantité',
        price: 'Prix unitaire',
      },
      undecodableCharacters: 0,
    });
    expect(english.analysis.input).toMatchObject({ encoding: 'utf-8', delimiter: ',', decimalMark: '.' });
  });

  it('gives exactly the figures of the same lines as a UTF-8 comma file', () => {
    expect(slice.length).toBeGreaterThan(13_000);
    expect(english.analysis.kpis.customers).toBeGreaterThan(1_000);
    expect(english.analysis.input.rowsRejected.cancelled).toBeGreaterThan(0);
    expect(english.analysis.input.rowsRejected.missingCustomer).toBeGreaterThan(0);
    // Some amounts are written with grouped thousands (`1\u00a0000`), some descriptions quoted.
    const frenchText = Buffer.from(asFrenchErpExport(slice)).toString('latin1');
    expect(frenchText).toMatch(/;-?\d{1,3}\u00a0\d{3}[;,]/);
    expect(frenchText).toContain('"');
    expect(figures(french)).toEqual(figures(english));
  });

  it('refuses the first 500 lines, all on 01/12/2010, as truly ambiguous, and reads them with a date format', async () => {
    const firstLines = onlineRetailLines().slice(1, 501);
    const bytes = asFrenchErpExport(firstLines);
    const error = await analysisError(bytes, options);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'test.csv: column "Date": dates such as "01/12/2010 08:26" can be read day-first or month-first',
    );
    expect(error).toMatchObject({ option: 'dateFormat' });
    const dayFirst = await analyzeText(bytes, { ...options, dateFormat: 'DD/MM/YYYY' });
    const original = await analyzeText([header, ...firstLines, ''].join('\n'), options);
    expect(dayFirst.analysis.input.dateOrder).toBe('dmy');
    expect(dayFirst.analysis.period).toEqual({ firstPurchase: '2010-12-01', lastPurchase: '2010-12-01' });
    expect(figures(dayFirst)).toEqual(figures(original));
    // Read month-first, the same text says 12 January 2010.
    const monthFirst = await analyzeText(bytes, { ...options, dateFormat: 'MM/DD/YYYY' });
    expect(monthFirst.analysis.period).toEqual({ firstPurchase: '2010-01-12', lastPurchase: '2010-01-12' });
  });
});
