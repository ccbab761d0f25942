// A real file read through the engine's own front (readOrderColumns) down to the order columns the value models
// take: for the backtest and P(high value) tests on real data.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readOrderColumns } from '../../../lambda/engine/read-order-columns.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';
import { AFTER_ALL_DATA } from '../../../tools/real-data.ts';

/** The file's distinct orders (customers as rows in id order) and its customer count. */
export interface RealOrders {
  readonly orders: OrderColumns;
  readonly customerCount: number;
}

/** Reads the gzipped file at `path` through the engine. */
export function readOrdersOfFile(path: string): Promise<RealOrders> {
  return readOrdersOfBytes(readFileSync(path), path);
}

/** Reads `text` (header line first) through the engine, gzipped as a data team would drop it. */
export function readOrdersOfText(text: string, sourceName: string): Promise<RealOrders> {
  return readOrdersOfBytes(gzipSync(Buffer.from(text, 'utf8')), sourceName);
}

async function readOrdersOfBytes(bytes: Uint8Array, sourceName: string): Promise<RealOrders> {
  const { orders, customerCount } = await readOrderColumns(
    (async function* () {
      yield bytes;
    })(),
    { sourceName, now: AFTER_ALL_DATA },
  );
  return { orders, customerCount };
}
