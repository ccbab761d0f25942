// A generated transaction log in the UCI Online Retail layout whose customers follow BG/NBD purchases and
// Gamma-Gamma spend (drawn by tools/bg-nbd-process.ts): unlike tools/online-retail-log.ts, whose orders are
// uniform in time, it has a purchase process the value models can learn, so the backtest shows the predictions and
// the whole value step runs (the benchmark's 2,000,000-customer file). Seeded: the same bytes on every machine.
import { createRandomSource, deriveSeed } from '../lambda/engine/clustering/kmeans/seeded-random.ts';
import { MS_PER_DAY } from '../lambda/engine/input/date-parsing.ts';
import { type ChunkWriter, writeChunkedFile, type WrittenFile } from './chunked-file.ts';
import {
  DEFAULT_PROCESS_SEED,
  drawBgNbdOrders,
  type DrawnOrders,
  type DrawOptions,
  PERIOD_FIRST_DAY,
} from './bg-nbd-process.ts';
import {
  countryOf,
  FIRST_INVOICE,
  formatEpochMinute,
  gzipLevelOf,
  LINES_PER_WRITE,
  ONLINE_RETAIL_HEADER,
  PRODUCTS,
  retailLine,
  shuffledIds,
} from './online-retail-log.ts';

/** Bumped whenever the generated content changes, so that a stale file is never reused. */
export const BG_NBD_GENERATOR_VERSION = 1;
const PERIOD_FIRST_MINUTE = (PERIOD_FIRST_DAY * MS_PER_DAY) / 60_000;
/** An order index and its minute share one float64 sort key: minute * 2^28 + order (minutes < 2^21). */
const ORDER_BITS = 2 ** 28;
/** Label of the seed the customer ids are shuffled with, apart from the draw's own sequence. */
const ID_SEED_LABEL = 1;

/**
 * Writes the log of `customers` customers drawn by drawBgNbdOrders (same options, same orders): one line per order,
 * Quantity 1 and UnitPrice the order's value, a distinct invoice per order, lines in date order (invoices follow
 * the dates), customer ids 10,000,000 + a shuffled index. Gzipped (level 1) when `path` ends in `.gz`; streamed,
 * written whole then renamed. Memory: the drawn columns and one sort key per order, about 28 bytes an order.
 */
export async function writeBgNbdLog(
  path: string,
  customers: number,
  options: DrawOptions = {},
): Promise<WrittenFile> {
  const drawn = drawBgNbdOrders(customers, options);
  const seed = options.seed ?? DEFAULT_PROCESS_SEED;
  const customerIds = shuffledIds(customers, createRandomSource(deriveSeed(seed, ID_SEED_LABEL)));
  const keys = ordersByTime(drawn.minutes);
  return writeChunkedFile(path, (writer) => writeLines(writer, drawn, keys, customerIds), gzipLevelOf(path));
}

/** Sort keys minute * 2^28 + order, ascending: the orders by time, ties in draw order. */
function ordersByTime(minutes: Int32Array): Float64Array {
  if (minutes.length >= ORDER_BITS) throw new Error(`too many orders (${minutes.length}) for the sort key`);
  const keys = new Float64Array(minutes.length);
  for (let order = 0; order < minutes.length; order++) {
    keys[order] = (minutes[order] as number) * ORDER_BITS + order;
  }
  return keys.sort();
}

/** The header, then one line per order in time order; returns the number of lines, the header included. */
async function writeLines(
  writer: ChunkWriter,
  drawn: DrawnOrders,
  keys: Float64Array,
  customerIds: Int32Array,
): Promise<number> {
  await writer.write(`${ONLINE_RETAIL_HEADER}\n`);
  let lines: string[] = [];
  for (let rank = 0; rank < keys.length; rank++) {
    const key = keys[rank] as number;
    const order = key % ORDER_BITS;
    const customer = customerIds[drawn.orders.customers[order] as number] as number;
    const [stockCode, description] = PRODUCTS[rank % PRODUCTS.length] ?? PRODUCTS[0];
    lines.push(
      retailLine({
        invoice: String(FIRST_INVOICE + rank),
        stockCode,
        description,
        quantity: 1,
        date: formatEpochMinute(PERIOD_FIRST_MINUTE + (key - order) / ORDER_BITS),
        price: (drawn.orders.amounts[order] as number).toFixed(2),
        customer,
        country: countryOf(customer),
      }),
    );
    if (lines.length >= LINES_PER_WRITE || rank === keys.length - 1) {
      await writer.write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  return keys.length + 1;
}
