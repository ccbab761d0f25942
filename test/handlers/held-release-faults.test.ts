/**
 * A release under faults, on the local S3 and SES behind fault proxies, the approval object's event replayed as
 * Lambda retries it: the claim rules of every delivery hold for a held report's release too. SES refusing the
 * email gives the claim back and the retry sends it, once; SES losing its answer after accepting makes it
 * uncertain, never sent twice, the data team told (and the retry's refusal explained); S3 down while the release takes the claim sends nothing until
 * a retry can; a release that died while sending is marked uncertain by the next one, which sends nothing. Each held report is a real one: the same file dropped twice under one dataset's prefix.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { holdRecordKey } from '../../lambda/delivery/archive-layout.ts';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import type { HoldRecord } from '../../lambda/delivery/hold-record.ts';
import { type ArmedFault, CLAIM_WRITES, type FaultProxy, SEND_EMAIL } from '../support/fault-proxy.ts';
import { HOLD_DEFAULTS } from '../support/hold-settings.ts';
import { type AttemptResult, replayAsyncInvocation } from '../support/lambda-retries.ts';
import {
  DEFAULT_NOW,
  type FaultyLocalDelivery,
  TEST_CONFIG,
  isToDataTeam,
  isToExecutives,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

const SLICE = sampleSlice(2500);
const FUNCTION_TIMEOUT_MS = 300_000;
/** An hour after the uploads: well within the hold's 72 hours. */
const RELEASE_AT = new Date(DEFAULT_NOW.getTime() + 3_600_000);

/** A release with no fault armed. */
const NO_FAULT: ArmedFault = {
  fired: 0,
  firstFired: new Promise<void>(() => undefined),
  disarm: () => undefined,
};

let local: FaultyLocalDelivery;
let held = 0;

beforeAll(async () => {
  local = await startLocalDelivery(
    {
      hold: HOLD_DEFAULTS,
      inputs: { 'incoming/shop/': { dataset: 'shop' } },
      report: TEST_CONFIG.report,
      // Every customers file linked, not attached: a release signs its link again.
      maxAttachmentBytes: 1,
    },
    DEFAULT_NOW,
    { faults: true },
  );
});

afterAll(async () => {
  await local.stop();
});

beforeEach(async () => {
  local.faults.s3.clear();
  local.faults.ses.clear();
  await local.stack.clearEmails();
});

/** A held report of its own: the sample's slice dropped under a fresh dataset key after a first, sent copy. */
async function heldReport(): Promise<{ run: string; claimKey: string }> {
  held += 1;
  const onUpload = local.uploadHandler();
  if (held === 1) {
    const [first] = await onUpload(await local.upload('incoming/shop/first.csv', SLICE));
    expect(first).toMatchObject({ status: 'sent' });
  }
  const [outcome] = await onUpload(await local.upload(`incoming/shop/again-${held}.csv`, SLICE));
  if (outcome?.status !== 'held') throw new Error(`not held: ${JSON.stringify(outcome)}`);
  const record = await readJson<HoldRecord>(holdRecordKey(local.config.prefixes, outcome.run));
  expect(record.findings.map((finding) => finding.check)).toContain('duplicate-content');
  await local.stack.clearEmails();
  return { run: outcome.run, claimKey: record.claimKey };
}

async function readJson<T>(key: string): Promise<T> {
  const bytes = await local.readBytes(key);
  if (!bytes) throw new Error(`nothing at ${key}`);
  return JSON.parse(bytes.toString('utf8')) as T;
}

/** Writes `<run>.release`, arms the fault, and replays the approval's event as Lambda would. */
async function release(
  run: string,
  arm: (faults: { s3: FaultProxy; ses: FaultProxy }) => ArmedFault,
): Promise<AttemptResult<unknown>[]> {
  const event = await local.upload(`approvals/${run}.release`, 'checked');
  const fault = arm(local.faults);
  return replayAsyncInvocation((at, context) => local.uploadHandler({ now: () => at })(event, context), {
    start: RELEASE_AT,
    awsRequestId: `release-${run}`,
    timeoutMs: FUNCTION_TIMEOUT_MS,
    beforeRetry: () => fault.disarm(),
  });
}

