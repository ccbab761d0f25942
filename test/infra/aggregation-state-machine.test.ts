/**
 * The Athena path's state machine end to end (issue 16): the definition CDK synthesises, run by a local Amazon
 * States Language interpreter (test/support/local-state-machine.ts), its Lambda tasks calling the real schedule
 * handler on the local S3 and SES, Athena played by DuckDB on the same file. So the contract between the states'
 * paths and the function's events is tested as deployed, not by hand-made events: the weekly run plans, runs the
 * three queries, reports once (the email says Athena aggregated it); a second execution for the same week stops at
 * `AlreadyDone` with no email and no query; a query that fails reaches the data team in words and fails the
 * execution (the alarm's metric), with no executive email.
 */
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import {
  DATA_TEAM,
  EXECUTIVES,
  type LocalDelivery,
  recipientsOf,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { type AthenaPlay, runLocally, synthesisedDefinition } from './support/local-state-machine.ts';
import {
  ONLINE_RETAIL_TABLE_COLUMNS,
  ONLINE_RETAIL_TABLE_ROLES,
  onlineRetailWarehouse,
} from '../support/online-retail-table.ts';
import { SAMPLE_GZ } from '../support/sample-data.ts';

const FILE = { key: 'incoming/sales-week-10.csv.gz', modified: new Date('2025-03-05T10:00:00Z') };
/** The Monday the weekly schedule starts the state machine (the execution's start is the run's moment). */
const MONDAY = new Date('2025-03-10T07:00:00.000Z');
/** The first Monday of the next quarter: the quarterly review of 2025-Q1, which holds the file. */
const QUARTER_START = new Date('2025-04-07T06:00:00.000Z');

let local: LocalDelivery;
let definition: object;
let localFile: string;

beforeAll(async () => {
  definition = synthesisedDefinition();
  localFile = join(tmpdir(), `state-machine-${process.pid}.csv`);
  await writeFile(localFile, gunzipSync(SAMPLE_GZ));
  local = await startLocalDelivery({ warehouse: onlineRetailWarehouse({ use: 'always' }) });
  await local.upload(FILE.key, SAMPLE_GZ);
  await local.backdate(FILE.key, FILE.modified);
}, 120_000);

afterAll(async () => {
  await local?.stop();
  await rm(localFile, { force: true });
});

beforeEach(async () => {
  await local.stack.clearEmails();
});

/** Starts an execution as the schedule would at `moment`. */
function startAt(moment: Date, kind: 'weekly' | 'quarterly', athena: AthenaPlay) {
  return runLocally(definition, local, { kind }, athena, moment);
}

const duckDb = (now: Date): AthenaPlay => ({
  file: localFile,
  columns: ONLINE_RETAIL_TABLE_COLUMNS,
  source: { columns: ONLINE_RETAIL_TABLE_ROLES, dateLayout: 'ISO', decimalMark: '.' },
  now,
});

describe('the Athena path’s state machine, run locally', () => {
  it('plans, runs the three queries in Athena’s dialect, and reports once', async () => {
    const { outcome, queries } = await startAt(MONDAY, 'weekly', duckDb(MONDAY));

    expect(outcome).toEqual({
      status: 'succeeded',
      output: expect.objectContaining({ status: 'sent', periodId: '2025-W10', files: [FILE.key] }),
    });
    expect(queries).toHaveLength(3);
    for (const query of queries) {
      expect(query).toContain(`"$path" IN ('s3://${local.bucket}/${FILE.key}')`);
      expect(query).toContain('try(date_parse(');
    }
    const emails = await local.stack.emails();
    expect(emails.map(recipientsOf)).toEqual([[...EXECUTIVES].sort()]);
    expect(emails[0]?.body.text).toContain('aggregated into orders by Amazon Athena');
    const archived = await local.readBytes('reports/weekly/2025-W10/analysis.json');
    const analysis = JSON.parse(archived?.toString('utf8') ?? '{}') as Analysis;
    expect(analysis.input.aggregatedBy).toBe('athena');
    expect(analysis.kpis.customers).toBe(442);
  }, 120_000);

  it('stops before Athena when the week’s report is done, however often the schedule starts it', async () => {
    const { outcome, queries } = await startAt(MONDAY, 'weekly', duckDb(MONDAY));

    expect(outcome).toEqual({
      status: 'succeeded',
      output: expect.objectContaining({ kind: 'weekly', plan: { route: 'done', queries: [] } }),
    });
    expect(queries).toEqual([]);
    expect(await local.stack.emails()).toEqual([]);
  }, 60_000);

  it('tells the data team in words when a query fails, fails the execution, and sends the executives nothing', async () => {
    const reason = 'Query exhausted resources at this scale factor';

    const { outcome, queries } = await startAt(QUARTER_START, 'quarterly', { fails: reason });

    expect(outcome).toMatchObject({ status: 'failed', error: 'States.TaskFailed' });
    expect(queries.length).toBeGreaterThan(0);
    const emails = await local.stack.emails();
    expect(emails.map(recipientsOf)).toEqual([[...DATA_TEAM]]);
    expect(emails[0]?.subject).toBe('Not sent: Quarterly review 2025-Q1 could not be aggregated');
    expect(emails[0]?.body.text).toContain(`States.TaskFailed: FAILED: ${reason}`);
    expect(await local.keys('reports/quarterly/')).toEqual([]);
  }, 60_000);
});
