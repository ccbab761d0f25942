/**
 * The kept segmentation on the Athena path (issues 16 and 18): two weekly runs of one month reading what "Athena"
 * aggregated (here DuckDB, running the same aggregation on a growing export of the bundled sample, its results
 * written where and as Athena writes them), and the second scores its customers into the first's clusters.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { AthenaExecution } from '../../lambda/delivery/athena-results.ts';
import { runScheduledReport } from '../../lambda/delivery/scheduled-run.ts';
import { aggregateQueries } from '../../lambda/engine/aggregate/aggregate-sql.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import type { SegmentationModel } from '../../lambda/engine/clustering/saved/segmentation-model.ts';
import { AGGREGATE_QUERY_NAMES } from '../../lambda/vocabulary/aggregation-steps.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';
import {
  ONLINE_RETAIL_TABLE_COLUMNS,
  ONLINE_RETAIL_TABLE_ROLES,
  onlineRetailWarehouse,
} from '../support/online-retail-table.ts';
import { sampleSlice } from '../support/sample-data.ts';

const WEEKS = [
  { periodId: '2025-W11', run: '2025-03-17T07:00:00Z', upload: '2025-03-12T12:00:00Z', lines: 4000 },
  { periodId: '2025-W12', run: '2025-03-24T07:00:00Z', upload: '2025-03-19T12:00:00Z', lines: 6000 },
] as const;
const scratch: string[] = [];

afterAll(async () => {
  await Promise.all(scratch.map((file) => rm(file, { force: true })));
});

/** What Athena would write for each query of the aggregation of `csv`: DuckDB's results, under `aggregates/`. */
async function aggregateLikeAthena(
  world: MemoryDelivery,
  csv: string,
  runName: string,
  now: Date,
): Promise<AthenaExecution[]> {
  const input = join(tmpdir(), `kept-segmentation-${process.pid}-${runName}.csv`);
  scratch.push(input);
  await writeFile(input, csv);
  const names = ONLINE_RETAIL_TABLE_COLUMNS.map((name) => `'${name}'`).join(', ');
  const relation = `read_csv('${input}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', names = [${names}])`;
  const queries = aggregateQueries('duckdb', {
    relation,
    columns: ONLINE_RETAIL_TABLE_ROLES,
    dateLayout: 'ISO',
    decimalMark: '.',
    now,
  });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const executions: AthenaExecution[] = [];
    for (const name of AGGREGATE_QUERY_NAMES) {
      const output = join(tmpdir(), `kept-segmentation-${process.pid}-${runName}-${name}.csv`);
      scratch.push(output);
      await connection.run(`COPY (${queries[name]}) TO '${output}' (HEADER, FORCE_QUOTE *)`);
      const key = `aggregates/${runName}-${name}.csv`;
      world.store.put(key, new Uint8Array(await readFile(output)));
      executions.push({
        name,
        execution: {
          queryExecutionId: `${runName}-${name}`,
          outputLocation: `s3://${world.store.bucket}/${key}`,
        },
      });
    }
    return executions;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function readJson<T>(world: MemoryDelivery, key: string): Promise<T> {
  const stored = await world.store.readText(key);
  if (!stored) throw new Error(`nothing at ${key}`);
  return JSON.parse(stored.text) as T;
}

describe('weekly runs on the Athena path, within one month', () => {
  it('score the second week with the clusters the first fitted', async () => {
    const world = new MemoryDelivery(new Date(WEEKS[0].run), {
      warehouse: onlineRetailWarehouse({ use: 'always' }),
    });
    for (const week of WEEKS) {
      world.store.put(`incoming/export-${week.periodId}.csv`, sampleSlice(week.lines), new Date(week.upload));
    }

    for (const week of WEEKS) {
      world.clock.set(new Date(week.run));
      const aggregate = await aggregateLikeAthena(
        world,
        sampleSlice(week.lines),
        week.periodId,
        new Date(week.run),
      );
      expect(await runScheduledReport(world.context(week.periodId), 'weekly', { aggregate })).toMatchObject({
        status: 'sent',
        periodId: week.periodId,
      });
    }

    const folder = (periodId: string) => `reports/weekly/${periodId}/`;
    const first = await readJson<Analysis>(world, `${folder('2025-W11')}analysis.json`);
    const second = await readJson<Analysis>(world, `${folder('2025-W12')}analysis.json`);
    const model = await readJson<SegmentationModel>(world, `${folder('2025-W11')}model.json`);
    expect(first.input.aggregatedBy).toBe('athena');
    expect(first.clusters.scoredWith).toBeUndefined();
    expect(model.asOf).toBe(first.rfm?.asOf);
    expect(second.input.aggregatedBy).toBe('athena');
    expect(second.rfm?.asOf).not.toBe(model.asOf);
    expect(second.clusters.scoredWith).toMatchObject({ asOf: model.asOf });
    expect(second.clusters.clusters.map((cluster) => cluster.key)).toEqual(
      model.clusters.map((cluster) => cluster.key),
    );
  }, 120_000);
});
