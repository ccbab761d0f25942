/**
 * The Athena path end to end with the SDK mocked at the client: each query the adapter starts is the aggregation's
 * Athena text on the Glue table, and parses as Trino; Athena's answers (RUNNING, then SUCCEEDED with a result
 * location) are followed with bounded polls; the result files are real ones in the format Athena writes (a header,
 * every value in double quotes), made by DuckDB running the same aggregation on Online Retail; and the analysis of
 * Athena's orders equals the engine's own but for the path's fields. A failed query, and one that never ends, stop
 * the run with the query's id.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaClient, GetQueryExecutionCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { DuckDBInstance } from '@duckdb/node-api';
import { mockClient } from 'aws-sdk-client-mock';
import pkg from 'node-sql-parser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AthenaQueryError, aggregateWithAthena } from '../../lambda/adapters/athena-aggregate.ts';
import { aggregateQueries, type AggregateSource } from '../../lambda/engine/aggregate/aggregate-sql.ts';
import { analyzeAggregatedLog } from '../../lambda/engine/aggregate/analyze-aggregate.ts';
import type { AnalysisResult } from '../../lambda/engine/analysis/analysis-types.ts';
import { AFTER_ALL_DATA, ONLINE_RETAIL, ONLINE_RETAIL_ROLES } from '../../tools/real-data.ts';
import { analyzeFile } from '../support/analyze-file.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';

const { Parser } = pkg;
const TARGET = { database: 'sales', table: 'online_retail', workGroup: 'segment-report' };
const SOURCE: Omit<AggregateSource, 'relation'> = {
  columns: { ...ONLINE_RETAIL_ROLES },
  dateLayout: 'ISO',
  decimalMark: '.',
  now: AFTER_ALL_DATA,
};
const QUERIES = ['orders', 'rejections', 'totals'] as const;
const NO_WAIT = { sleep: async () => undefined, intervalMs: 1000, maxPolls: 5 };

const athenaMock = mockClient(AthenaClient);
/** Athena's result files for each query, as it writes them: made by DuckDB on the same lines. */
const resultFiles = new Map<(typeof QUERIES)[number], string>();
let engine: AnalysisResult;

beforeAll(async () => {
  engine = await analyzeFile(ONLINE_RETAIL);
  const relation = `read_csv('${ONLINE_RETAIL}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  const queries = aggregateQueries('duckdb', { ...SOURCE, relation }, 'table');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TEMP TABLE lines AS ${queries.lines}`);
  for (const query of QUERIES) {
    const file = join(tmpdir(), `athena-result-${process.pid}-${query}.csv`);
    await connection.run(`COPY (${queries[query]}) TO '${file}' (HEADER, FORCE_QUOTE *)`);
    resultFiles.set(query, await readFile(file, 'utf8'));
    await rm(file);
  }
  connection.closeSync();
  instance.closeSync();
}, 120_000);

afterEach(() => {
  athenaMock.reset();
});

/** Athena as the mock plays it: each started query RUNNING once, then SUCCEEDED with its result file written. */
function playAthena(store: MemoryObjectStore): string[] {
  const started: string[] = [];
  athenaMock.on(StartQueryExecutionCommand).callsFake((input: { QueryString: string }) => {
    started.push(input.QueryString);
    const id = `query-${started.length}`;
    const query = QUERIES[started.length - 1];
    store.put(`athena-results/${id}.csv`, resultFiles.get(query ?? 'orders') ?? '');
    return { QueryExecutionId: id };
  });
  const looks = new Map<string, number>();
  athenaMock.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => {
    const id = input.QueryExecutionId;
    looks.set(id, (looks.get(id) ?? 0) + 1);
    const done = (looks.get(id) ?? 0) > 1;
    return {
      QueryExecution: {
        QueryExecutionId: id,
        Status: { State: done ? 'SUCCEEDED' : 'RUNNING' },
        ResultConfiguration: { OutputLocation: `s3://${store.bucket}/athena-results/${id}.csv` },
      },
    };
  });
  return started;
}

describe('the Athena aggregation', () => {
  it('runs the Athena text on the table and gives the engine’s analysis of Online Retail', async () => {
    const store = new MemoryObjectStore('athena-results-bucket');
    const started = playAthena(store);

    const aggregate = await aggregateWithAthena(new AthenaClient({}), store, TARGET, SOURCE, NO_WAIT);

    const expected = aggregateQueries('athena', { ...SOURCE, relation: '"sales"."online_retail"' });
    expect(started).toEqual(QUERIES.map((query) => expected[query]));
    for (const sql of started) expect(() => new Parser().astify(sql, { database: 'trino' })).not.toThrow();
    expect(athenaMock.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toMatchObject({
      WorkGroup: 'segment-report',
      QueryExecutionContext: { Database: 'sales' },
    });
    const viaAthena = analyzeAggregatedLog(
      {
        engine: 'athena',
        columns: engine.analysis.input.columns,
        delimiter: ',',
        decimalMark: '.',
        rowsRead: aggregate.rowsRead,
        rejections: aggregate.rejections,
        orders: aggregate.orders,
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

  it('stops with the query’s id when Athena says it failed', async () => {
    const store = new MemoryObjectStore('athena-results-bucket');
    athenaMock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'query-9' });
    athenaMock.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: { State: 'FAILED', StateChangeReason: 'TABLE_NOT_FOUND: sales.online_retail' },
      },
    });

    await expect(aggregateWithAthena(new AthenaClient({}), store, TARGET, SOURCE, NO_WAIT)).rejects.toThrow(
      new AthenaQueryError('Athena query query-9 failed: TABLE_NOT_FOUND: sales.online_retail'),
    );
  });

  it('stops after its polls when a query never ends', async () => {
    const store = new MemoryObjectStore('athena-results-bucket');
    athenaMock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'query-7' });
    athenaMock.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: 'RUNNING' } } });

    await expect(aggregateWithAthena(new AthenaClient({}), store, TARGET, SOURCE, NO_WAIT)).rejects.toThrow(
      'Athena query query-7 did not end within 5 polls',
    );
    expect(athenaMock.commandCalls(GetQueryExecutionCommand)).toHaveLength(5);
  });
});
