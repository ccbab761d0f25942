/**
 * The Athena path's steps end to end on the local stand-ins (issue 16), as the state machine calls the schedule
 * function: `plan` answers the aggregation's queries in Athena's dialect (each parses as Trino) on the very files
 * the weekly run would read; "Athena" then runs them (here DuckDB, on the same file with the table's column names,
 * its results written to the local S3 under the aggregates prefix in the format Athena writes: a header, every value
 * in double quotes); `report` reads them under the run's claim and sends one report whose analysis equals the
 * function path's for the same week but for the path's fields, and which says Athena aggregated it. A retried report
 * step sends nothing more, and a plan for a done week stops before Athena. A result outside the aggregates prefix
 * stops the run without an email; a failed execution tells the data team in words, never with a stack trace.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import pkg from 'node-sql-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppConfigInput } from '../../lambda/config/app-config.ts';
import type { AggregationPlan } from '../../lambda/delivery/aggregation-plan.ts';
import type { AthenaExecution } from '../../lambda/delivery/athena-results.ts';
import { aggregateQueries } from '../../lambda/engine/aggregate/aggregate-sql.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { AGGREGATE_QUERY_NAMES } from '../../lambda/vocabulary/aggregation-steps.ts';
import {
  DATA_TEAM,
  EXECUTIVES,
  type LocalDelivery,
  recipientsOf,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import {
  ONLINE_RETAIL_TABLE_COLUMNS,
  ONLINE_RETAIL_TABLE_ROLES,
  onlineRetailWarehouse,
} from '../support/online-retail-table.ts';
import { SAMPLE_GZ } from '../support/sample-data.ts';

const { Parser } = pkg;
const AT = '2025-03-10T07:00:00.000Z';
const FILE = { key: 'incoming/sales-week-10.csv.gz', modified: new Date('2025-03-05T10:00:00Z') };
const COLUMNS = ONLINE_RETAIL_TABLE_COLUMNS;
const ROLES = ONLINE_RETAIL_TABLE_ROLES;
const warehouse = (overrides: Parameters<typeof onlineRetailWarehouse>[0] = {}): Partial<AppConfigInput> => ({
  warehouse: onlineRetailWarehouse({ use: 'always', ...overrides }),
});

let viaAthena: LocalDelivery;
let viaFunction: LocalDelivery;
let localFile: string;

beforeAll(async () => {
  localFile = join(tmpdir(), `athena-path-${process.pid}.csv`);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(localFile, gunzipSync(SAMPLE_GZ));
  // The function path without purchase diversity: SQL aggregates orders, not what each line bought, so the Athena
  // path clusters on R, F and M alone (aggregate/describe-log.ts); like is compared with like.
  [viaAthena, viaFunction] = await Promise.all([
    startLocalDelivery(warehouse()),
    startLocalDelivery({ inputs: { 'incoming/': { purchaseDiversity: false } } }),
  ]);
  for (const local of [viaAthena, viaFunction]) {
    await local.upload(FILE.key, SAMPLE_GZ);
    await local.backdate(FILE.key, FILE.modified);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([viaAthena?.stop(), viaFunction?.stop()]);
  await rm(localFile, { force: true });
});

beforeEach(async () => {
  await viaAthena.stack.clearEmails();
});

/** The schedule function as the state machine (or the scheduler, for the function path) invokes it at `AT`. */
const scheduleStep = (local: LocalDelivery) => local.scheduleHandler({ now: () => new Date(AT) });

