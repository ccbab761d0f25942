/**
 * The upload defects of the delivery issue, one test each, on the local S3 and SES with the real handlers: every
 * test would fail on the old behaviour its defect describes, and asserts the fix through what the executives and
 * the data team received and what the bucket holds. The handlers' clients go through fault proxies, armed only by
 * defects 1 and 2; every clock is injected and every wait advances it, so nothing sleeps for real.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import { uploadClaimKey } from '../../lambda/delivery/archive-layout.ts';
import type { HandlerDependencies } from '../../lambda/handlers/handler-dependencies.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import type { StoredEmail } from '../../local/local-ses.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { replayAsyncInvocation } from '../support/lambda-retries.ts';
import {
  DEFAULT_NOW,
  type FaultyLocalDelivery,
  type S3Event,
  TEST_CONFIG,
  eventKey,
  isToDataTeam,
  isToExecutives,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

const SLICE = sampleSlice(1500);
const FIRST_REPORT = 'first report: no comparison yet';
const COMPARED = 'since the previous report';
const SEND_PATH = { path: '/v2/email/outbound-emails' };

let local: FaultyLocalDelivery;

beforeAll(async () => {
  local = await startLocalDelivery({}, DEFAULT_NOW, { faults: true });
});

afterAll(async () => {
  await local.stop();
});

afterEach(async () => {
  local.faults.s3.clear();
  local.faults.ses.clear();
  await local.stack.clearEmails();
});

/** The upload handler at `moment`, its waits advancing a fake clock. */
function onUpload(moment: Date = DEFAULT_NOW, overrides: Partial<HandlerDependencies> = {}) {
  const clock = new FakeClock(moment);
  return local.uploadHandler({ now: () => clock.now(), sleep: (ms) => clock.sleep(ms), ...overrides });
}

