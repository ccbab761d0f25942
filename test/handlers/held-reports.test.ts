/**
 * Issue 15 end to end on the local S3 and SES, with the real handlers and the product's default checks: Online
 * Retail's weeks uploaded one file a week, the weekly report run each Monday. A full week is sent as before the
 * hold; a file of one day of its week is held (the data team told why, nothing to the executives); a release by an
 * approval object sends it once, identical to what was held, however many releases come at once; a discard records
 * who and why and sends nothing; a held report nobody decides expires with a reminder and is never sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRecordKey, scheduleClaimKey } from '../../lambda/delivery/archive-layout.ts';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import { decideHeldReport } from '../../lambda/delivery/held-report-decision.ts';
import type { HoldRecord } from '../../lambda/delivery/hold-record.ts';
import { deliveryContextFor } from '../../lambda/handlers/invocation-context.ts';
import type { StoredEmail } from '../../local/local-ses.ts';
import { HOLD_DEFAULTS } from '../support/hold-settings.ts';
import {
  type LocalDelivery,
  type S3Event,
  isToDataTeam,
  isToExecutives,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { decodedBody, headerOf, type MimePart, parseMime } from '../support/mime-parts.ts';
import { RETAIL_HEADER, retailLinesByWeek } from '../support/online-retail-weeks.ts';

const WEEKS = retailLinesByWeek();
const HOUR_MS = 3_600_000;
/** Two hours after the held weekly run of 2011-W47. */
const RELEASE_AT = '2011-11-28T09:00:00Z';

let local: LocalDelivery;

beforeAll(async () => {
  local = await startLocalDelivery({ hold: HOLD_DEFAULTS });
});

afterAll(async () => {
  await local.stop();
});

/** The week's raw lines (all of them, or only its first day's) as one upload, modified on the week's Sunday. */
async function uploadWeek(monday: string, onlyFirstDay: boolean): Promise<void> {
  const lines = (WEEKS.get(monday) ?? []).filter((line) => !onlyFirstDay || line.includes(`${monday} `));
  expect(lines.length).toBeGreaterThan(100);
  const key = `incoming/retail-${monday}${onlyFirstDay ? '-monday-only' : ''}.csv`;
  await local.upload(key, `${RETAIL_HEADER}\n${lines.join('\n')}\n`);
  await local.backdate(key, new Date(`${monday}T12:00:00Z`));
}

function weeklyRunAt(moment: string, requestId: string) {
  return local.scheduleHandler({ now: () => new Date(moment) })(
    { kind: 'weekly' },
    { awsRequestId: requestId },
  );
}

async function readJson<T>(key: string): Promise<T> {
  const bytes = await local.readBytes(key);
  if (!bytes) throw new Error(`nothing at ${key}`);
  return JSON.parse(bytes.toString('utf8')) as T;
}

const claimOf = (periodId: string) =>
  readJson<ClaimRecord>(scheduleClaimKey(local.config.prefixes, 'weekly', periodId));
const holdOf = (run: string) => readJson<HoldRecord>(holdRecordKey(local.config.prefixes, run));

async function emailsSince(count: number): Promise<StoredEmail[]> {
  return (await local.stack.emails()).slice(count);
}

/** Writes an approval object and runs the upload function on its event, as S3's notification would. */
async function approve(name: string, body: string, requestId: string, at: string) {
  const event: S3Event = await local.upload(`approvals/${name}`, body);
  return local.uploadHandler({ now: () => new Date(at) })(event, { awsRequestId: requestId });
}

/** The raw MIME the executives got, newest last. */
function executiveRawMessages(): MimePart[] {
  return local.stack
    .rawMessages()
    .map(({ raw }) => parseMime(raw.toString('utf8')))
    .filter((message) => headerOf(message, 'to')?.includes('ceo@'));
}

function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

const leafOf = (message: MimePart, type: string) =>
  leaves(message).find((part) => headerOf(part, 'content-type')?.startsWith(type));

