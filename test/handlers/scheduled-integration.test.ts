/**
 * The weekly report and the quarterly review end to end on the local stand-ins. Files are uploaded through the
 * upload handler, then given the modification time of the week or quarter they belong to (scheduled runs pick
 * files by it); the schedule handler runs with `now` injected, as EventBridge Scheduler would invoke it on
 * those Mondays and quarter starts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import type { SegmentMigration } from '../../lambda/engine/migration/segment-migration.ts';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import type { StoredEmail } from '../../local/local-ses.ts';
import {
  DATA_TEAM,
  EXECUTIVES,
  type LocalDelivery,
  isToExecutives,
  recipientsOf,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { SAMPLE_GZ, sampleSlice } from '../support/sample-data.ts';

/** Three files: a slice of the sample in week 10 of 2025, the whole sample in week 11, another slice in May. */
const FILES = [
  { key: 'incoming/week-10-slice.csv', body: sampleSlice(8000), modified: '2025-03-05T10:00:00Z' },
  { key: 'incoming/week-11-full.csv.gz', body: SAMPLE_GZ, modified: '2025-03-12T10:00:00Z' },
  { key: 'incoming/may-slice.csv', body: sampleSlice(15000), modified: '2025-05-14T10:00:00Z' },
] as const;

let local: LocalDelivery;

beforeAll(async () => {
  local = await startLocalDelivery();
  const onUpload = local.uploadHandler();
  for (const file of FILES) {
    const [outcome] = await onUpload(await local.upload(file.key, file.body));
    expect(outcome?.status).toBe('sent');
    await local.backdate(file.key, new Date(file.modified));
  }
});

afterAll(async () => {
  await local.stop();
});

beforeEach(async () => {
  await local.stack.clearEmails();
});

function runAt(moment: string) {
  return local.scheduleHandler({ now: () => new Date(moment) });
}

async function readJson<T>(key: string): Promise<T> {
  const bytes = await local.readBytes(key);
  if (!bytes) throw new Error(`nothing at ${key}`);
  return JSON.parse(bytes.toString('utf8')) as T;
}

async function onlyEmail(): Promise<StoredEmail> {
  const emails = await local.stack.emails();
  expect(emails).toHaveLength(1);
  return emails[0] as StoredEmail;
}

