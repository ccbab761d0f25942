/**
 * The scheduled-run defects of the delivery issue, one test each, on the local S3 and SES with the real handlers.
 * Each test has a bucket of its own, so that the weekly series one builds is not another's history. Files are
 * given the modification time of the week they belong to (scheduled runs pick files by it) and the schedule
 * handler runs as EventBridge Scheduler invokes it on those Mondays, with an injected clock that never sleeps.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { AppConfigInput } from '../../lambda/config/app-config.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import type { StoredEmail } from '../../local/local-ses.ts';
import { FakeClock } from '../support/fake-clock.ts';
import {
  type LocalDelivery,
  TEST_CONFIG,
  isToDataTeam,
  isToExecutives,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

/**
 * Runs `test` on a local S3 and SES of its own, stopped afterwards. The SES stand-in keeps its emails in one store
 * per process, whichever stack received them: it starts empty.
 */
async function withLocal(config: Partial<AppConfigInput>, test: (local: LocalDelivery) => Promise<void>) {
  const local = await startLocalDelivery(config);
  await local.stack.clearEmails();
  try {
    await test(local);
  } finally {
    await local.stop();
  }
}

/** The schedule handler at `moment`, its waits advancing a fake clock. */
function scheduleAt(local: LocalDelivery, moment: string) {
  const clock = new FakeClock(new Date(moment));
  return local.scheduleHandler({ now: () => clock.now(), sleep: (ms) => clock.sleep(ms) });
}

function uploadAt(local: LocalDelivery, moment: Date) {
  const clock = new FakeClock(moment);
  return local.uploadHandler({ now: () => clock.now(), sleep: (ms) => clock.sleep(ms) });
}

/** Puts a file under `incoming/` as if uploaded at `modified` (the upload handler is not run). */
async function dropFile(local: LocalDelivery, key: string, body: string, modified: string): Promise<void> {
  await local.upload(key, body);
  await local.backdate(key, new Date(modified));
}

async function readJson<T>(local: LocalDelivery, key: string): Promise<T> {
  const bytes = await local.readBytes(key);
  if (!bytes) throw new Error(`nothing at ${key}`);
  return JSON.parse(bytes.toString('utf8')) as T;
}

async function onlyExecutiveEmail(local: LocalDelivery): Promise<StoredEmail> {
  const emails = await local.stack.emails();
  expect(emails.map(isToExecutives)).toEqual([true]);
  return emails[0] as StoredEmail;
}

type Corruption = (analysis: Record<string, Record<string, unknown>>) => void;