describe('holding a suspicious weekly report for the data team', () => {
  it('sends a normal week as before the hold', async () => {
    await uploadWeek('2011-11-14', false);

    const outcome = await weeklyRunAt('2011-11-21T07:00:00Z', 'week-46');

    expect(outcome).toMatchObject({ status: 'sent', periodId: '2011-W46' });
    const emails = await local.stack.emails();
    expect(emails.filter(isToExecutives)).toHaveLength(1);
    expect(emails.filter(isToDataTeam)).toEqual([]);
    expect((await claimOf('2011-W46')).state).toBe('sent');
    expect(await local.keys('runs/held/')).toEqual([]);
  });

  it('holds a file of one day of its week: the data team told why, with the report attached; no executive email', async () => {
    const before = (await local.stack.emails()).length;
    await uploadWeek('2011-11-21', true);

    const outcome = await weeklyRunAt('2011-11-28T07:00:00Z', 'week-47');

    expect(outcome).toMatchObject({
      status: 'held',
      periodId: '2011-W47',
      archive: 'reports/weekly/2011-W47/',
    });
    const emails = await emailsSince(before);
    expect(emails.filter(isToExecutives)).toEqual([]);
    const [notice, ...others] = emails.filter(isToDataTeam);
    expect(others).toEqual([]);
    expect(notice?.subject).toMatch(/^Held for your review: Weekly report, Nov 21, 2011 to Nov 27, 2011/);
    expect(notice?.body.text).toContain(
      'The data covers only 1 of the 7 days expected (14.3%), under the 60.0% required.',
    );
    expect(notice?.body.text).toContain('segment-report release 2011-W47');
    expect(notice?.body.text).toContain(`s3://${local.bucket}/approvals/2011-W47.release`);
    expect(notice?.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      ['held-report-2011-W47.html', 'text/html'],
    ]);
    // Held, archived in full, and out of the series' history until released.
    const claim = await claimOf('2011-W47');
    expect(claim.state).toBe('held');
    expect(claim.detail).toContain('period-too-short');
    const archive = await local.keys('reports/weekly/2011-W47/');
    expect(archive).toContain('reports/weekly/2011-W47/analysis.held.json');
    expect(archive).toContain('reports/weekly/2011-W47/report.html');
    expect(archive).not.toContain('reports/weekly/2011-W47/analysis.json');
    const hold = await holdOf('2011-W47');
    expect(hold.findings.map((finding) => finding.check)).toContain('period-too-short');
    expect(Date.parse(hold.expiresAt) - Date.parse(hold.heldAt)).toBe(72 * HOUR_MS);
    // A retry of the weekly run stops at the held claim: nothing more is sent.
    expect(await weeklyRunAt('2011-11-28T07:05:00Z', 'week-47-retry')).toMatchObject({
      status: 'duplicate',
      state: 'held',
    });
    expect(await emailsSince(before)).toHaveLength(1);
  });

  it('releases it once, identical to the held report, whatever the number of concurrent releases', async () => {
    const before = (await local.stack.emails()).length;
    const rawBefore = executiveRawMessages().length;
    const deps = local.dependencies({ now: () => new Date(RELEASE_AT) });
    const direct = (id: string) =>
      decideHeldReport(deliveryContextFor(deps, local.store, silentLogger, { awsRequestId: id }), {
        run: '2011-W47',
        action: 'release',
        by: `cli-${id}`,
      });

    const outcomes = await Promise.all([
      approve('2011-W47.release', 'numbers checked with finance', 'approval-1', RELEASE_AT),
      approve('2011-W47.release', 'ok', 'approval-2', RELEASE_AT),
      direct('cli-1'),
      direct('cli-2'),
      direct('cli-3'),
    ]);

    const statuses = outcomes.flat().map((outcome) => outcome.status);
    expect(statuses.filter((status) => status === 'released')).toHaveLength(1);
    expect(statuses.filter((status) => !['released', 'in-progress', 'already'].includes(status))).toEqual([]);
    const executive = (await emailsSince(before)).filter(isToExecutives);
    expect(executive).toHaveLength(1);
    const hold = await holdOf('2011-W47');
    expect(executive[0]?.subject).toBe(hold.emailSubject);
    // Identical to the held report: the archived HTML and text, the archived charts under their Content-IDs.
    const [raw] = executiveRawMessages().slice(rawBefore);
    if (!raw) throw new Error('no raw executive email');
    const archived = async (name: string) =>
      (await local.readBytes(`${hold.archive}${name}`)) ?? Buffer.alloc(0);
    expect(decodedBody(leafOf(raw, 'text/html')).toString('utf8')).toBe(
      (await archived('report.html')).toString('utf8'),
    );
    expect(decodedBody(leafOf(raw, 'text/plain')).toString('utf8')).toBe(
      (await archived('report.txt')).toString('utf8'),
    );
    const images = leaves(raw).filter((part) => headerOf(part, 'content-type')?.startsWith('image/png'));
    expect(images.map((part) => headerOf(part, 'content-id'))).toEqual(
      hold.images.map(({ cid }) => `<${cid}>`),
    );
    for (const [index, image] of hold.images.entries()) {
      expect(decodedBody(images[index]).equals(await archived(`charts/${image.filename}`))).toBe(true);
    }
    if ('attachedAs' in hold.customers) {
      const csv = leaves(raw).find((part) => headerOf(part, 'content-type')?.startsWith('text/csv'));
      expect(decodedBody(csv).equals(await archived('customers.csv'))).toBe(true);
    }
    // Recorded in the claim, and the released analysis now the series' latest.
    const claim = await claimOf('2011-W47');
    expect(claim.state).toBe('sent');
    expect(claim.decision?.action).toBe('release');
    expect(await local.keys('reports/weekly/2011-W47/')).toContain('reports/weekly/2011-W47/analysis.json');
  });

  it('sends nothing on a second release', async () => {
    const before = (await local.stack.emails()).length;

    const [outcome] = await approve('2011-W47.release', 'again', 'approval-3', '2011-11-28T10:00:00Z');

    expect(outcome).toMatchObject({ status: 'already', state: 'sent' });
    expect(await emailsSince(before)).toEqual([]);
  });

  it('discards a held report: nothing sent, who and why recorded, a later release refused', async () => {
    await uploadWeek('2011-11-28', true);
    expect(await weeklyRunAt('2011-12-05T07:00:00Z', 'week-48')).toMatchObject({ status: 'held' });
    const before = (await local.stack.emails()).length;

    const [discarded] = await approve(
      '2011-W48.discard',
      'partial export from the Leeds shop',
      'discard-1',
      '2011-12-05T09:00:00Z',
    );

    expect(discarded).toMatchObject({ status: 'discarded', run: '2011-W48' });
    const claim = await claimOf('2011-W48');
    expect(claim.state).toBe('discarded');
    expect(claim.decision).toMatchObject({
      action: 'discard',
      reason: 'partial export from the Leeds shop',
      // Who wrote the approval object, as S3's event names them.
      by: expect.stringMatching(/^AWS:\w+/),
    });
    const [refused] = await approve(
      '2011-W48.release',
      'ok',
      'release-after-discard',
      '2011-12-05T10:00:00Z',
    );
    expect(refused).toMatchObject({ status: 'refused' });
    const emails = await emailsSince(before);
    expect(emails.filter(isToExecutives)).toEqual([]);
    expect(emails.map((email) => email.subject)).toEqual([
      `Approval not acted on: s3://${local.bucket}/approvals/2011-W48.release`,
    ]);
    expect(emails[0]?.body.text).toContain('2011-W48: the report was discarded by');
  });

  it('expires a held report nobody decides on: a reminder, never a send, once', async () => {
    await uploadWeek('2011-12-05', true);
    expect(await weeklyRunAt('2011-12-12T07:00:00Z', 'week-49')).toMatchObject({ status: 'held' });
    const hold = await holdOf('2011-W49');
    const sweepAt = (offsetMs: number, id: string) =>
      local.scheduleHandler({ now: () => new Date(Date.parse(hold.expiresAt) + offsetMs) })(
        { task: 'expire-held' },
        {
          awsRequestId: id,
        },
      );
    const before = (await local.stack.emails()).length;

    expect(await sweepAt(-60_000, 'sweep-early')).toMatchObject({ status: 'swept', expired: [], waiting: 1 });
    expect(await sweepAt(60_000, 'sweep-due')).toMatchObject({ status: 'swept', expired: ['2011-W49'] });
    expect(await sweepAt(120_000, 'sweep-again')).toMatchObject({ status: 'swept', expired: [], waiting: 0 });

    const emails = await emailsSince(before);
    expect(emails.filter(isToExecutives)).toEqual([]);
    expect(emails.map((email) => email.subject)).toEqual([
      `Expired without a decision, not sent: ${hold.emailSubject}`,
    ]);
    expect((await claimOf('2011-W49')).state).toBe('expired');
    const [refused] = await approve(
      '2011-W49.release',
      'ok',
      'release-after-expiry',
      new Date(Date.parse(hold.expiresAt) + 180_000).toISOString(),
    );
    expect(refused).toMatchObject({ status: 'refused' });
    expect((await emailsSince(before)).filter(isToExecutives)).toEqual([]);
  });

  it('answers an approval object it cannot act on, and sends nothing', async () => {
    const before = (await local.stack.emails()).length;

    const [unknown] = await approve('2011-W01.release', 'ok', 'unknown-run', RELEASE_AT);
    const [misnamed] = await approve('please release 2011-W47.txt', 'ok', 'misnamed', RELEASE_AT);

    expect(unknown).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('2011-W01: no held report'),
    });
    expect(misnamed).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('its name says neither'),
    });
    const emails = await emailsSince(before);
    expect(emails.filter(isToExecutives)).toEqual([]);
    expect(emails.filter(isToDataTeam).map((email) => email.subject)).toEqual([
      `Approval not acted on: s3://${local.bucket}/approvals/2011-W01.release`,
      `Approval not acted on: s3://${local.bucket}/approvals/please release 2011-W47.txt`,
    ]);
  });
});

const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