/** What Athena would write for each planned query: DuckDB's run of the same aggregation, stored where Athena writes. */
async function runLikeAthena(
  local: LocalDelivery,
  plan: AggregationPlan,
  runName: string,
): Promise<AthenaExecution[]> {
  const relation = `read_csv('${localFile}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', names = [${COLUMNS.map((name) => `'${name}'`).join(', ')}])`;
  const queries = aggregateQueries('duckdb', {
    relation,
    columns: ROLES,
    dateLayout: 'ISO',
    decimalMark: '.',
    now: new Date(AT),
  });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const executions: AthenaExecution[] = [];
  try {
    for (const { name } of plan.queries) {
      const file = join(tmpdir(), `athena-path-${process.pid}-${name}.csv`);
      await connection.run(`COPY (${queries[name]}) TO '${file}' (HEADER, FORCE_QUOTE *)`);
      const key = `aggregates/${runName}-${name}.csv`;
      await local.upload(key, await readFile(file));
      await rm(file);
      executions.push({
        name,
        execution: {
          queryExecutionId: `${runName}-${name}`,
          outputLocation: `s3://${local.bucket}/${key}`,
          dataScannedBytes: SAMPLE_GZ.length,
        },
      });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return executions;
}

async function archivedAnalysis(local: LocalDelivery, periodId: string): Promise<Analysis> {
  const bytes = await local.readBytes(`reports/weekly/${periodId}/analysis.json`);
  if (!bytes) throw new Error(`no analysis for ${periodId}`);
  return JSON.parse(bytes.toString('utf8')) as Analysis;
}

describe('the Athena path, step by step', () => {
  it('plans Trino queries on the week’s files, reports once on their results, and equals the function path', async () => {
    const onSchedule = scheduleStep(viaAthena);

    const plan = (await onSchedule({ step: 'plan', kind: 'weekly', at: AT })) as AggregationPlan;

    expect(plan).toMatchObject({ status: 'planned', route: 'athena', periodId: '2025-W10' });
    expect(plan.queries.map((query) => query.name)).toEqual([...AGGREGATE_QUERY_NAMES]);
    const parser = new Parser();
    for (const { sql } of plan.queries) {
      expect(() => parser.astify(sql, { database: 'trino' })).not.toThrow();
      expect(sql).toContain(
        `FROM "segment_report"."transactions" WHERE "$path" IN ('s3://${viaAthena.bucket}/${FILE.key}')`,
      );
    }

    const aggregate = await runLikeAthena(viaAthena, plan, 'w10');
    const outcome = await onSchedule(
      { step: 'report', kind: 'weekly', at: AT, aggregate },
      { awsRequestId: 'sfn-report' },
    );

    expect(outcome).toMatchObject({ status: 'sent', periodId: '2025-W10', files: [FILE.key] });
    const emails = await viaAthena.stack.emails();
    expect(emails.map(recipientsOf)).toEqual([[...EXECUTIVES].sort()]);
    expect(emails[0]?.body.text).toContain(
      'The lines were aggregated into orders by Amazon Athena (SQL) with the same cleaning rules before this analysis.',
    );

    // The function path on the same file and week: the same analysis but for how the lines were read.
    const direct = await scheduleStep(viaFunction)({ kind: 'weekly' }, { awsRequestId: 'direct' });
    expect(direct).toMatchObject({ status: 'sent', periodId: '2025-W10' });
    const [athena, engine] = await Promise.all([
      archivedAnalysis(viaAthena, '2025-W10'),
      archivedAnalysis(viaFunction, '2025-W10'),
    ]);
    const { firstRejectedLine, aggregatedBy, encoding: _read, source, ...athenaInput } = athena.input;
    const { firstRejectedLine: _lines, encoding: _encoding, source: _source, ...engineInput } = engine.input;
    expect(aggregatedBy).toBe('athena');
    expect(firstRejectedLine).toEqual({});
    expect(source).toBe(`"segment_report"."transactions": s3://${viaAthena.bucket}/${FILE.key}`);
    expect(athenaInput).toEqual({ ...engineInput, columns: ROLES });
    expect({ ...athena, input: null }).toEqual({ ...engine, input: null });
  }, 120_000);

  it('sends nothing more when the state machine retries the report, and plans nothing for a done week', async () => {
    const onSchedule = scheduleStep(viaAthena);
    const plan = (await onSchedule({ step: 'plan', kind: 'weekly', at: AT })) as AggregationPlan;
    expect(plan).toEqual({ status: 'planned', route: 'done', periodId: '2025-W10', queries: [] });

    const aggregate = await runLikeAthena(
      viaAthena,
      { ...plan, queries: AGGREGATE_QUERY_NAMES.map((name) => ({ name, sql: '' })) },
      'retry',
    );
    const again = await onSchedule(
      { step: 'report', kind: 'weekly', at: AT, aggregate },
      { awsRequestId: 'sfn-retry' },
    );

    expect(again).toMatchObject({ status: 'duplicate', periodId: '2025-W10' });
    expect(await viaAthena.stack.emails()).toEqual([]);
  }, 60_000);

  it('refuses a result Athena did not write under the aggregates prefix, and sends nothing', async () => {
    const onSchedule = scheduleStep(viaAthena);
    const at = '2025-03-17T07:00:00.000Z';
    await viaAthena.upload('incoming/planted.csv', 'customer,order\n');
    const aggregate = AGGREGATE_QUERY_NAMES.map((name) => ({
      name,
      execution: { queryExecutionId: name, outputLocation: `s3://${viaAthena.bucket}/incoming/planted.csv` },
    }));

    await expect(onSchedule({ step: 'report', kind: 'weekly', at, aggregate })).rejects.toThrow(
      `Athena query orders (orders): its result is at s3://${viaAthena.bucket}/incoming/planted.csv, not under s3://${viaAthena.bucket}/aggregates/`,
    );
    expect(
      (await viaAthena.stack.emails()).filter((email) => recipientsOf(email).includes(EXECUTIVES[0])),
    ).toEqual([]);
  });

  it('tells the data team in words when a query failed, in the report’s language, without a stack trace', async () => {
    const onSchedule = scheduleStep(viaAthena);
    const athenaCause = JSON.stringify({
      QueryExecution: {
        QueryExecutionId: 'q-1',
        Status: { State: 'FAILED', StateChangeReason: 'Query exhausted resources at this scale factor' },
      },
    });
    const lambdaCause = JSON.stringify({
      errorType: 'AthenaResultError',
      errorMessage: 'Athena query q-2 (totals): no result file at s3://data/aggregates/q-2.csv',
      trace: ['AthenaResultError: Athena query q-2', '    at readResult (file:///var/task/index.mjs:1:2)'],
    });

    const failed = await onSchedule({
      task: 'aggregation-failed',
      kind: 'weekly',
      at: AT,
      error: 'States.TaskFailed',
      cause: athenaCause,
    });
    await onSchedule({
      task: 'aggregation-failed',
      kind: 'quarterly',
      at: AT,
      error: 'AthenaResultError',
      cause: lambdaCause,
    });

    expect(failed).toEqual({
      status: 'aggregation-failed',
      periodId: '2025-W10',
      messageId: expect.any(String),
    });
    const [athena, lambda] = await viaAthena.stack.emails();
    expect(recipientsOf(athena!)).toEqual([...DATA_TEAM]);
    expect(athena?.subject).toBe('Not sent: Weekly report 2025-W10 could not be aggregated');
    expect(athena?.body.text).toContain(
      'The aggregation of "segment_report"."transactions" for Weekly report 2025-W10 failed, so nothing was sent to the executives: States.TaskFailed: FAILED: Query exhausted resources at this scale factor.',
    );
    expect(lambda?.subject).toBe('Not sent: Quarterly review 2024-Q4 could not be aggregated');
    expect(lambda?.body.text).toContain(
      'AthenaResultError: Athena query q-2 (totals): no result file at s3://data/aggregates/q-2.csv.',
    );
    expect(lambda?.body.text).not.toContain('index.mjs');
  });

  it('refuses a step whose event is not one the state machine sends, naming what it expected', async () => {
    const onSchedule = scheduleStep(viaAthena);
    await expect(onSchedule({ step: 'plan', kind: 'weekly', at: 'last monday' })).rejects.toThrow(
      /schedule event: expected .* or a step of the aggregation state machine/,
    );
    await expect(
      onSchedule({
        step: 'report',
        kind: 'weekly',
        at: AT,
        aggregate: [{ name: 'customers', execution: {} }],
      }),
    ).rejects.toThrow(/schedule event/);
  });
});

describe('when the function keeps a run', () => {
  it('plans the function when the week’s files are under the configured size, and the report step reads the files', async () => {
    const local = await startLocalDelivery(warehouse({ use: 'over-size', overBytes: SAMPLE_GZ.length }));
    try {
      await local.upload(FILE.key, SAMPLE_GZ);
      await local.backdate(FILE.key, FILE.modified);
      const onSchedule = local.scheduleHandler();

      const plan = await onSchedule({ step: 'plan', kind: 'weekly', at: AT });
      const report = await onSchedule({ step: 'report', kind: 'weekly', at: AT, aggregate: [] });

      expect(plan).toEqual({ status: 'planned', route: 'function', periodId: '2025-W10', queries: [] });
      expect(report).toMatchObject({ status: 'sent', periodId: '2025-W10', files: [FILE.key] });
      expect((await archivedAnalysis(local, '2025-W10')).input.aggregatedBy).toBeUndefined();
    } finally {
      await local.stop();
    }
  }, 60_000);

  it('aggregates the whole table, whatever was uploaded, when it lies outside the input prefix', async () => {
    const local = await startLocalDelivery(warehouse({ location: 'lake/sales/', use: 'over-size' }));
    try {
      const plan = (await local.scheduleHandler()({
        step: 'plan',
        kind: 'quarterly',
        at: AT,
      })) as AggregationPlan;

      expect(plan).toMatchObject({ route: 'athena', periodId: '2024-Q4' });
      for (const { sql } of plan.queries) {
        expect(sql).toContain('FROM "segment_report"."transactions")');
        expect(sql).not.toContain('$path');
      }
    } finally {
      await local.stop();
    }
  });

  it('leaves an upload over the size to the weekly run on Athena: no report of its own, and not kept out as rejected', async () => {
    const local = await startLocalDelivery(warehouse({ use: 'over-size', overBytes: SAMPLE_GZ.length - 1 }));
    try {
      const [uploaded] = await local.uploadHandler()(await local.upload(FILE.key, SAMPLE_GZ));
      await local.backdate(FILE.key, FILE.modified);

      expect(uploaded).toEqual({ status: 'left-to-athena', messageId: expect.any(String) });
      const emails = await local.stack.emails();
      expect(emails.map(recipientsOf)).toEqual([[...DATA_TEAM]]);
      expect(emails[0]?.subject).toBe(`Left to the weekly report: s3://${local.bucket}/${FILE.key}`);
      expect(emails[0]?.body.text).toContain(
        `(${Math.round(SAMPLE_GZ.length / 1e6)} MB) is over the ${Math.round((SAMPLE_GZ.length - 1) / 1e6)} MB past which the configuration sends files to Athena`,
      );
      expect(await local.keys('rejected/')).toEqual([]);
      const plan = (await local.scheduleHandler()({
        step: 'plan',
        kind: 'weekly',
        at: AT,
      })) as AggregationPlan;
      expect(plan.route).toBe('athena');
      expect(plan.queries[0]?.sql).toContain(`"$path" IN ('s3://${local.bucket}/${FILE.key}')`);
    } finally {
      await local.stop();
    }
  }, 60_000);
});
