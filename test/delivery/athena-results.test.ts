/**
 * The Athena path's results read back (delivery/athena-results.ts) from real result files in the format Athena
 * writes (a header, every value in double quotes), made by DuckDB running the same aggregation on the whole of
 * Online Retail: the analysis of what they hold equals the engine's own but for the path's fields. A result that is
 * missing, outside the aggregates prefix or in another bucket, or unreadable, stops the run with the query's id.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AthenaExecution,
  AthenaResultError,
  readAthenaAggregate,
} from '../../lambda/delivery/athena-results.ts';
import { aggregateQueries, type AggregateSource } from '../../lambda/engine/aggregate/aggregate-sql.ts';
import { analyzeAggregatedLog } from '../../lambda/engine/aggregate/analyze-aggregate.ts';
import type { AnalysisResult } from '../../lambda/engine/analysis/analysis-types.ts';
import { AGGREGATE_QUERY_NAMES } from '../../lambda/vocabulary/aggregation-steps.ts';
import { AFTER_ALL_DATA, ONLINE_RETAIL, ONLINE_RETAIL_ROLES } from '../../tools/real-data.ts';
import { analyzeFile } from '../support/analyze-file.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';

const SOURCE: Omit<AggregateSource, 'relation'> = {
  columns: { ...ONLINE_RETAIL_ROLES },
  dateLayout: 'ISO',
  decimalMark: '.',
  now: AFTER_ALL_DATA,
};
const PREFIX = 'aggregates/';

/** Athena's result file of each query, as it writes them: made by DuckDB on the same lines. */
const resultFiles = new Map<string, string>();
let engine: AnalysisResult;

beforeAll(async () => {
  // Without purchase diversity: SQL aggregates orders, not what each line bought (aggregate/describe-log.ts).
  engine = await analyzeFile(ONLINE_RETAIL, { purchaseDiversity: false });
  const relation = `read_csv('${ONLINE_RETAIL}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  const queries = aggregateQueries('duckdb', { ...SOURCE, relation }, 'table');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TEMP TABLE lines AS ${queries.lines}`);
  for (const query of AGGREGATE_QUERY_NAMES) {
    const file = join(tmpdir(), `athena-result-${process.pid}-${query}.csv`);
    await connection.run(`COPY (${queries[query]}) TO '${file}' (HEADER, FORCE_QUOTE *)`);
    resultFiles.set(query, await readFile(file, 'utf8'));
    await rm(file);
  }
  connection.closeSync();
  instance.closeSync();
}, 120_000);

/** A store holding the result files where Athena writes them, and the executions the state machine hands over. */
function athenaWrote(bucket = 'data'): { store: MemoryObjectStore; executions: AthenaExecution[] } {
  const store = new MemoryObjectStore(bucket);
  const executions = AGGREGATE_QUERY_NAMES.map((name, index) => {
    const key = `${PREFIX}query-${index}.csv`;
    store.put(key, resultFiles.get(name) ?? '');
    return {
      name,
      execution: {
        queryExecutionId: `query-${index}`,
        outputLocation: `s3://${bucket}/${key}`,
        dataScannedBytes: 1000 * (index + 1),
      },
    };
  });
  return { store, executions };
}