async function emails(): Promise<{ executives: number; dataTeam: string[] }> {
  const all = await local.stack.emails();
  return {
    executives: all.filter(isToExecutives).length,
    dataTeam: all.filter(isToDataTeam).map((email) => email.subject),
  };
}

describe('releasing a held report under faults', () => {
  it('SES refuses the email: the claim is given back, and the retry sends it once', async () => {
    const { run, claimKey } = await heldReport();

    const attempts = await release(run, ({ ses }) =>
      ses.answer(400, { code: 'BadRequestException', message: 'refused', match: SEND_EMAIL }),
    );

    expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'returned']);
    expect(attempts[1]).toMatchObject({ outcome: [{ status: 'released', run }] });
    expect(await emails()).toEqual({ executives: 1, dataTeam: [] });
    expect((await readJson<ClaimRecord>(claimKey)).state).toBe('sent');
    // The customers file is linked by a link signed at the release, to the held run's archived file.
    const [email] = (await local.stack.emails()).filter(isToExecutives);
    expect(email?.attachments).toEqual([]);
    const hold = await readJson<HoldRecord>(holdRecordKey(local.config.prefixes, run));
    expect(email?.body.text).toContain(`/${local.bucket}/${hold.archive}customers.csv?`);
  });

  it('SES accepts but its answer is lost: never sent twice, the claim uncertain, the data team told', async () => {
    const { run, claimKey } = await heldReport();

    const attempts = await release(run, ({ ses }) => ses.resetAfterAccepted({ match: SEND_EMAIL }));

    // The first attempt fails loudly (the function's error alarm); its retry finds the claim uncertain and refuses.
    expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'returned']);
    expect(attempts[1]).toMatchObject({ outcome: [{ status: 'refused' }] });
    const received = await emails();
    expect(received.executives).toBe(1);
    expect(received.dataTeam).toHaveLength(2);
    expect(received.dataTeam[0]).toMatch(/^Check delivery: /);
    expect(received.dataTeam[1]).toBe(`Approval not acted on: s3://${local.bucket}/approvals/${run}.release`);
    expect((await readJson<ClaimRecord>(claimKey)).state).toBe('uncertain');
  });

  it('S3 refuses the claim write: nothing sent until a retry takes the claim, then once', async () => {
    const { run, claimKey } = await heldReport();

    const attempts = await release(run, ({ s3 }) => s3.down({ match: CLAIM_WRITES }));

    expect(attempts.at(-1)?.status).toBe('returned');
    expect(attempts[0]?.status).toBe('threw');
    expect(await emails()).toEqual({ executives: 1, dataTeam: [] });
    const claim = await readJson<ClaimRecord>(claimKey);
    expect(claim.state).toBe('sent');
    expect(claim.decision).toMatchObject({ action: 'release', reason: 'checked' });
  });

  it('a release died while sending: the next one marks it uncertain and tells the data team, and nothing is sent', async () => {
    const { run, claimKey } = await heldReport();
    // What a release killed between `sending` and SES's answer leaves: its claim, expired by the next release.
    const claim = await readJson<ClaimRecord>(claimKey);
    const died: ClaimRecord = {
      ...claim,
      holder: 'a-release-that-died',
      state: 'sending',
      expiresAt: new Date(RELEASE_AT.getTime() - 60_000).toISOString(),
      decision: { action: 'release', by: 'someone', at: DEFAULT_NOW.toISOString() },
    };
    await local.upload(claimKey, JSON.stringify(died));

    const attempts = await release(run, () => NO_FAULT);

    // The first attempt marks the claim and fails loudly (the alarm); the retry finds it uncertain and refuses.
    expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'returned']);
    expect(String(attempts[0]?.status === 'threw' && attempts[0].error)).toContain(
      `${run}: its email may or may not have reached the executives (the mail service never confirmed it); not sent again`,
    );
    expect(attempts[1]).toMatchObject({ outcome: [{ status: 'refused' }] });
    const received = await emails();
    expect(received.executives).toBe(0);
    expect(received.dataTeam).toEqual([
      `Check delivery: the held report ${run}`,
      `Approval not acted on: s3://${local.bucket}/approvals/${run}.release`,
    ]);
    expect(await readJson<ClaimRecord>(claimKey)).toMatchObject({
      state: 'uncertain',
      decision: died.decision,
    });
  });
});
