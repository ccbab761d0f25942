/**
 * The Athena path's results read back (issue 16): Step Functions ran the aggregation's queries in Athena (`.sync`)
 * and hands the report step each query's execution, whose result file Athena wrote under the aggregates prefix (a
 * header, then every value in double quotes). Read as the rows the engine analyses (engine/aggregate/aggregate-rows.ts),
 * the orders streamed into the engine's ledger as they arrive (a run's orders can be far larger than its customers);
 * a result anywhere else, or missing, stops the run: the report never reads what the aggregation did not write.
 */
import * as z from 'zod';
import { orderOfColumns, rejectionsOfRows, rowsReadOf } from '../engine/aggregate/aggregate-rows.ts';
import type { AggregatedOrder } from '../engine/aggregate/analyze-aggregate.ts';
import type { CsvDialect } from '../engine/input/csv-dialect.ts';
import { isBlankRecord, readRecords } from '../engine/input/record-reader.ts';
import { ObjectNotFoundError } from '../errors/delivery-errors.ts';
import { MalformedFileError } from '../errors/input-errors.ts';
import { SegmentReportError } from '../errors/segment-report-error.ts';
import { AGGREGATE_QUERY_NAMES, type AggregateQueryName } from '../vocabulary/aggregation-steps.ts';
import type { ObjectStore } from './ports.ts';

/** One query as the state machine hands it over: its name, and what Athena's `.sync` answered. */
export const athenaExecutionSchema = z.object({
  name: z.enum(AGGREGATE_QUERY_NAMES),
  execution: z.object({
    queryExecutionId: z.string().min(1),
    outputLocation: z.string().min(1),
    dataScannedBytes: z.number().nonnegative().optional(),
  }),
});
export type AthenaExecution = z.infer<typeof athenaExecutionSchema>;

/** The aggregation as the engine reads it, and what Athena scanned for it. */
export interface AthenaAggregate {
  /** Streamed from the result file in batches as the engine takes them: the file is never held whole. */
  orders: AsyncIterable<readonly AggregatedOrder[]>;
  rejections: Record<string, number>;
  rowsRead: number;
  scannedBytes: number;
}

/** A result the report cannot take: missing, outside the aggregates prefix, or unreadable. */
export class AthenaResultError extends SegmentReportError {
  override name = 'AthenaResultError';
}

/** How Athena writes a result file: comma-separated, every value quoted, one line per row. */
const RESULT_DIALECT: CsvDialect = { delimiter: ',', newline: '\n' };

/**
 * Reads the result of each of the aggregation's queries from `store`, under `prefix`: the small ones (rejection
 * counts, lines read) now, the orders as the caller iterates them.
 */
export async function readAthenaAggregate(
  store: ObjectStore,
  prefix: string,
  executions: readonly AthenaExecution[],
): Promise<AthenaAggregate> {
  const result = (name: AggregateQueryName) => {
    const found = executions.find((execution) => execution.name === name);
    if (found === undefined) throw new AthenaResultError(`the aggregation has no ${name} query result`);
    return {
      where: `Athena query ${found.execution.queryExecutionId} (${name})`,
      ...resultKey(store, prefix, found),
    };
  };
  const orders = result('orders');
  const rows = async (name: AggregateQueryName) => {
    const rowsOf: Record<string, string>[] = [];
    for await (const batch of resultRows(store, result(name), byName)) rowsOf.push(...batch);
    return rowsOf;
  };
  return {
    rejections: rejectionsOfRows(await rows('rejections')),
    rowsRead: rowsReadOf(await rows('totals')),
    orders: resultRows(store, orders, asOrder),
    scannedBytes: executions.reduce((sum, { execution }) => sum + (execution.dataScannedBytes ?? 0), 0),
  };
}

/** The key of a result file Athena wrote, refused unless it is under `prefix` in the run's own bucket. */
function resultKey(
  store: ObjectStore,
  prefix: string,
  { name, execution }: AthenaExecution,
): { key: string; location: string } {
  const location = execution.outputLocation;
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  const key = match?.[2];
  if (match?.[1] !== store.bucket || key === undefined || !key.startsWith(prefix) || key.includes('/../')) {
    throw new AthenaResultError(
      `Athena query ${execution.queryExecutionId} (${name}): its result is at ${location}, not under s3://${store.bucket}/${prefix}`,
    );
  }
  return { key, location };
}

/**
 * The rows of one result file, read as they arrive, in batches (one per piece of the file: a row each would cost the
 * reading more than its parsing), each row made by the maker `make` gives for the file's header.
 */
async function* resultRows<T>(
  store: ObjectStore,
  { key, location, where }: { key: string; location: string; where: string },
  make: (header: readonly string[]) => (record: readonly string[]) => T,
): AsyncGenerator<T[]> {
  let bytes: AsyncIterable<Uint8Array>;
  try {
    bytes = await store.readStream(key);
  } catch (error) {
    if (error instanceof ObjectNotFoundError)
      throw new AthenaResultError(`${where}: no result file at ${location}`);
    throw error;
  }
  let row: ((record: readonly string[]) => T) | undefined;
  try {
    for await (const { records } of readRecords(utf8Text(bytes), RESULT_DIALECT, `${where}: ${location}`)) {
      const batch: T[] = [];
      for (const record of records) {
        if (isBlankRecord(record)) continue;
        if (row === undefined) row = make(record);
        else batch.push(row(record));
      }
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (error instanceof MalformedFileError) throw new AthenaResultError(error.message);
    throw error;
  }
}

/** A row as an object by column name: for the small results. */
const byName =
  (header: readonly string[]) =>
  (record: readonly string[]): Record<string, string> =>
    Object.fromEntries(header.map((name, index) => [name, record[index] ?? '']));

/** A row as the engine's order, each column found once by its header. */
const asOrder = (header: readonly string[]) => {
  const indexes = new Map(header.map((name, index) => [name, index]));
  return (record: readonly string[]) => orderOfColumns((name) => record[indexes.get(name) ?? -1]);
};

async function* utf8Text(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