describe('the weekly report', () => {
  it('compares with the previous weekly report', async () => {
    const first = await runAt('2025-03-10T07:00:00Z')({ kind: 'weekly' }, { awsRequestId: 'week-11-run' });

    expect(first).toEqual({
      status: 'sent',
      periodId: '2025-W10',
      messageId: expect.any(String),
      archive: 'reports/weekly/2025-W10/',
      files: ['incoming/week-10-slice.csv'],
    });
    const firstEmail = await onlyEmail();
    expect(recipientsOf(firstEmail)).toEqual([...EXECUTIVES].sort());
    // The sample's orders are of 2010-2011: the week of 2025 has none, and the subject says so.
    expect(firstEmail.subject).toMatch(
      /^Weekly report, Mar 3, 2025 to Mar 9, 2025: no orders in the file \(its last order is on [A-Z][a-z]{2} \d{1,2}, 2011\)$/,
    );
    expect(firstEmail.body.text).toContain('first report: no comparison yet');
    await local.stack.clearEmails();

    const second = await runAt('2025-03-17T07:00:00Z')({ kind: 'weekly' }, { awsRequestId: 'week-12-run' });

    expect(second).toMatchObject({
      status: 'sent',
      periodId: '2025-W11',
      files: ['incoming/week-11-full.csv.gz'],
    });
    const previous = await readJson<Analysis>('reports/weekly/2025-W10/analysis.json');
    const current = await readJson<Analysis>('reports/weekly/2025-W11/analysis.json');
    expect(current.kpis.customers).toBe(442);
    expect(previous.kpis.customers).toBeLessThan(current.kpis.customers);
    const revenueChange = ((current.kpis.revenue / previous.kpis.revenue - 1) * 100).toFixed(1);
    const email = await onlyEmail();
    expect(isToExecutives(email)).toBe(true);
    // The subject names the week reported on (2025-W11) and what it holds; the body compares the whole file
    // with the previous weekly report, under the file's own dates.
    expect(email.subject).toBe(
      'Weekly report, Mar 10, 2025 to Mar 16, 2025: no orders in the file (its last order is on Dec 9, 2011)',
    );
    expect(email.body.text).toContain(`\nRevenue: £833,274 (+${revenueChange}%)\n`);
    expect(email.body.text).toContain('Dec 1, 2010 to Dec 9, 2011');
    expect(email.body.text).not.toContain('first report: no comparison yet');
    expect(email.body.text).toContain('since the previous report');
    expect(await readJson<ClaimRecord>('runs/weekly/2025-W11.json')).toMatchObject({
      runId: 'week-12-run',
      state: 'sent',
    });
  });

  it('tells the data team, and not the executives, when no file came during the week', async () => {
    const outcome = await runAt('2025-03-24T07:00:00Z')({ kind: 'weekly' }, { awsRequestId: 'empty-week' });

    expect(outcome).toEqual({ status: 'no-new-data', periodId: '2025-W12', messageId: expect.any(String) });
    const notice = await onlyEmail();
    expect(recipientsOf(notice)).toEqual([...DATA_TEAM]);
    expect(notice.subject).toBe('No new data for the weekly report (2025-W12 (2025-03-17 – 2025-03-23))');
    expect(notice.body.text).toContain(`No file was received under s3://${local.bucket}/incoming/`);
    expect(notice.body.text).toContain(`The newest file is s3://${local.bucket}/incoming/may-slice.csv.`);
    expect(await local.keys('reports/weekly/2025-W12/')).toEqual([]);
    expect(await readJson<ClaimRecord>('runs/weekly/2025-W12.json')).toMatchObject({
      state: 'skipped',
      detail: 'no new data',
    });
  });

  it('runs once per week, however often the schedule fires', async () => {
    const onSchedule = runAt('2025-03-31T07:00:00Z');

    const outcomes = await Promise.allSettled([
      onSchedule({ kind: 'weekly' }, { awsRequestId: 'fire-1' }),
      onSchedule({ kind: 'weekly' }, { awsRequestId: 'fire-2' }),
    ]);
    const again = await onSchedule({ kind: 'weekly' }, { awsRequestId: 'fire-3' });

    const statuses = outcomes.map((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value.status : String(outcome.reason),
    );
    expect(statuses.filter((status) => status === 'no-new-data')).toHaveLength(1);
    // The other one saw the run done, or failed so that the scheduler retries it: never a silent success.
    expect(statuses.find((status) => status !== 'no-new-data')).toMatch(/^duplicate$|^RunInProgressError/);
    expect(again).toEqual({ status: 'duplicate', periodId: '2025-W13', state: 'skipped' });
    expect(await local.stack.emails()).toHaveLength(1);
  });

  it('rejects a schedule event that names no known report', async () => {
    await expect(runAt('2025-03-31T07:00:00Z')({ kind: 'monthly' })).rejects.toThrow(
      'schedule event: expected {"kind":"weekly"}, {"kind":"quarterly"}, {"task":"expire-held"} or a step of the aggregation state machine',
    );
    expect(await local.stack.emails()).toEqual([]);
  });
});

describe('the quarterly review', () => {
  it('shows how customers moved since the previous review, and archives the migration', async () => {
    const first = await runAt('2025-04-01T06:00:00Z')({ kind: 'quarterly' }, { awsRequestId: 'q1-review' });

    expect(first).toMatchObject({
      status: 'sent',
      periodId: '2025-Q1',
      files: ['incoming/week-11-full.csv.gz'],
    });
    const firstEmail = await onlyEmail();
    expect(isToExecutives(firstEmail)).toBe(true);
    expect(firstEmail.subject).toMatch(/^Quarterly review, /);
    expect(firstEmail.body.html).not.toContain('How customers moved since the last review');
    expect(await local.keys('reports/quarterly/2025-Q1/')).not.toContain(
      'reports/quarterly/2025-Q1/migration.json',
    );
    await local.stack.clearEmails();

    const second = await runAt('2025-07-01T06:00:00Z')({ kind: 'quarterly' }, { awsRequestId: 'q2-review' });

    expect(second).toMatchObject({ status: 'sent', periodId: '2025-Q2', files: ['incoming/may-slice.csv'] });
    const email = await onlyEmail();
    expect(isToExecutives(email)).toBe(true);
    expect(email.body.html).toContain('How customers moved since the last review');
    expect(email.body.text).toContain('HOW CUSTOMERS MOVED SINCE THE LAST REVIEW');
    const migration = await readJson<SegmentMigration>('reports/quarterly/2025-Q2/migration.json');
    const current = await readJson<Analysis>('reports/quarterly/2025-Q2/analysis.json');
    // The May file is a slice of the whole sample: nobody is new, and everyone else was not seen this time.
    expect(migration.newCustomers).toBe(0);
    expect(migration.goneCustomers).toBe(442 - current.kpis.customers);
    expect(migration.stayed + migration.movedUp + migration.movedDown).toBe(current.kpis.customers);
    expect(migration.movedUp + migration.movedDown).toBeGreaterThan(0);
    expect(email.body.text).toContain(
      `${migration.stayed} customers stayed in their segment, ${migration.movedUp} moved up, ${migration.movedDown} moved down; 0 are new and ${migration.goneCustomers} did not appear this time.`,
    );
  });
});
