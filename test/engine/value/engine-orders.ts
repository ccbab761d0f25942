// A real file read the way the engine reads it (text source, dialect, records, column roles, cleaning rules into
// the ledger), down to the order columns the value models take: for the backtest and P(high value) tests on real data.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import {
  findTransactionColumns,
  type TransactionColumns,
} from '../../../lambda/engine/input/column-roles.ts';
import { detectDialect } from '../../../lambda/engine/input/csv-dialect.ts';
import { type RecordBatch, readRecords } from '../../../lambda/engine/input/record-reader.ts';
import { openTextSource } from '../../../lambda/engine/input/text-source.ts';
import { readTransactions } from '../../../lambda/engine/transactions/read-transactions.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';
import { AFTER_ALL_DATA } from '../../../tools/real-data.ts';

/** The ledger's distinct orders (customers as ledger indices) and its customer count. */
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
  const source = await openTextSource(
    (async function* () {
      yield bytes;
    })(),
    sourceName,
  );
  const dialect = detectDialect(source.sample, sourceName);
  const batches = readRecords(source.text, dialect, sourceName, 1);
  const first = await batches.next();
  if (first.done === true) throw new Error(`${sourceName} is empty`);
  const [header = [], ...records] = first.value.records;
  const columns = findTransactionColumns(header, {}, sourceName) as TransactionColumns;
  const read = await readTransactions(
    (async function* (): AsyncGenerator<RecordBatch> {
      yield { records, firstLine: 2 };
      yield* batches;
    })(),
    {
      sourceName,
      header,
      columns,
      delimiter: dialect.delimiter === 'whitespace' ? ' ' : dialect.delimiter,
      nowMs: AFTER_ALL_DATA.getTime(),
    },
  );
  const customerCount = read.ledger.customersInIdOrder().count;
  return { orders: read.ledger.takeOrders(), customerCount };
}
