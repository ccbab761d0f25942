// Hostile files (issue 10), at the engine's door: each gets a clear answer within bounds. A refusal is an InputError
// whose message is one line under 300 characters naming the file (and the line or column); a file Excel writes is
// read as the same data in plain UTF-8 CSV is. Inputs are generated small here; the memory and time bounds are shown
// by how much is read before the answer, not by a clock.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { safeParseAnalysis } from '../../lambda/engine/analysis/parse-analysis.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { MAX_COLUMNS } from '../../lambda/engine/open-table.ts';
import { MAX_CLUSTERED_FEATURES } from '../../lambda/engine/customer-table/feature-limits.ts';
import { analysisError, analyzeText } from '../support/analyze-text.ts';
import { ColumnError, InputError, MalformedFileError } from '../../lambda/errors/input-errors.ts';

/** One line, under 300 characters, starting with the file's name. */
function expectClearRefusal(error: Error, sourceName = 'test.csv'): void {
  expect(error).toBeInstanceOf(InputError);
  expect(error.message.startsWith(`${sourceName}: `)).toBe(true);
  expect(error.message).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(error.message.length).toBeLessThan(300);
}

/** Twelve customers' orders in 2024, with a header: the good part of every log below. */
function orderLines(): string[] {
  return Array.from({ length: 36 }, (_, index) => {
    const day = String(1 + (index % 28)).padStart(2, '0');
    const month = String(1 + (index % 5)).padStart(2, '0');
    return `F${1000 + index},C${index % 12},2024-${month}-${day},${(10 + index * 3.5).toFixed(2)}`;
  });
}
const HEADER = 'Invoice,Customer,Date,Amount';

describe('numbers and dates no export holds', () => {
  it('rejects amounts beyond ±1e12, infinite or not, as implausibleAmount: every sum stays finite', async () => {
    const extra = ['1e308', '-1e308', '1e309', '1000000000001'].map(
      (amount, index) => `X${index},C${index},2024-03-01,${amount}`,
    );
    const { analysis } = await analyzeText([HEADER, ...orderLines(), ...extra, ''].join('\n'));
    expect(analysis.input.rowsRejected.implausibleAmount).toBe(4);
    expect(analysis.input.firstRejectedLine.implausibleAmount).toBe(38);
    expect(analysis.input.rowsUsed).toBe(36);
    expect(Number.isFinite(analysis.kpis.revenue)).toBe(true);
    expect(analysis.kpis.revenue).toBeCloseTo(
      orderLines().reduce((sum, line) => sum + Number(line.split(',')[3]), 0),
      6,
    );
  });

  it('rejects a quantity, a price or their product beyond ±1e12', async () => {
    const lines = [
      'Invoice,Customer,Date,Quantity,UnitPrice',
      ...orderLines().map((line) => `${line.split(',').slice(0, 3).join(',')},2,1.5`),
      'X1,C1,2024-03-01,1e13,1',
      'X2,C2,2024-03-01,1,1e13',
      'X3,C3,2024-03-01,10000000,1000000',
      '',
    ];
    const { analysis } = await analyzeText(lines.join('\n'));
    expect(analysis.input.rowsRejected.implausibleAmount).toBe(3);
    expect(analysis.kpis.revenue).toBe(36 * 3);
  });

  it('rejects dates of years 0001 and 0099 as unreadable, never read as 1901 or 1999', async () => {
    const ancient = ['0001-03-04', '0099-12-31', '31/12/0099'].map(
      (date, index) => `A${index},C${index},${date},25.00`,
    );
    const { analysis } = await analyzeText([HEADER, ...ancient, ...orderLines(), ''].join('\n'));
    expect(analysis.input.rowsRejected.unreadableDate).toBe(3);
    expect(analysis.input.firstRejectedLine.unreadableDate).toBe(2);
    expect(analysis.period.firstPurchase).toBe('2024-01-01');
  });
});