describe('Athena’s results', () => {
  it('give the engine’s analysis of Online Retail, and what was scanned', async () => {
    const { store, executions } = athenaWrote();

    const aggregate = await readAthenaAggregate(store, PREFIX, executions);

    expect(aggregate.scannedBytes).toBe(6000);
    expect(resultFiles.get('orders')?.split('\n')[0]).toBe(
      '"customer","order_key","first_ms","last_ms","amount"',
    );
    const viaAthena = await analyzeAggregatedLog(
      {
        engine: 'athena',
        columns: engine.analysis.input.columns,
        delimiter: ',',
        decimalMark: '.',
        ...aggregate,
      },
      { sourceName: ONLINE_RETAIL, now: AFTER_ALL_DATA },
    );
    const { firstRejectedLine: _lines, encoding: _encoding, ...engineInput } = engine.analysis.input;
    const {
      firstRejectedLine: _none,
      encoding: _read,
      aggregatedBy,
      ...athenaInput
    } = viaAthena.analysis.input;
    expect(aggregatedBy).toBe('athena');
    expect(athenaInput).toEqual(engineInput);
    expect({ ...viaAthena.analysis, input: null }).toEqual({ ...engine.analysis, input: null });
  });

  it('are read only from the aggregates prefix of the run’s own bucket', async () => {
    const { store, executions } = athenaWrote();
    const elsewhere = (outputLocation: string) =>
      executions.map((entry, index) =>
        index === 0 ? { ...entry, execution: { ...entry.execution, outputLocation } } : entry,
      );

    for (const location of [
      's3://data/incoming/sales.csv',
      's3://other-bucket/aggregates/query-0.csv',
      's3://data/aggregates/../runs/weekly/2025-W10.json',
      'https://data.s3.amazonaws.com/aggregates/query-0.csv',
    ]) {
      await expect(readAthenaAggregate(store, PREFIX, elsewhere(location))).rejects.toThrow(
        new AthenaResultError(
          `Athena query query-0 (orders): its result is at ${location}, not under s3://data/aggregates/`,
        ),
      );
    }
  });

  it('stop the run, naming the query, when a result is missing or unreadable', async () => {
    const { store, executions } = athenaWrote();
    store.put(`${PREFIX}query-1.csv`, '"reason","lines"\n"cancelled,"3"\n');

    await expect(readAthenaAggregate(store, PREFIX, executions.slice(1))).rejects.toThrow(
      'the aggregation has no orders query result',
    );
    await expect(readAthenaAggregate(store, PREFIX, executions)).rejects.toThrow(
      /^Athena query query-1 \(rejections\): s3:\/\/data\/aggregates\/query-1\.csv: /,
    );
    const gone = executions.map((entry) =>
      entry.name === 'totals'
        ? { ...entry, execution: { ...entry.execution, outputLocation: 's3://data/aggregates/none.csv' } }
        : entry,
    );
    store.put(`${PREFIX}query-1.csv`, resultFiles.get('rejections') ?? '');
    await expect(readAthenaAggregate(store, PREFIX, gone)).rejects.toThrow(
      'Athena query query-2 (totals): no result file at s3://data/aggregates/none.csv',
    );
  });

  it('stream the orders in pieces, a piece ending inside a character or a quoted field', async () => {
    const store = new MemoryObjectStore('data', 7);
    store.put(
      `${PREFIX}orders.csv`,
      [
        '"customer","order_key","first_ms","last_ms","amount"',
        '"Zoë, Paris","A-1","1000","2000","12.5"',
        '"Zoë, Paris","A-2","3000","3000","7.25"',
        '"東京","B-1","5000","5000","100"',
        '',
      ].join('\n'),
    );
    store.put(`${PREFIX}rejections.csv`, '"reason","lines"\n"cancelled","3"\n');
    store.put(`${PREFIX}totals.csv`, '"lines_read"\n"7"\n');
    const executions = AGGREGATE_QUERY_NAMES.map((name) => ({
      name,
      execution: { queryExecutionId: name, outputLocation: `s3://data/${PREFIX}${name}.csv` },
    }));

    const aggregate = await readAthenaAggregate(store, PREFIX, executions);
    const orders = [];
    for await (const batch of aggregate.orders) orders.push(...batch);

    expect(aggregate.rejections).toEqual({ cancelled: 3 });
    expect(aggregate.rowsRead).toBe(7);
    expect(orders).toEqual([
      { customer: 'Zoë, Paris', orderKey: 'A-1', firstMs: 1000, lastMs: 2000, amount: 12.5 },
      { customer: 'Zoë, Paris', orderKey: 'A-2', firstMs: 3000, lastMs: 3000, amount: 7.25 },
      { customer: '東京', orderKey: 'B-1', firstMs: 5000, lastMs: 5000, amount: 100 },
    ]);
  });
});
