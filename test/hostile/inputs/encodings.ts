// Excel's encodings and dialects (UTF-16 either way with a BOM, a `sep=` line, mixed line ends) and, as the
// reference, the same records as plain UTF-8: every variant must give the same analysis.
import { createRandomSource, randomInt } from './seeded-draws.ts';
import { day2024 } from './small-logs.ts';

/** One record per line, as fields: the data every encoding variant holds. */
export function encodingRecords(): string[][] {
  const names = ['Zoë Ångström', 'Société Générale', '王小明', 'Ærøskøbing 😀', 'Đorđe Čolić', 'Plain'];
  const notes = ['Paris, France', 'Köln', '東京', 'naïve café', 'São Paulo', '—'];
  const random = createRandomSource(1252);
  const records: string[][] = [['Invoice', 'Customer', 'Date', 'Amount', 'Note']];
  let invoice = 7000;
  for (let index = 0; index < 45; index++) {
    const customer = `${names[index % names.length]} ${index + 1}`;
    const orders = 1 + (index % 4);
    for (let order = 0; order < orders; order++) {
      const amount = (randomInt(random, 500, 90_000) / 100).toFixed(2);
      const note = notes[(index + order) % notes.length] ?? '';
      records.push([`F${invoice++}`, customer, day2024(randomInt(random, 0, 340)), amount, note]);
    }
  }
  return records;
}

/** Joins records with a delimiter, quoting a field that holds it, a quote or a line break. */
function joinRecord(fields: readonly string[], delimiter: string): string {
  return fields
    .map((field) =>
      field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field,
    )
    .join(delimiter);
}

/** The records as text with `delimiter`, record `index` ended by `lineEnd(index)`. */
function encodingText(delimiter: string, lineEnd: (index: number) => string): string {
  return encodingRecords()
    .map((fields, index) => joinRecord(fields, delimiter) + lineEnd(index))
    .join('');
}

/** The reference: the encoding records as plain UTF-8 CSV (comma, LF, no BOM). */
export function encodingPlainUtf8Bytes(): Buffer {
  return Buffer.from(
    encodingText(',', () => '\n'),
    'utf8',
  );
}

/** Excel's "Unicode text": UTF-16 LE with a BOM, TAB-separated, CRLF. */
export function encodingUtf16LeTabBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(
      encodingText('\t', () => '\r\n'),
      'utf16le',
    ),
  ]);
}

/** UTF-16 BE with a BOM, comma-separated, LF. */
export function encodingUtf16BeBytes(): Buffer {
  const littleEndian = Buffer.from(`\ufeff${encodingText(',', () => '\n')}`, 'utf16le');
  return Buffer.from(littleEndian).swap16();
}

/** Excel's `sep=;` first line (it names the delimiter), then `;`-separated UTF-8 with CRLF. */
export function encodingSepLineBytes(): Buffer {
  return Buffer.from(`sep=;\r\n${encodingText(';', () => '\r\n')}`, 'utf8');
}

/** UTF-8, comma, with CRLF, LF and CR line ends in turn in one file. */
export function encodingMixedLineEndsBytes(): Buffer {
  const ends = ['\r\n', '\n', '\r'];
  return Buffer.from(
    encodingText(',', (index) => ends[index % ends.length] ?? '\n'),
    'utf8',
  );
}
