// A generated transaction log in the UCI Online Retail layout with any number of distinct customers: the input of
// the benchmark's many-customers runs (bench/) and of the hostile-input suite's 2,000,000-customer case
// (test/hostile/). Seeded, so the same customers give the same bytes on every machine. Its line format, ids and
// dates are exported for the other generated log of the layout (tools/bg-nbd-log.ts).
import { createRandomSource, type RandomSource } from '../lambda/engine/clustering/kmeans/seeded-random.ts';
import { type ChunkWriter, writeChunkedFile, type WrittenFile } from './chunked-file.ts';

/** Bumped whenever the generated content changes, so that a stale file is never reused. */
export const ONLINE_RETAIL_GENERATOR_VERSION = 1;
/** The UCI export's header line. */
export const ONLINE_RETAIL_HEADER =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
/** Orders are dated over the Online Retail period: 2010-12-01 to 2011-12-09, to the minute. */
const FIRST_MINUTE = Date.UTC(2010, 11, 1, 8, 0) / 60_000;
const PERIOD_MINUTES = 373 * 24 * 60;
/** Customer ids are 8 digits: 10,000,000 + a shuffled index (pandas reads them as float64, like CustomerID). */
const FIRST_CUSTOMER_ID = 10_000_000;
/** The first invoice number: invoices are numbered from here in date order. */
export const FIRST_INVOICE = 600_000;
/** An order index and its minute share one float64 sort key: minute * 2^24 + order (orders < 2^24). */
const ORDER_BITS = 2 ** 24;
/** Lines joined into one write: few writes (each has a cost), and a piece of a few MB at most in memory. */
export const LINES_PER_WRITE = 20_000;
/** Gzip level of a `.gz` target: fast, about 5x smaller. */
const GZIP_LEVEL = 1;

export const PRODUCTS = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '2.55'],
  ['71053', 'WHITE METAL LANTERN', '3.39'],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', '2.75'],
  ['22423', 'REGENCY CAKESTAND 3 TIER', '12.75'],
  ['47566', 'PARTY BUNTING', '4.95'],
  ['85099B', 'JUMBO BAG RED RETROSPOT', '1.95'],
  ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', '1.69'],
  ['22720', 'SET OF 3 CAKE TINS PANTRY DESIGN', '4.95'],
  ['21212', 'PACK OF 72 RETROSPOT CAKE CASES', '0.55'],
  ['23203', 'JUMBO BAG DOILEY PATTERNS', '2.08'],
] as const;
const COUNTRIES = [
  'United Kingdom',
  'United Kingdom',
  'United Kingdom',
  'Germany',
  'France',
  'EIRE',
] as const;

/**
 * Writes a deterministic transaction log in the UCI Online Retail layout with exactly `customers` distinct
 * customers who keep at least one usable line (82% one order, 12% two, 3% three, 3% four to eight; 1% of
 * orders with a second line), about 1.34 lines per customer, plus 0.5% cancelled lines (`C` invoices) and 1%
 * lines without CustomerID for the cleaning rules. Lines are in invoice order (invoice numbers follow the
 * dates), so a customer's orders interleave with everybody else's as in a real export. Gzipped (level 1) when
 * `path` ends in `.gz`; streamed, written whole then renamed.
 */
export async function writeOnlineRetailLog(path: string, customers: number): Promise<WrittenFile> {
  if (customers >= ORDER_BITS / 2) throw new Error(`at most ${ORDER_BITS / 2 - 1} customers`);
  const random = createRandomSource(20_240_331 + customers);
  const { orderCustomer, orderKeys } = drawOrders(customers, random);
  const customerIds = shuffledIds(customers, random);
  return writeChunkedFile(
    path,
    (writer) => writeOrderLines(writer, { orderCustomer, orderKeys, customerIds }, random),
    gzipLevelOf(path),
  );
}

/** The gzip level of a generated file at `path`: GZIP_LEVEL for a `.gz` name, none otherwise. */
export function gzipLevelOf(path: string): number | undefined {
  return path.endsWith('.gz') ? GZIP_LEVEL : undefined;
}

