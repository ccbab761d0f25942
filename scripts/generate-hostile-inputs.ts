/**
 * Hostile inputs for `analyze` (issue 10's acceptance test, `test/hostile/`), generated deterministically: every
 * byte comes from a seeded generator (never Math.random), so a file is the same on every machine and run. The
 * big ones are streamed to disk (the gzip bombs expand to gigabytes and are never held in memory); the small
 * ones are returned as bytes.
 *
 * As a module: `writeOnlineRetailFile(path, customers)` writes an Online Retail-layout log of N distinct
 * customers (the benchmark may use it too), and the other `write...`/`...Bytes` functions one input each.
 * As a command: `npx tsx scripts/generate-hostile-inputs.ts DIR` writes them all into DIR (the two bombs hold
 * 18 GB of expanded text; DIR needs about 190 MB and a minute or two, mostly the bombs' level-9 deflate).
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { createGzip, type Gzip } from 'node:zlib';
import { createRandomSource } from '../lambda/engine/clustering/seeded-random.ts';
import { RFM_SEGMENT_KEYS } from '../lambda/engine/rfm/rfm-segments.ts';

/**
 * Bumped whenever any generator's output changes, so that cached copies (keyed by it) are made again.
 * Every big file is also fully determined by its name and this version.
 */
export const GENERATOR_VERSION = 1;

// Deterministic randomness: the engine's own seeded generator (mulberry32), the same sequence everywhere.
const seededRandom = createRandomSource;

/** A whole number in [low, high] from a seeded generator. */
function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** One of `items`, chosen by a seeded generator. */
function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `items` in a seeded random order (Fisher-Yates); the input is left as it is. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Streaming writes

/** A file written in pieces, gzipped or not, with backpressure; `close` resolves once it is on disk. */
interface ChunkWriter {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Bytes given to `write` so far (before compression). */
  readonly written: number;
  /** Bytes on disk so far (after compression). */
  readonly fileBytes: number;
}

function openChunkWriter(path: string, gzipLevel?: number): ChunkWriter {
  const file: WriteStream = createWriteStream(path);
  const gzip: Gzip | undefined =
    gzipLevel === undefined ? undefined : createGzip({ level: gzipLevel, chunkSize: 1 << 16 });
  gzip?.pipe(file);
  const sink = gzip ?? file;
  let written = 0;
  return {
    async write(chunk) {
      written += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (!sink.write(chunk)) await once(sink, 'drain');
    },
    async close() {
      sink.end();
      await finished(file);
    },
    get written() {
      return written;
    },
    get fileBytes() {
      return file.bytesWritten;
    },
  };
}

/** Writes to `path.partial-PID` then renames, so that a half-written file is never taken for a whole one. */
async function writeAtomically<T>(path: string, produce: (partial: string) => Promise<T>): Promise<T> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    const result = await produce(partial);
    await rename(partial, path);
    return result;
  } finally {
    await rm(partial, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The Online Retail layout at any size (2,000,000 customers for issue 10)

export const ONLINE_RETAIL_HEADER =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

const PRODUCTS: readonly (readonly [code: string, description: string, price: string])[] = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '2.55'],
  ['71053', 'WHITE METAL LANTERN', '3.39'],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', '2.75'],
  ['84029G', 'KNITTED UNION FLAG HOT WATER BOTTLE', '3.39'],
  ['22752', 'SET 7 BABUSHKA NESTING BOXES', '7.65'],
  ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', '4.25'],
  ['22633', 'HAND WARMER UNION JACK', '1.85'],
  ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', '1.69'],
  ['22745', "POPPY'S PLAYHOUSE BEDROOM", '2.10'],
  ['21754', 'HOME BUILDING BLOCK WORD', '5.95'],
  ['22960', 'JAM MAKING SET WITH JARS', '4.25'],
  ['79323W', '"WHITE CHERRY LIGHTS, SET OF 10"', '6.75'],
  ['22086', "PAPER CHAIN KIT 50'S CHRISTMAS", '2.95'],
  ['POST', 'POSTAGE', '18.00'],
  ['23084', 'RABBIT NIGHT LIGHT', '2.08'],
  ['21212', 'PACK OF 72 RETROSPOT CAKE CASES', '0.55'],
];
const COUNTRIES = ['United Kingdom', 'France', 'Germany', 'EIRE', 'Spain', 'Netherlands', 'Belgium'];
const FIRST_INVOICE = 536_365;
const FIRST_CUSTOMER_ID = 12_346;
const RETAIL_START = Date.UTC(2010, 11, 1, 8, 0, 0);
const RETAIL_END = Date.UTC(2011, 11, 9, 20, 0, 0);
const RETAIL_MINUTES = (RETAIL_END - RETAIL_START) / 60_000;
const LINES_PER_BATCH = 10_000;

