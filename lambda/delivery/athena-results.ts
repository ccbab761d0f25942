/**
 * The Athena path's results read back (issue 16): Step Functions ran the aggregation's queries in Athena (`.sync`)
 * and hands the report step each query's execution, whose result file Athena wrote under the aggregates prefix (a
 * header, then every value in double quotes). Read as the rows the engine analyses (engine/aggregate/aggregate-rows.ts);
 * a result anywhere else, or missing, stops the run: the report never reads what the aggregation did not write.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { ordersOfRows, rejectionsOfRows, rowsReadOf } from '../engine/aggregate/aggregate-rows.ts';
import type { AggregatedOrder } from '../engine/aggregate/analyze-aggregate.ts';
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
  orders: AggregatedOrder[];
  rejections: Record<string, number>;
  rowsRead: number;
  scannedBytes: number;
}

/** A result the report cannot take: missing, outside the aggregates prefix, or unreadable. */
export class AthenaResultError extends SegmentReportError {
  override name = 'AthenaResultError';
}

/** Reads the result of each of the aggregation's queries from `store`, under `prefix`. */
export async function readAthenaAggregate(
  store: ObjectStore,
  prefix: string,
  executions: readonly AthenaExecution[],
): Promise<AthenaAggregate> {
  const rows = async (name: AggregateQueryName) => {
    const found = executions.find((execution) => execution.name === name);
    if (found === undefined) throw new AthenaResultError(`the aggregation has no ${name} query result`);
    return readResult(store, prefix, found);
  };
  return {
    orders: ordersOfRows(await rows('orders')),
    rejections: rejectionsOfRows(await rows('rejections')),
    rowsRead: rowsReadOf(await rows('totals')),
    scannedBytes: executions.reduce((sum, { execution }) => sum + (execution.dataScannedBytes ?? 0), 0),
  };
}

/** The rows of one result file by column name. */
async function readResult(
  store: ObjectStore,
  prefix: string,
  { name, execution }: AthenaExecution,
): Promise<Record<string, string>[]> {
  const where = `Athena query ${execution.queryExecutionId} (${name})`;
  const location = execution.outputLocation;
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  const key = match?.[2];
  if (match?.[1] !== store.bucket || key === undefined || !key.startsWith(prefix) || key.includes('/../')) {
    throw new AthenaResultError(
      `${where}: its result is at ${location}, not under s3://${store.bucket}/${prefix}`,
    );
  }
  const stored = await store.readText(key);
  if (stored === null) throw new AthenaResultError(`${where}: no result file at ${location}`);
  const parsed = Papa.parse<Record<string, string>>(stored.text, {
    header: true,
    delimiter: ',',
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    throw new AthenaResultError(`${where}: ${location}: ${parsed.errors[0]?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}