/** A transaction log of `customers` customers `<prefix>001`..., 1 to 4 orders each; `date(n)` writes day n. */
function transactionLog(prefix: string, date: (day: number) => string, customers = 24): string {
  const lines = ['Invoice,Customer,Date,Amount'];
  for (let customer = 1; customer <= customers; customer++) {
    for (let order = 0; order <= customer % 4; order++) {
      const id = `${prefix}${String(customer).padStart(3, '0')}`;
      const amount = (10 + customer * 3.5 + order * 7).toFixed(2);
      lines.push(`${prefix}-${customer}-${order},${id},${date(1 + ((customer + order * 3) % 7))},${amount}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const isoMarch2024 = (day: number) => `2024-03-0${day}`;

function objectOf(event: S3Event, index = 0): { key: string; eTag: string } {
  const record = event.Records[index] as { s3: { object: { key: string; eTag: string } } };
  return record.s3.object;
}

/** The event as S3 would have sent it for an object created at `moment`. */
function createdAt(event: S3Event, moment: string): S3Event {
  return { Records: event.Records.map((record) => ({ ...(record as object), eventTime: moment })) };
}

async function executiveEmails(): Promise<StoredEmail[]> {
  return (await local.stack.emails()).filter(isToExecutives);
}

async function dataTeamEmails(): Promise<StoredEmail[]> {
  return (await local.stack.emails()).filter(isToDataTeam);
}

function attachedCsv(email: StoredEmail): string {
  return Buffer.from(email.attachments[0]?.content ?? '', 'base64').toString('utf8');
}

async function archivedText(key: string): Promise<string> {
  const bytes = await local.readBytes(key);
  if (!bytes) throw new Error(`nothing at ${key}`);
  return bytes.toString('utf8');
}

/**
 * S3 goes down for the handlers at their first archive write, mid-run: the claim is taken, and the run can neither
 * finish nor give the claim back.
 */
function s3DownFromFirstArchiveWrite() {
  let tripped = false;
  return local.faults.s3.down({
    match: {
      where: (request) => (tripped ||= request.method === 'PUT' && request.path.includes('/reports/')),
    },
  });
}

/** A header of a raw MIME message, unfolded. */
function headerOf(raw: Buffer, name: string): string | undefined {
  const head = (raw.toString('utf8').split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]+/g, ' ');
  const line = head
    .split('\r\n')
    .find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

describe('the upload defects of the delivery issue', () => {
  it('defect 1: a run that dies with S3 down mid-run is sent by a retry, never "done" with nothing sent', async () => {
    const key = 'incoming/defect-1-s3-down.csv';
    const event = await local.upload(key, SLICE);
    const down = s3DownFromFirstArchiveWrite();
    const claimAfterFirstAttempt: (string | undefined)[] = [];

    const attempts = await replayAsyncInvocation((at, context) => onUpload(at)(event, context), {
      start: DEFAULT_NOW,
      beforeRetry: async (attempt) => {
        if (attempt === 2) claimAfterFirstAttempt.push((await local.uploadClaim(key, event))?.state);
        down.disarm();
      },
    });

    expect(down.fired).toBeGreaterThan(0);
    expect(claimAfterFirstAttempt).toEqual(['claimed']);
    expect(await executiveEmails()).toHaveLength(1);
    // The dead run's claim lives until its 5-minute timeout: the +1 min retry asks to be retried, +3 min sends.
    expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'threw', 'returned']);
    const second = attempts[1];
    expect(second?.status === 'threw' && String(second.error)).toContain('RunInProgressError');
    expect(attempts[2]).toMatchObject({ outcome: [{ status: 'sent' }] });
    expect((await local.uploadClaim(key, event))?.state).toBe('sent');
  });

  it('defect 1: while S3 stays down, every attempt throws and the last one too: no silent success', async () => {
    const event = await local.upload('incoming/defect-1-s3-stays-down.csv', SLICE);
    s3DownFromFirstArchiveWrite();

    const attempts = await replayAsyncInvocation((at, context) => onUpload(at)(event, context), {
      start: DEFAULT_NOW,
    });

    expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'threw', 'threw']);
    expect(await local.stack.emails()).toEqual([]);
  });

  it.each([
    {
      fault: 'reset after SES accepted',
      arm: () => local.faults.ses.resetAfterAccepted({ match: SEND_PATH }),
    },
    { fault: '500 after SES accepted', arm: () => local.faults.ses.failAfterAccepted({ match: SEND_PATH }) },
  ])(
    'defect 2: $fault: one executive email, claim uncertain, one notice, every attempt throws',
    async ({ fault, arm }) => {
      const key = `incoming/defect-2-${fault.replace(/\W+/g, '-')}.csv`;
      const event = await local.upload(key, SLICE);
      const armed = arm();

      const attempts = await replayAsyncInvocation((at, context) => onUpload(at)(event, context), {
        start: DEFAULT_NOW,
      });

      expect(armed.fired).toBe(1);
      expect(await executiveEmails()).toHaveLength(1);
      expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'threw', 'threw']);
      const executiveRaw = local.stack
        .rawMessages()
        .filter(({ raw }) => headerOf(raw, 'To')?.includes('ceo@'));
      expect(executiveRaw).toHaveLength(1);
      expect((await local.uploadClaim(key, event))?.state).toBe('uncertain');
      const notices = await dataTeamEmails();
      expect(notices.map((notice) => notice.subject)).toEqual([
        `Check delivery: s3://${local.bucket}/${key}`,
      ]);
    },
  );

  it('defect 6: a day-first export of 1-7 March is rejected naming the setting, and read right once configured', async () => {
    const csv = transactionLog('D', (day) => `0${day}/03/2024`);

    const [rejected] = await onUpload()(await local.upload('incoming/defect-6-march.csv', csv));

    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(await executiveEmails()).toEqual([]);
    const [notice, ...others] = await dataTeamEmails();
    expect(others).toEqual([]);
    expect(notice?.body.text).toContain('can be read day-first or month-first');
    expect(notice?.body.text).toContain(
      'set `inputs["incoming/"].dateFormat` (DD/MM/YYYY or MM/DD/YYYY) in the configuration',
    );
    await local.stack.clearEmails();

    const config = parseAppConfig({
      ...TEST_CONFIG,
      inputs: { 'incoming/erp/': { dateFormat: 'DD/MM/YYYY' } },
    });
    const [sent] = await onUpload(DEFAULT_NOW, { config })(
      await local.upload('incoming/erp/defect-6-march.csv', csv),
    );

    expect(sent).toMatchObject({ status: 'sent' });
    const archive = (sent as { archive: string }).archive;
    const analysis = JSON.parse(await archivedText(`${archive}analysis.json`)) as Analysis;
    expect(analysis.period).toEqual({ firstPurchase: '2024-03-01', lastPurchase: '2024-03-07' });
    expect(analysis.rfm?.asOf).toBe('2024-03-08');
    const [email] = await executiveEmails();
    expect(email?.subject).toContain('Mar 1, 2024 to Mar 7, 2024');
  });

  it("defect 7: two shops' sales.csv in the same second: two archives, each email with its own customers", async () => {
    const sameSecond = '2025-03-05T08:59:59.000Z';
    const shops = ['A', 'B'] as const;
    const outcomes = [];
    for (const shop of shops) {
      const event = await local.upload(`incoming/shop${shop}/sales.csv`, transactionLog(shop, isoMarch2024));
      outcomes.push(...(await onUpload()(createdAt(event, sameSecond))));
    }

    const archives = outcomes.map((outcome) => (outcome as { archive: string }).archive);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
    expect(new Set(archives).size).toBe(2);
    const emails = await executiveEmails();
    expect(emails).toHaveLength(2);
    for (const [index, shop] of shops.entries()) {
      const runName = archives[index]?.split('/').at(-2);
      const email = emails.find(
        (candidate) => candidate.attachments[0]?.filename === `customers-upload-${runName}.csv`,
      );
      expect(email).toBeDefined();
      const csv = attachedCsv(email as StoredEmail);
      const ids = csv
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      expect(ids).toHaveLength(24);
      expect(ids.every((id) => id?.startsWith(shop))).toBe(true);
      expect(csv).toBe(await archivedText(`${archives[index]}customers.csv`));
    }
  });

  it('defect 8: a regional file is not compared with a national one; the same key or dataset again is', async () => {
    const national = await local.upload('incoming/defect-8-national.csv', sampleSlice(3000));
    await onUpload()(createdAt(national, '2025-03-01T09:00:00.000Z'));
    const regional = await local.upload('incoming/defect-8-regional.csv', sampleSlice(200));
    await onUpload()(createdAt(regional, '2025-03-02T09:00:00.000Z'));
    const [nationalEmail, regionalEmail] = await executiveEmails();

    expect(nationalEmail?.subject).toMatch(/revenue £[\d.]+K, /);
    expect(regionalEmail?.subject).toMatch(/revenue £[\d.]+K, \d+ customers$/);
    expect(regionalEmail?.body.text).toContain(FIRST_REPORT);
    expect(regionalEmail?.body.text).not.toContain(COMPARED);
    await local.stack.clearEmails();

    const again = await local.upload('incoming/defect-8-regional.csv', sampleSlice(400));
    await onUpload()(createdAt(again, '2025-03-03T09:00:00.000Z'));
    const config = parseAppConfig({
      ...TEST_CONFIG,
      inputs: { 'incoming/defect-8-erp/': { dataset: 'erp' } },
    });
    for (const [name, lines, day] of [
      ['jan', 300, '04'],
      ['feb', 600, '05'],
    ] as const) {
      const event = await local.upload(`incoming/defect-8-erp/${name}.csv`, sampleSlice(lines));
      await onUpload(DEFAULT_NOW, { config })(createdAt(event, `2025-03-${day}T09:00:00.000Z`));
    }
    const [regionalAgain, january, february] = await executiveEmails();

    expect(regionalAgain?.subject).toMatch(/revenue £[\d.]+K \([+−-][\d.]+%\)/);
    expect(regionalAgain?.body.text).toContain(COMPARED);
    expect(january?.body.text).toContain(FIRST_REPORT);
    expect(february?.body.text).toContain(COMPARED);
  });

  it('defect 9: SALES.CSV and Export.Csv.GZ are reported, an .xlsx is a data-team notice, a folder marker nothing', async () => {
    const handler = onUpload();
    const outcomes = [
      ...(await handler(await local.upload('incoming/SALES.CSV', SLICE))),
      ...(await handler(await local.upload('incoming/Export.Csv.GZ', gzipSync(sampleSlice(1000))))),
    ];
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
    expect(await executiveEmails()).toHaveLength(2);
    await local.stack.clearEmails();

    expect(
      await handler(await local.upload('incoming/notes.xlsx', 'PK\u0003\u0004 not a CSV')),
    ).toMatchObject([{ status: 'not-csv' }]);
    expect((await local.stack.emails()).map((email) => [isToDataTeam(email), email.subject])).toEqual([
      [true, `Not a CSV file: s3://${local.bucket}/incoming/notes.xlsx`],
    ]);
    await local.stack.clearEmails();

    const marker = await local.upload('incoming/erp/', new Uint8Array(0));
    expect(await handler(marker)).toEqual([{ status: 'ignored', reason: expect.any(String) }]);
    expect(await local.stack.emails()).toEqual([]);
    expect((await local.uploadClaim('incoming/erp/', marker))?.state).toBeUndefined();
  });

  it("defect 10: the raw message carries the claim's Message-ID and the run's Date, and a duplicate sends none", async () => {
    const key = 'incoming/defect-10-bytes.csv';
    const event = await local.upload(key, SLICE);
    const runMoment = new Date('2025-03-05T09:17:42Z');

    expect(await onUpload(runMoment)(event, { awsRequestId: 'first' })).toMatchObject([{ status: 'sent' }]);
    expect(await onUpload(runMoment)(event, { awsRequestId: 'again' })).toEqual([
      { status: 'duplicate', state: 'sent' },
    ]);

    const raw = local.stack.rawMessages();
    expect(raw).toHaveLength(1);
    const message = raw[0]?.raw ?? Buffer.alloc(0);
    const claimKey = uploadClaimKey(local.config.prefixes, local.bucket, key, objectOf(event).eTag);
    const claimDigest = createHash('sha256').update(claimKey).digest('hex').slice(0, 32);
    expect(headerOf(message, 'Message-ID')).toBe(`<${claimDigest}@segment-report.example>`);
    expect(Date.parse(headerOf(message, 'Date') ?? '')).toBe(runMoment.getTime());
  });

  it('defect 11: in one event of three records, an object deleted before the run is a notice, the others are sent', async () => {
    const keys = ['gone', 'second', 'third'].map((name) => `incoming/defect-11-${name}.csv`);
    const events = [];
    for (const [index, key] of keys.entries())
      events.push(await local.upload(key, sampleSlice(600 + index * 200)));
    const event = { Records: events.flatMap((single) => single.Records) };
    await local.s3.send(new DeleteObjectCommand({ Bucket: local.bucket, Key: keys[0] }));

    const outcomes = await onUpload()(event, { awsRequestId: 'three-records' });

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['missing', 'sent', 'sent']);
    expect(await executiveEmails()).toHaveLength(2);
    expect((await dataTeamEmails()).map((notice) => notice.subject)).toEqual([
      `File gone before it was read: s3://${local.bucket}/${keys[0]}`,
    ]);
    expect((await local.uploadClaim(keys[0] ?? '', events[0] as S3Event))?.state).toBe('skipped');
  });

  it('defect 12: keys with +, space, %, é and parentheses come URL-encoded as from AWS, and are reported', async () => {
    const files = [
      { key: 'incoming/a+b c.csv.gz', body: gzipSync(SLICE), encoded: 'incoming/a%2Bb+c.csv.gz' },
      { key: 'incoming/100% (é).csv', body: SLICE, encoded: 'incoming/100%25+%28%C3%A9%29.csv' },
    ];
    for (const { key, body, encoded } of files) {
      const event = await local.upload(key, body);
      expect(eventKey(event)).toBe(encoded);

      expect(await onUpload()(event)).toMatchObject([{ status: 'sent' }]);
      expect((await local.uploadClaim(key, event))?.state).toBe('sent');
    }
    const sources = (await executiveEmails()).map(
      (email) => /Source: (.*) \(/.exec(email.body.text ?? '')?.[1],
    );
    expect(sources).toEqual(['a+b c.csv.gz', '100% (é).csv']);
  });
});