export interface OnlineRetailFileOptions {
  /** Seed of every random choice (products, quantities, repeat customers). Default 20_101_201. */
  seed?: number;
  /** Gzip the file (level 1: fast, 4x smaller); by default when the path ends in `.gz`. */
  gzip?: boolean;
}

export interface WrittenFile {
  path: string;
  /** Lines written, the header included. */
  lines: number;
  /** Bytes of text (before compression). */
  textBytes: number;
  /** Bytes on disk. */
  fileBytes: number;
}

/** Lines of data in an Online Retail-layout file of `customers` distinct customers: 4/3 of a line each. */
export function onlineRetailDataLines(customers: number): number {
  return Math.round((customers * 4) / 3);
}

/**
 * Writes an Online Retail-layout transaction log (the UCI export's columns, ISO dates from 2010-12-01 to
 * 2011-12-09, one invoice per line) with exactly `customers` distinct customers, every one with a usable line:
 * three lines in four are a new customer's first purchase (ids 12346 upwards, in a scattered order), the fourth
 * is a repeat purchase of a customer already seen, of which about 3% are cancellations (`C` invoice, negative
 * quantity) and 3% have no customer id, as in the real file. 2,000,000 customers make 2,666,667 data lines
 * (227 MB of text, 44 MB gzipped at level 1, in about 7 s). Streamed: memory stays small whatever the size.
 */