describe('what Excel writes is read as the same data in plain UTF-8', () => {
  const records = [
    ['Invoice', 'Customer', 'Date', 'Amount', 'Note'],
    ...orderLines().map((line, index) => [
      ...line.split(','),
      ['Paris, France', 'Köln', '東京 😀'][index % 3] ?? '',
    ]),
  ];
  const csv = (delimiter: string, lineEnd: (index: number) => string) =>
    records
      .map((fields) =>
        fields.map((field) => (field.includes(delimiter) ? `"${field}"` : field)).join(delimiter),
      )
      .map((line, index) => line + lineEnd(index))
      .join('');
  const utf16 = (text: string, order: 'le' | 'be') => {
    const littleEndian = Buffer.from(`\ufeff${text}`, 'utf16le');
    return new Uint8Array(order === 'le' ? littleEndian : Buffer.from(littleEndian).swap16());
  };
  /** The analysis without what says how the file was written. */
  const comparable = ({ generatedAt: _at, input, ...rest }: Analysis) => {
    const { encoding: _encoding, delimiter: _delimiter, ...reading } = input;
    return { ...rest, input: reading };
  };

  it.each([
    [
      'UTF-16 LE with BOM, TAB-separated (Excel "Unicode text")',
      utf16(
        csv('\t', () => '\r\n'),
        'le',
      ),
      'utf-16le',
      'tab',
    ],
    [
      'UTF-16 BE with BOM',
      utf16(
        csv(',', () => '\n'),
        'be',
      ),
      'utf-16be',
      ',',
    ],
    ['a "sep=;" first line', `sep=;\r\n${csv(';', () => '\r\n')}`, 'utf-8', ';'],
    [
      'CRLF, LF and CR line ends in one file',
      csv(',', (index) => ['\r\n', '\n', '\r'][index % 3] ?? ''),
      'utf-8',
      ',',
    ],
  ])('%s', async (_, content, encoding, delimiter) => {
    const plain = await analyzeText(csv(',', () => '\n'));
    const result = await analyzeText(content);
    expect(result.analysis.input).toMatchObject({ encoding, delimiter, undecodableCharacters: 0 });
    // What --previous and the archive read back accepts the new encodings too.
    expect(safeParseAnalysis(JSON.parse(JSON.stringify(result.analysis)))).toMatchObject({ ok: true });
    expect(comparable(result.analysis)).toEqual(comparable(plain.analysis));
    expect(result.customers).toEqual(plain.customers);
  });

  it('numbers lines from the sep= line: the header is line 2', async () => {
    const content = `sep=;\n${HEADER.replaceAll(',', ';')}\n${orderLines().join('\n').replaceAll(',', ';')}\nC1;2024-01-01\n`;
    const { analysis } = await analyzeText(content, { decimalMark: '.' });
    expect(analysis.input.firstRejectedLine.wrongFieldCount).toBe(39);
  });
});