/** The header, then every order's lines in date order; returns the number of lines, the header included. */
async function writeOrderLines(
  writer: ChunkWriter,
  {
    orderCustomer,
    orderKeys,
    customerIds,
  }: { orderCustomer: Int32Array; orderKeys: Float64Array; customerIds: Int32Array },
  random: RandomSource,
): Promise<number> {
  await writer.write(`${ONLINE_RETAIL_HEADER}\n`);
  let written = 1;
  let lines: string[] = [];
  for (let rank = 0; rank < orderKeys.length; rank++) {
    const key = orderKeys[rank] as number;
    const order = key % ORDER_BITS;
    const minute = (key - order) / ORDER_BITS;
    const customer = customerIds[orderCustomer[order] as number] as number;
    const date = formatMinute(minute);
    const invoice = String(FIRST_INVOICE + rank);
    const country = countryOf(customer);
    const lineCount = random() < 0.01 ? 2 : 1;
    for (let line = 0; line < lineCount; line++)
      lines.push(orderLine(invoice, date, customer, country, random));
    if (random() < 0.005) lines.push(orderLine(`C${invoice}`, date, customer, country, random));
    if (random() < 0.01) lines.push(orderLine(invoice, date, undefined, country, random));
    if (lines.length >= LINES_PER_WRITE || rank === orderKeys.length - 1) {
      await writer.write(`${lines.join('\n')}\n`);
      written += lines.length;
      lines = [];
    }
  }
  return written;
}

/** Each order's customer index, and the orders sorted by minute (keys minute * 2^24 + order). */
function drawOrders(
  customers: number,
  random: RandomSource,
): { orderCustomer: Int32Array; orderKeys: Float64Array } {
  const orderCounts = new Uint8Array(customers);
  let orderTotal = 0;
  for (let customer = 0; customer < customers; customer++) {
    const draw = random();
    const count = draw < 0.82 ? 1 : draw < 0.94 ? 2 : draw < 0.97 ? 3 : 4 + Math.floor(random() * 5);
    orderCounts[customer] = count;
    orderTotal += count;
  }
  if (orderTotal >= ORDER_BITS) throw new Error(`too many orders (${orderTotal}) for the sort key`);
  const orderCustomer = new Int32Array(orderTotal);
  const orderKeys = new Float64Array(orderTotal);
  let order = 0;
  for (let customer = 0; customer < customers; customer++) {
    for (let index = 0; index < (orderCounts[customer] as number); index++, order++) {
      orderCustomer[order] = customer;
      orderKeys[order] = Math.floor(random() * PERIOD_MINUTES) * ORDER_BITS + order;
    }
  }
  orderKeys.sort();
  return { orderCustomer, orderKeys };
}

/** Customer ids 10,000,000 + i in a seeded random order, so that ids are not first seen in sorted order. */
export function shuffledIds(customers: number, random: RandomSource): Int32Array {
  const ids = new Int32Array(customers);
  for (let index = 0; index < customers; index++) ids[index] = FIRST_CUSTOMER_ID + index;
  for (let index = customers - 1; index > 0; index--) {
    const pick = Math.floor(random() * (index + 1));
    const kept = ids[index] as number;
    ids[index] = ids[pick] as number;
    ids[pick] = kept;
  }
  return ids;
}

/** One line of an order: a random product and quantity; no CustomerID when `customer` is undefined. */
function orderLine(
  invoice: string,
  date: string,
  customer: number | undefined,
  country: string,
  random: RandomSource,
): string {
  const [stockCode, description, price] = PRODUCTS[Math.floor(random() * PRODUCTS.length)] ?? PRODUCTS[0];
  const quantity = 1 + Math.floor(random() * 24);
  return retailLine({ invoice, stockCode, description, quantity, date, price, customer, country });
}

/** A customer's country, from their id (most are in the United Kingdom, as in the real export). */
export function countryOf(customer: number): string {
  return COUNTRIES[customer % COUNTRIES.length] as string;
}

/** One line's fields, in the header's order; no CustomerID when `customer` is undefined. */
export interface RetailLineFields {
  readonly invoice: string;
  readonly stockCode: string;
  readonly description: string;
  readonly quantity: number;
  readonly date: string;
  readonly price: string;
  readonly customer: number | undefined;
  readonly country: string;
}

/** One line of the export (the fields need no quoting: none holds a comma). */
export function retailLine(fields: RetailLineFields): string {
  const { invoice, stockCode, description, quantity, date, price, customer, country } = fields;
  return `${invoice},${stockCode},${description},${quantity},${date},${price},${customer ?? ''},${country}`;
}

/** `YYYY-MM-DD HH:MM:00`, the Online Retail export's date format, `minute` minutes after FIRST_MINUTE. */
function formatMinute(minute: number): string {
  return formatEpochMinute(FIRST_MINUTE + minute);
}

/** `YYYY-MM-DD HH:MM:00` (UTC) of a minute counted from 1970-01-01 00:00. */
export function formatEpochMinute(epochMinute: number): string {
  const iso = new Date(epochMinute * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}:00`;
}