describe('the scheduled defects of the delivery issue', () => {
  it.each<{ variant: string; corrupt: Corruption }>([
    {
      variant: 'revenue null',
      corrupt: (analysis) => void (analysis.kpis = { ...analysis.kpis, revenue: null }),
    },
    {
      variant: 'fields of the wrong type',
      corrupt: (analysis) => {
        analysis.kpis = { ...analysis.kpis, customers: '442', averageOrderValue: 'n/a' };
        analysis.rfm = { ...analysis.rfm, segments: {} };
      },
    },
  ])(
    'defect 3: an archived weekly analysis with $variant is skipped with a note, and the weeks after it are sent',
    async ({ corrupt }) =>
      withLocal({}, async (local) => {
        await dropFile(local, 'incoming/week-09.csv', sampleSlice(1000), '2025-02-26T10:00:00Z');
        await dropFile(local, 'incoming/week-10.csv', sampleSlice(1500), '2025-03-05T10:00:00Z');
        await dropFile(local, 'incoming/week-11.csv', sampleSlice(2000), '2025-03-12T10:00:00Z');
        expect(await scheduleAt(local, '2025-03-03T07:00:00Z')({ kind: 'weekly' })).toMatchObject({
          status: 'sent',
          periodId: '2025-W09',
        });
        const archived = 'reports/weekly/2025-W09/analysis.json';
        const analysis = await readJson<Record<string, Record<string, unknown>>>(local, archived);
        expect(analysis.schemaVersion).toBe(1);
        corrupt(analysis);
        await local.s3.send(
          new PutObjectCommand({ Bucket: local.bucket, Key: archived, Body: JSON.stringify(analysis) }),
        );
        await local.stack.clearEmails();

        const week10 = await scheduleAt(local, '2025-03-10T07:00:00Z')({ kind: 'weekly' });

        expect(week10).toMatchObject({
          status: 'sent',
          periodId: '2025-W10',
          files: ['incoming/week-10.csv'],
        });
        const email = await onlyExecutiveEmail(local);
        for (const part of [email.subject, email.body.html ?? '', email.body.text ?? '']) {
          expect(part).not.toMatch(/∞|NaN|Infinity/);
        }
        expect(email.body.text).toContain('The archived report 2025-W09 could not be read (');
        expect(email.body.text).toContain('so it was left out of the comparison');
        expect(email.body.text).toContain('first report: no comparison yet');
        await local.stack.clearEmails();

        const week11 = await scheduleAt(local, '2025-03-17T07:00:00Z')({ kind: 'weekly' });

        expect(week11).toMatchObject({
          status: 'sent',
          periodId: '2025-W11',
          files: ['incoming/week-11.csv'],
        });
        const [previous, current] = await Promise.all(
          ['2025-W10', '2025-W11'].map((week) =>
            readJson<Analysis>(local, `reports/weekly/${week}/analysis.json`),
          ),
        );
        const change = (((current?.kpis.revenue ?? 0) / (previous?.kpis.revenue ?? 0) - 1) * 100).toFixed(1);
        const next = await onlyExecutiveEmail(local);
        // The sample's orders are of 2010-2011: the week has none, and the subject says so; the whole file's
        // figures are compared with the previous weekly report in the body.
        expect(next.subject).toMatch(/^Weekly report, Mar 10, 2025 to Mar 16, 2025: no orders in the file /);
        expect(next.body.text).toMatch(
          new RegExp(`\\nRevenue: £[\\d,]+ \\(\\+${change.replace('.', '\\.')}%\\)\\n`),
        );
        expect(next.body.text).toContain('since the previous report');
        expect(next.body.text).not.toContain('could not be read');
      }),
  );

  it('defect 4: a rejected file corrected under the same key is reported, and in the next weekly report', () =>
    withLocal({}, async (local) => {
      const key = 'incoming/sales.csv';
      const upload = uploadAt(local, new Date('2025-05-14T10:00:00Z'));

      const [rejected] = await upload(
        await local.upload(key, 'Invoice,Customer,Date,Amount\n1,C1,2024-01-01,"10\n'),
      );

      expect(rejected).toMatchObject({ status: 'rejected' });
      const errorReport = (rejected as { errorReport: string }).errorReport;
      expect(errorReport).toMatch(/^rejected\/incoming\/sales\.csv\/[0-9a-f]{32}-[0-9a-f]{12}\.error\.json$/);
      expect(await local.readBytes(errorReport)).not.toBeNull();
      const notices = await local.stack.emails();
      expect(notices.map((notice) => [isToDataTeam(notice), notice.subject])).toEqual([
        [true, `File rejected: s3://${local.bucket}/${key}`],
      ]);
      await local.stack.clearEmails();

      const [corrected] = await upload(await local.upload(key, sampleSlice(1500)));

      expect(corrected).toMatchObject({ status: 'sent' });
      expect((await onlyExecutiveEmail(local)).body.text).toContain('Source: sales.csv');
      await local.stack.clearEmails();
      await local.backdate(key, new Date('2025-05-14T10:00:00Z'));

      const weekly = await scheduleAt(local, '2025-05-19T07:00:00Z')({ kind: 'weekly' });

      expect(weekly).toMatchObject({ status: 'sent', periodId: '2025-W20', files: [key] });
      expect((await onlyExecutiveEmail(local)).subject).toMatch(
        /^Weekly report, May 12, 2025 to May 18, 2025: /,
      );
    }));

  it("defect 5: a file of Sunday 20:00 in Los Angeles is in Monday 07:00's weekly report there", () =>
    withLocal({ report: { ...TEST_CONFIG.report, timeZone: 'America/Los_Angeles' } }, async (local) => {
      // Sunday 15 June 2025, 20:00 PDT: already Monday in UTC.
      await dropFile(local, 'incoming/sunday-evening.csv', sampleSlice(1500), '2025-06-15T20:00:00-07:00');

      const weekly = await scheduleAt(local, '2025-06-16T07:00:00-07:00')({ kind: 'weekly' });

      expect(weekly).toMatchObject({
        status: 'sent',
        periodId: '2025-W24',
        files: ['incoming/sunday-evening.csv'],
      });
      expect((await onlyExecutiveEmail(local)).subject).toMatch(
        /^Weekly report, Jun 9, 2025 to Jun 15, 2025: /,
      );
    }));
});