export async function writeOnlineRetailFile(
  path: string,
  customers: number,
  options: OnlineRetailFileOptions = {},
): Promise<WrittenFile> {
  if (!Number.isInteger(customers) || customers < 1) throw new Error(`customers must be >= 1: ${customers}`);
  const random = seededRandom(options.seed ?? 20_101_201);
  const gzip = options.gzip ?? path.endsWith('.gz');
  const dataLines = onlineRetailDataLines(customers);
  const stride = coprimeStride(customers);
  return writeAtomically(path, async (partial) => {
    const writer = openChunkWriter(partial, gzip ? 1 : undefined);
    let lastMinute = Number.NaN;
    let lastMinuteText = '';
    await writer.write(`${ONLINE_RETAIL_HEADER}\n`);
    let firstPurchases = 0;
    let batch: string[] = [];
    for (let line = 0; line < dataLines; line++) {
      // Three lines in four bring a new customer; the count is exact whatever N (the last lines fill it up).
      const newNeeded = customers - firstPurchases;
      const isRepeat =
        newNeeded === 0 || (line % 4 === 3 && firstPurchases > 0 && newNeeded < dataLines - line);
      let customerIndex: number;
      if (isRepeat) customerIndex = (Math.floor(random() * firstPurchases) * stride) % customers;
      else customerIndex = (firstPurchases++ * stride) % customers;
      const roll = isRepeat ? random() : 1;
      const [code, description, price] = pick(PRODUCTS, random);
      const quantity = randomInt(random, 1, 24);
      const cancelled = roll < 0.03;
      const noCustomer = roll >= 0.03 && roll < 0.06;
      const invoice = `${cancelled ? 'C' : ''}${FIRST_INVOICE + line}`;
      const when = RETAIL_START + Math.floor((line / dataLines) * RETAIL_MINUTES) * 60_000;
      if (when !== lastMinute) [lastMinute, lastMinuteText] = [when, isoMinute(when)];
      const dateText = lastMinuteText;
      const customer = noCustomer ? '' : String(FIRST_CUSTOMER_ID + customerIndex);
      const country = COUNTRIES[customerIndex % COUNTRIES.length] ?? 'United Kingdom';
      batch.push(
        `${invoice},${code},${description},${cancelled ? -quantity : quantity},${dateText},${price},${customer},${country}`,
      );
      if (batch.length === LINES_PER_BATCH) {
        await writer.write(`${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) await writer.write(`${batch.join('\n')}\n`);
    await writer.close();
    if (firstPurchases !== customers) throw new Error(`wrote ${firstPurchases} customers, not ${customers}`);
    return { path, lines: dataLines + 1, textBytes: writer.written, fileBytes: writer.fileBytes };
  });
}

/** `YYYY-MM-DD HH:MM:00` of a UTC time in milliseconds (the real file's layout). */
function isoMinute(time: number): string {
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')}:00`;
}

/** A stride coprime with `count` near 0.618 of it, so that `i * stride % count` visits every index once. */
function coprimeStride(count: number): number {
  if (count <= 2) return 1;
  let stride = Math.max(1, Math.floor(count * 0.618_033_988_7));
  for (let attempts = 0; attempts < count && greatestCommonDivisor(stride, count) !== 1; attempts++) {
    stride = (stride % (count - 1)) + 1;
  }
  return stride;
}

function greatestCommonDivisor(first: number, second: number): number {
  let [a, b] = [first, second];
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

// ---------------------------------------------------------------------------------------------------------
// Wide and malformed headers

/**
 * A customer table `ID,f00001,...` of `rows` customers and `columns` numeric features in three hidden groups
 * (each feature centred on a group's own level, plus noise): 10,000 columns x 2,000 rows is about 80 MB.
 */
export async function writeWideCustomerTable(
  path: string,
  columns: number,
  rows: number,
): Promise<WrittenFile> {
  const random = seededRandom(10_000);
  const levels = [0, 1, 2].map(() => Array.from({ length: columns }, () => randomInt(random, 0, 900)));
  const width = String(columns).length;
  return writeAtomically(path, async (partial) => {
    const writer = openChunkWriter(partial);
    const names = Array.from({ length: columns }, (_, index) => `f${String(index + 1).padStart(width, '0')}`);
    await writer.write(`ID,${names.join(',')}\n`);
    for (let row = 0; row < rows; row++) {
      const group = levels[row % levels.length] ?? [];
      const values = group.map((level) => String(level + randomInt(random, 0, 60)));
      await writer.write(`${1000 + row},${values.join(',')}\n`);
    }
    await writer.close();
    return { path, lines: rows + 1, textBytes: writer.written, fileBytes: writer.fileBytes };
  });
}

/** A header of `names` copies of the one-letter name `a` (`a,a,a,...`), then `rows` rows of as many digits. */
export async function writeDuplicateHeader(path: string, names: number, rows: number): Promise<WrittenFile> {
  return writeAtomically(path, async (partial) => {
    const writer = openChunkWriter(partial);
    await writer.write(`${new Array<string>(names).fill('a').join(',')}\n`);
    for (let row = 0; row < rows; row++) {
      const digits = Array.from({ length: names }, (_, column) => String((row + column) % 10));
      await writer.write(`${digits.join(',')}\n`);
    }
    await writer.close();
    return { path, lines: rows + 1, textBytes: writer.written, fileBytes: writer.fileBytes };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Gzip bombs

/** The bombs' header and their one line, repeated: a valid transaction, so a reader cannot skip it cheaply. */
const BOMB_HEADER = 'InvoiceNo,CustomerID,InvoiceDate,Amount\n';
const BOMB_LINE = '536365,17850,2011-01-01,1\n';
const BOMB_BLOCK = Buffer.from(BOMB_LINE.repeat(Math.floor((1 << 20) / BOMB_LINE.length)));

/**
 * The two bombs of issue 10: a 13-14 MB gzip that expands to 5.5 GB, and a 30 MB one (~12.4 GB). Level-9
 * deflate of this line gives ~412:1, so the sizes follow from the expanded size alone.
 */
export const GZIP_BOMBS = {
  small: { expandedBytes: 5_500_000_000 },
  large: { expandedBytes: 12_400_000_000 },
} as const;

/**
 * Writes a gzip (level 9, one member) of a CSV header then identical transaction lines up to `expandedBytes`
 * (rounded down to whole lines), streamed through zlib 1 MiB at a time: nothing near the expanded size is ever
 * in memory. ~430 MB of expanded text per second on one core.
 */
export async function writeGzipBomb(path: string, expandedBytes: number): Promise<WrittenFile> {
  return writeAtomically(path, async (partial) => {
    const writer = openChunkWriter(partial, 9);
    await writer.write(BOMB_HEADER);
    let lines = 1;
    const maxBlocks = Math.ceil(expandedBytes / BOMB_BLOCK.length) + 1;
    for (let block = 0; block < maxBlocks; block++) {
      const room = expandedBytes - writer.written;
      if (room < BOMB_LINE.length) break;
      const piece =
        room >= BOMB_BLOCK.length
          ? BOMB_BLOCK
          : BOMB_BLOCK.subarray(0, Math.floor(room / BOMB_LINE.length) * BOMB_LINE.length);
      await writer.write(piece);
      lines += piece.length / BOMB_LINE.length;
    }
    await writer.close();
    return { path, lines, textBytes: writer.written, fileBytes: writer.fileBytes };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Small transaction logs

export const SMALL_LOG_HEADER = 'InvoiceNo,CustomerID,InvoiceDate,Amount';

/** A day of 2024 as `YYYY-MM-DD` (day 0 is 2024-01-01). */
function day2024(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The data lines (no header) of a plain transaction log: `customers` customers `C001`... in three groups (recent
 * big spenders, steady, lapsed small), 1 to 8 orders each in 2024, amounts with cents, no two customers alike.
 */
export function smallLogLines(customers: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const lines: string[] = [];
  let invoice = 100_000;
  for (let index = 0; index < customers; index++) {
    const group = index % 3;
    const orders = group === 0 ? randomInt(random, 5, 8) : group === 1 ? randomInt(random, 2, 4) : 1;
    const lastDay =
      group === 0 ? 330 + randomInt(random, 0, 30) : group === 1 ? 200 : randomInt(random, 0, 60);
    for (let order = 0; order < orders; order++) {
      const amount = (group === 0 ? 400 : group === 1 ? 80 : 10) + randomInt(random, 0, 5000) / 100;
      const customer = `C${String(index + 1).padStart(3, '0')}`;
      lines.push(`${invoice++},${customer},${day2024(lastDay - order * 9)},${amount.toFixed(2)}`);
    }
  }
  return lines;
}

/** A normal transaction log of `customers` customers (header + `smallLogLines`), as text. */
export function smallLogCsv(customers = 45, seed = 7): string {
  return `${[SMALL_LOG_HEADER, ...smallLogLines(customers, seed)].join('\n')}\n`;
}

/** Amounts that no accounting system holds, as a file would spell them, with how many lines carry each. */
export const HUGE_AMOUNTS = [
  '1e308',
  '1e308',
  '1e308',
  '1e308',
  '-1e308',
  '1e309',
  'NaN',
  'Infinity',
] as const;

/**
 * A 45-customer log plus one line per `HUGE_AMOUNTS` entry: three 1e308 lines for customer C001 (whose sum
 * overflows to Infinity), one for C002, and -1e308, 1e309, NaN and Infinity for others.
 */
export function hugeAmountsCsv(): string {
  const owners = ['C001', 'C001', 'C001', 'C002', 'C004', 'C005', 'C007', 'C008'];
  const extra = HUGE_AMOUNTS.map(
    (amount, index) => `${900_000 + index},${owners[index]},${day2024(300)},${amount}`,
  );
  return `${[SMALL_LOG_HEADER, ...smallLogLines(45), ...extra].join('\n')}\n`;
}

/** Dates of years 1 and 99 that a careless parser reads as 1901 and 1999 (JavaScript's two-digit years). */
export const ANCIENT_DATES = ['0001-03-04', '0099-12-31', '0001-03-04', '0099-12-31'] as const;

/**
 * A 45-customer log (first purchase on 2024-01-xx or later) with `ANCIENT_DATES` on four more lines: three for
 * customers who also have normal lines, one for a customer (ANCIENT) with no other line.
 */
export function ancientDatesCsv(): string {
  const owners = ['C001', 'C002', 'C003', 'ANCIENT'];
  const extra = ANCIENT_DATES.map((date, index) => `${900_000 + index},${owners[index]},${date},25.00`);
  const lines = smallLogLines(45);
  // Among the normal ones, not at the end: a reader that stops at them is caught too.
  return `${[SMALL_LOG_HEADER, ...lines.slice(0, 20), ...extra, ...lines.slice(20)].join('\n')}\n`;
}

/** The earliest date of `smallLogLines(45)`, i.e. the period's start once the ancient lines are rejected. */
export function smallLogFirstDate(customers = 45): string {
  return smallLogLines(customers)
    .map((line) => line.split(',')[2] ?? '')
    .sort()[0] as string;
}

/**
 * Customer ids that are numbers, text and both (`10`, `0010`, `10.0`, `2`, `1a`, `A7`, `a7`, `7.5`, `1e3`...),
 * with amounts and dates from short lists so that many customers tie on recency, frequency and money: any order
 * the engine depends on shows up as a different result for a different line order.
 */
export function mixedIdLines(): string[] {
  const ids = ['10', '2', '1a', '0010', 'A7', '7.5', '10.0', '007', '7', 'a7', '1e3', '1000', '-5', '٣', 'Z'];
  for (let number = 1; number <= 15; number++) {
    ids.push(String(number * 3), `${String(number).padStart(4, '0')}`, `K${number}`, `${number}.5`);
  }
  const unique = [...new Set(ids)];
  const random = seededRandom(99);
  const amounts = ['10.00', '20.00', '50.00', '125.50'];
  const days = [10, 45, 120, 200, 300, 340];
  const lines: string[] = [];
  let invoice = 1;
  for (const id of unique) {
    const orders = randomInt(random, 1, 3);
    for (let order = 0; order < orders; order++) {
      const amount = pick(amounts, random);
      const day = pick(days, random);
      lines.push(`INV${String(invoice++).padStart(5, '0')},${id},${day2024(day)},${amount}`);
    }
  }
  return lines;
}

/** The mixed-id log with its lines in the order of `seed` (the header first). */
export function shuffledMixedIdsCsv(seed: number): string {
  return `${[SMALL_LOG_HEADER, ...shuffled(mixedIdLines(), seed)].join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Customer tables that cannot be clustered

/** 30 customers whose every feature has one value (nothing to cluster on). */
export function constantCustomerTableCsv(): string {
  const rows = Array.from({ length: 30 }, (_, index) => `${index + 1},52000,14,300,4`);
  return `${['ID,Income,Recency,MntWines,NumWebPurchases', ...rows].join('\n')}\n`;
}

/** 30 customers with every feature empty. */
export function emptyCustomerTableCsv(): string {
  const rows = Array.from({ length: 30 }, (_, index) => `${index + 1},,,,`);
  return `${['ID,Income,Recency,MntWines,NumWebPurchases', ...rows].join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Excel's encodings and dialects, and the same data as plain UTF-8

/** One record per line, as fields: the data every encoding variant holds. */
export function encodingRecords(): string[][] {
  const names = ['Zoë Ångström', 'Société Générale', '王小明', 'Ærøskøbing 😀', 'Đorđe Čolić', 'Plain'];
  const notes = ['Paris, France', 'Köln', '東京', 'naïve café', 'São Paulo', '—'];
  const random = seededRandom(1252);
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

// ---------------------------------------------------------------------------------------------------------
// Report options: settings and previous analyses

/** Settings JSON text giving every segment (and the default) an `investmentPerCustomer` of `value` (JSON text). */
export function investmentSettingsJson(value: string): string {
  const keys = ['default', ...RFM_SEGMENT_KEYS];
  const entries = keys.map((key) => `    "${key}": { "investmentPerCustomer": ${value} }`);
  return `{\n  "playbook": {\n${entries.join(',\n')}\n  }\n}\n`;
}

/** A `--json` analysis with its base KPIs written as strings (`"customers": "45"`). */
export function withStringKpis(analysisJson: string): string {
  const analysis = JSON.parse(analysisJson) as { kpis: Record<string, unknown> };
  const kpis = Object.fromEntries(Object.entries(analysis.kpis).map(([key, value]) => [key, String(value)]));
  return `${JSON.stringify({ ...analysis, kpis }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// The classics

/** Bytes of no text format: a PNG signature, then seeded noise with NUL and control bytes. */
export function binaryBytes(): Buffer {
  const random = seededRandom(137);
  const noise = Buffer.alloc(4096);
  for (let index = 0; index < noise.length; index++) noise[index] = Math.floor(random() * 256);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), noise]);
}

const FEW_RETAIL_LINES = [
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17851,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047,United Kingdom',
];

/** An Online Retail-layout log whose fourth line has a quoted Description of 2 MiB (commas and quotes inside). */
export function hugeFieldCsv(): string {
  const piece = 'VERY LONG, "QUOTED" DESCRIPTION ';
  const description = piece.repeat(Math.ceil((2 * 1024 * 1024) / piece.length)).replace(/"/g, '""');
  const line = `536368,22960,"${description}",1,2010-12-01 08:35:00,4.25,13048,France`;
  return `${[ONLINE_RETAIL_HEADER, ...FEW_RETAIL_LINES, line, ...FEW_RETAIL_LINES].join('\n')}\n`;
}

/** A good log whose last line opens a quote that never closes (the file ends inside it). */
export function unterminatedQuoteCsv(): string {
  const last =
    '536399,85123A,"WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-02 09:00:00,2.55,17850,United Kingdom\n';
  return `${[ONLINE_RETAIL_HEADER, ...FEW_RETAIL_LINES].join('\n')}\n${last}`;
}

/** A header and two good lines, then a line of 10 MiB (no delimiter in it) and no newline at the end. */
export function longLineBytes(): Buffer {
  const head = `${[ONLINE_RETAIL_HEADER, ...FEW_RETAIL_LINES.slice(0, 2)].join('\n')}\n536370,`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(10 * 1024 * 1024, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')]);
}

// ---------------------------------------------------------------------------------------------------------
// The catalogue: every input by file name

/** Big inputs, written by streaming (cache them: they take seconds to a minute each). */
export const BIG_INPUTS = {
  'online-retail-2m-customers.csv.gz': (path: string) => writeOnlineRetailFile(path, 2_000_000),
  'wide-10000-columns.csv': (path: string) => writeWideCustomerTable(path, 10_000, 2_000),
  'duplicate-header-1m.csv': (path: string) => writeDuplicateHeader(path, 1_000_000, 3),
  'gzip-bomb-13mb-to-5.5gb.csv.gz': (path: string) => writeGzipBomb(path, GZIP_BOMBS.small.expandedBytes),
  'gzip-bomb-30mb-to-12.4gb.csv.gz': (path: string) => writeGzipBomb(path, GZIP_BOMBS.large.expandedBytes),
} as const satisfies Record<string, (path: string) => Promise<WrittenFile>>;

export type BigInputName = keyof typeof BIG_INPUTS;

/** Small inputs, as bytes or text (milliseconds each). */
export const SMALL_INPUTS = {
  'small-log.csv': () => smallLogCsv(),
  'twenty-customers.csv': () => smallLogCsv(20),
  'huge-amounts.csv': hugeAmountsCsv,
  'ancient-dates.csv': ancientDatesCsv,
  'mixed-ids-shuffle-1.csv': () => shuffledMixedIdsCsv(1),
  'mixed-ids-shuffle-2.csv': () => shuffledMixedIdsCsv(2),
  'constant-customer-table.csv': constantCustomerTableCsv,
  'empty-columns-customer-table.csv': emptyCustomerTableCsv,
  'encoding-plain-utf8.csv': encodingPlainUtf8Bytes,
  'encoding-utf16le-tab.txt': encodingUtf16LeTabBytes,
  'encoding-utf16be.csv': encodingUtf16BeBytes,
  'encoding-excel-sep-line.csv': encodingSepLineBytes,
  'encoding-mixed-line-ends.csv': encodingMixedLineEndsBytes,
  'settings-investment-1e308.json': () => investmentSettingsJson('1e308'),
  'settings-investment-negative.json': () => investmentSettingsJson('-5'),
  'settings-investment-string.json': () => investmentSettingsJson('"10"'),
  'previous-null.json': () => 'null\n',
  'previous-empty-kpis.json': () => '{"kpis":{}}\n',
  'empty.csv': () => '',
  'binary.csv': binaryBytes,
  'huge-field.csv': hugeFieldCsv,
  'unterminated-quote.csv': unterminatedQuoteCsv,
  'long-line-no-newline.csv': longLineBytes,
} as const satisfies Record<string, () => string | Uint8Array>;

export type SmallInputName = keyof typeof SMALL_INPUTS;

/** Writes one small input into `dir` and returns its path. */
export async function writeSmallInput(dir: string, name: SmallInputName): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, SMALL_INPUTS[name]());
  return path;
}

/** Writes every input (small and big) into `dir`; reports each as it goes. */
export async function writeAllHostileInputs(
  dir: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of Object.keys(SMALL_INPUTS) as SmallInputName[]) {
    await writeSmallInput(dir, name);
    log(`${name}`);
  }
  for (const [name, write] of Object.entries(BIG_INPUTS)) {
    const started = Date.now();
    const written = await write(join(dir, name));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `${name}: ${written.lines} lines, ${written.textBytes} bytes of text, ${written.fileBytes} on disk (${seconds} s)`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (dir === undefined || process.argv.length > 3) {
    console.error('usage: npx tsx scripts/generate-hostile-inputs.ts DIR');
    process.exitCode = 2;
  } else {
    await writeAllHostileInputs(dir, (line) => console.log(line));
  }
}