describe('caps with clear answers', () => {
  it(`refuses a header of more than ${MAX_COLUMNS.toLocaleString('en-US')} columns, without echoing it`, async () => {
    const header = Array.from({ length: MAX_COLUMNS + 1 }, (_, index) => `column_${index}`).join(',');
    const error = await analysisError(`${header}\n${'1,'.repeat(MAX_COLUMNS)}1\n`);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toBe('test.csv: line 1: 16,385 columns, more than the 16,384 read');
    expectClearRefusal(error);
  });

  it('refuses a header of a million duplicate one-letter names at line 1, as a line over 1 MiB', async () => {
    const error = await analysisError(`${Array(1_000_000).fill('a').join(',')}\n1\n`, {
      sourceName: 'dup.csv',
    });
    expect(error.message).toBe(
      'dup.csv: line 1: longer than 1,048,576 characters (1 MiB), the longest line read',
    );
    expectClearRefusal(error, 'dup.csv');
  });

  it('refuses a 2 MiB field, naming its line', async () => {
    const field = `"${'LONG, "" DESCRIPTION '.repeat(100_000)}"`;
    const error = await analysisError(`${HEADER}\n${orderLines()[0]}\nF9,C1,2024-01-02,${field}\n`);
    expect(error.message).toBe(
      'test.csv: line 3: longer than 1,048,576 characters (1 MiB), the longest line read',
    );
  });

  it('refuses a gzip bomb through the whole analysis, after 32 MiB of its output', async () => {
    const line = '536365,17850,2011-01-01,1\n';
    const member = gzipSync(line.repeat(Math.floor((1 << 20) / line.length)), { level: 9 });
    const bomb = Buffer.concat([
      gzipSync('InvoiceNo,CustomerID,InvoiceDate,Amount\n'),
      ...Array(64).fill(member),
    ]);
    const error = await analysisError(new Uint8Array(bomb), { sourceName: 'bomb.csv.gz' });
    expect(error.message).toMatch(
      /^bomb\.csv\.gz: gzip expands more than 100 times \(.+ gave over 32(\.\d)? MiB\): refused as a decompression bomb$/,
    );
    expectClearRefusal(error, 'bomb.csv.gz');
  });

  it('names a missing column with a shortened header, whatever its width', async () => {
    const header = ['Date', 'Amount', ...Array.from({ length: 10_000 }, (_, index) => `extra_${index}`)];
    const error = await analysisError(`${header.join(',')}\n2024-01-01,3${',x'.repeat(10_000)}\n`);
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toMatch(
      /^test\.csv: missing required column customer \(header: Date, Amount, extra_0, .*, … \(10,002 columns\)\)$/,
    );
    expectClearRefusal(error);
  });

  it('names a column with a huge or multi-line name shortened and escaped', async () => {
    const name = `Date\nof ${'purchase '.repeat(10_000)}`;
    const content = `Client;"${name}";Montant\nA;01/02/2024;2\nB;03/04/2024;3\n`;
    const error = await analysisError(content);
    expect(error.message).toMatch(
      /^test\.csv: column "Date\\nof purchase purchase .*…": dates such as "01\/02\/2024"/,
    );
    expectClearRefusal(error);
  });
});

describe('customer tables: the features clustered are capped, and a table with none is refused', () => {
  /** `columns` numeric columns of 30 customers in three groups, column k spread more as k grows. */
  function wideTable(columns: number): string {
    const names = Array.from({ length: columns }, (_, index) => `f${index}`);
    const rows = Array.from({ length: 30 }, (_, row) =>
      [`K${row}`, ...names.map((_, column) => String((row % 3) * 10 + (row % (2 + (column % 7)))))].join(','),
    );
    return [`ID,${names.join(',')}`, ...rows, ''].join('\n');
  }

  it(`clusters at most ${MAX_CLUSTERED_FEATURES} columns of a wide table, and says how many it left out`, async () => {
    const { analysis, customers } = await analyzeText(wideTable(80));
    expect(analysis.clusters.features).toHaveLength(MAX_CLUSTERED_FEATURES);
    expect(Object.keys(analysis.input.columns)).toHaveLength(MAX_CLUSTERED_FEATURES);
    expect(Object.keys(customers[0]?.features ?? {})).toHaveLength(MAX_CLUSTERED_FEATURES);
    const capNotes = analysis.notes.filter((note) =>
      note.startsWith('30 columns not clustered beyond the 50 of'),
    );
    expect(capNotes).toHaveLength(1);
    expect(analysis.clusters.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(30);
  });

  it.each([
    [
      'constant',
      'ID,Income,Recency,MntWines\n' +
        Array.from({ length: 30 }, (_, row) => `${row},52000,14,300`).join('\n'),
      'test.csv: no column to cluster on: 3 constant ("Income" and 2 more)',
    ],
    [
      'empty',
      'ID,Income,Recency,MntWines\n' + Array.from({ length: 30 }, (_, row) => `${row},,,`).join('\n'),
      'test.csv: no column to cluster on: 3 empty ("Income" and 2 more)',
    ],
  ])('refuses a table whose columns are all %s, naming the file and why', async (_, content, message) => {
    const error = await analysisError(content);
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toBe(message);
    expectClearRefusal(error);
  });

  it('reads values beyond ±1e15 as missing and says so: the revenue stays finite', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, row) => `K${row},${row * 3},${row === 4 ? '1e308' : 100 + row}`,
    );
    const { analysis } = await analyzeText(['ID,Recency,MntWines', ...rows, ''].join('\n'));
    expect(Number.isFinite(analysis.kpis.revenue)).toBe(true);
    expect(analysis.notes).toContain('1 value beyond ±1e15 read as missing, in "MntWines"');
  });
});
