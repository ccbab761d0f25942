/**
 * The Athena path's aggregation (issue 16): the aggregation's Athena text (engine/aggregate/aggregate-sql.ts) run on
 * the data team's table, one query at a time (the orders, the rejection counts, the lines read), each followed until
 * it ends (bounded polls), its result read back from the CSV file Athena writes to the workgroup's result location
 * (a header, then every value in double quotes). The engine then analyses the orders
 * (engine/aggregate/analyze-aggregate.ts) as it analyses DuckDB's.
 */
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  type QueryExecutionState,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import Papa from 'papaparse';
import { type AggregateSource, aggregateQueries, quoted } from '../engine/aggregate/aggregate-sql.ts';
import { ordersOfRows, rejectionsOfRows, rowsReadOf } from '../engine/aggregate/aggregate-rows.ts';
import type { AggregatedOrder } from '../engine/aggregate/analyze-aggregate.ts';
import type { ObjectStore } from '../delivery/ports.ts';
import { SegmentReportError } from '../errors/segment-report-error.ts';

/** Where the lines are and where Athena runs: the Glue database and table, the workgroup. */
export interface AthenaTable {
  database: string;
  table: string;
  workGroup: string;
}

/** How the queries are followed: the pause between two looks, and how many looks at most. */
export interface AthenaPolling {
  sleep(milliseconds: number): Promise<void>;
  intervalMs: number;
  maxPolls: number;
}

export interface AthenaAggregate {
  orders: AggregatedOrder[];
  rejections: Record<string, number>;
  rowsRead: number;
}

/** An Athena query that failed, was cancelled, or did not end within the polls allowed. */
export class AthenaQueryError extends SegmentReportError {
  override name = 'AthenaQueryError';
}

/** Aggregates the table with Athena; `results` reads the result files (the store of their bucket). */
export async function aggregateWithAthena(
  athena: AthenaClient,
  results: ObjectStore,
  target: AthenaTable,
  source: Omit<AggregateSource, 'relation'>,
  polling: AthenaPolling,
): Promise<AthenaAggregate> {
  const relation = `${quoted(target.database)}.${quoted(target.table)}`;
  const queries = aggregateQueries('athena', { ...source, relation });
  const run = (sql: string) => runQuery(athena, results, target, sql, polling);
  return {
    orders: ordersOfRows(await run(queries.orders)),
    rejections: rejectionsOfRows(await run(queries.rejections)),
    rowsRead: rowsReadOf(await run(queries.totals)),
  };
}

/** Runs one query to its end and reads its result file's rows. */
async function runQuery(
  athena: AthenaClient,
  results: ObjectStore,
  target: AthenaTable,
  sql: string,
  polling: AthenaPolling,
): Promise<Record<string, string>[]> {
  const started = await athena.send(
    new StartQueryExecutionCommand({
      QueryString: sql,
      WorkGroup: target.workGroup,
      QueryExecutionContext: { Database: target.database },
    }),
  );
  const id = started.QueryExecutionId;
  if (id === undefined) throw new AthenaQueryError('Athena started a query without an id');
  for (let poll = 0; poll < polling.maxPolls; poll += 1) {
    const { QueryExecution: execution } = await athena.send(
      new GetQueryExecutionCommand({ QueryExecutionId: id }),
    );
    const state: QueryExecutionState | undefined = execution?.Status?.State;
    if (state === 'SUCCEEDED') {
      return readResult(results, execution?.ResultConfiguration?.OutputLocation ?? '', id);
    }
    if (state === 'FAILED' || state === 'CANCELLED') {
      const reason = execution?.Status?.StateChangeReason ?? 'no reason given';
      throw new AthenaQueryError(`Athena query ${id} ${state.toLowerCase()}: ${reason}`);
    }
    await polling.sleep(polling.intervalMs);
  }
  throw new AthenaQueryError(`Athena query ${id} did not end within ${polling.maxPolls} polls`);
}

/** The rows of a result file Athena wrote at `location` (`s3://bucket/key.csv`), by column name. */
async function readResult(
  results: ObjectStore,
  location: string,
  id: string,
): Promise<Record<string, string>[]> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (!match || match[1] !== results.bucket) {
    throw new AthenaQueryError(
      `Athena query ${id}: its result is at ${location}, not in s3://${results.bucket}`,
    );
  }
  const stored = await results.readText(match[2] as string);
  if (stored === null) throw new AthenaQueryError(`Athena query ${id}: no result file at ${location}`);
  const parsed = Papa.parse<Record<string, string>>(stored.text, {
    header: true,
    delimiter: ',',
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    throw new AthenaQueryError(
      `Athena query ${id}: ${location}: ${parsed.errors[0]?.message ?? 'unreadable'}`,
    );
  }
  return parsed.data;
}
