/**
 * The delivery promise under faults at the wire: the real handlers, the real SDK clients, the local S3 and SES
 * behind fault proxies on 127.0.0.1 (the SDK's own retries run, as on AWS), and Lambda's asynchronous retries
 * replayed at +1 and +3 minutes. In every case the executives get exactly one email, or none with the alarm
 * raised (the last attempt fails, so the event ends in the dead-letter queue) and a notice to the data team;
 * never two, never a silent success with nothing sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSesClient } from '../../lambda/adapters/aws-clients.ts';
import { SesMailer } from '../../lambda/adapters/ses-mailer.ts';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import { startLoopbackProxy } from '../../local/loopback-proxy.ts';
import { type ArmedFault, CLAIM_WRITES, type FaultProxy, SEND_EMAIL } from '../support/fault-proxy.ts';
import { type AttemptResult, replayAsyncInvocation } from '../support/lambda-retries.ts';
import {
  DEFAULT_NOW,
  type FaultyLocalDelivery,
  isToDataTeam,
  isToExecutives,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

const SLICE = sampleSlice(2500);
/** Lambda's timeout: the replayed context's remaining time, from which each claim's expiry follows. */
const FUNCTION_TIMEOUT_MS = 300_000;

let local: FaultyLocalDelivery;
let closedSesEndpoint: string;

beforeAll(async () => {
  local = await startLocalDelivery({}, DEFAULT_NOW, { faults: true });
  // An address where nothing listens: SES "down", the connection refused.
  const closed = await startLoopbackProxy(local.stack.endpoints.sesEndpoint ?? '');
  closedSesEndpoint = closed.url;
  await closed.close();
});

afterAll(async () => {
  await local.stop();
});

beforeEach(async () => {
  local.faults.s3.clear();
  local.faults.ses.clear();
  await local.stack.clearEmails();
});

interface Delivery {
  attempts: AttemptResult<unknown>[];
  executiveEmails: number;
  dataTeamNotices: string[];
  claim: ClaimRecord | null;
}

interface Scenario {
  /** Arms the fault before the first attempt; what it returns is disarmed before the retries (an outage ends). */
  arm(faults: { s3: FaultProxy; ses: FaultProxy }): ArmedFault | undefined;
  /** The first attempt is killed as soon as the fault takes a request (the handler's promise abandoned). */
  kill?: boolean;
  /** The first attempt's mailer talks to an SES that is down (connection refused). */
  sesDown?: boolean;
}

let uploads = 0;

/** Uploads a fresh file, arms the fault, and replays the upload event as Lambda would. */
async function deliverUpload(scenario: Scenario): Promise<Delivery> {
  uploads += 1;
  const key = `incoming/faults/file-${uploads}.csv`;
  const event = await local.upload(key, SLICE);
  const fault = scenario.arm(local.faults);
  const downMailer = new SesMailer(
    createSesClient({ ...local.stack.endpoints, sesEndpoint: closedSesEndpoint }),
  );
  const attempts = await replayAsyncInvocation(
    (at, context) =>
      local.uploadHandler({
        now: () => at,
        ...(scenario.sesDown && at.getTime() === DEFAULT_NOW.getTime() ? { mailer: downMailer } : {}),
      })(event, context),
    {
      start: DEFAULT_NOW,
      timeoutMs: FUNCTION_TIMEOUT_MS,
      abandonWhen: (attempt) => (scenario.kill && attempt === 1 ? fault?.firstFired : undefined),
      beforeRetry: () => fault?.disarm(),
    },
  );
  return { attempts, ...(await received()), claim: await local.uploadClaim(key, event) };
}

async function received(): Promise<Pick<Delivery, 'executiveEmails' | 'dataTeamNotices'>> {
  const emails = await local.stack.emails();
  return {
    executiveEmails: emails.filter(isToExecutives).length,
    dataTeamNotices: emails.filter(isToDataTeam).map((email) => email.subject),
  };
}

/** Exactly one email, and the replay ended with an attempt that returned. */
function expectDeliveredOnce(delivery: Delivery): void {
  expect(delivery.executiveEmails).toBe(1);
  expect(delivery.attempts.at(-1)?.status).toBe('returned');
  expect(delivery.claim?.state).toBe('sent');
}

/** At most one email, the alarm raised (every attempt failed), the data team told, and the claim uncertain. */
function expectLoudlyUncertain(delivery: Delivery, executiveEmails: 0 | 1): void {
  expect(delivery.executiveEmails).toBe(executiveEmails);
  expect(delivery.attempts.map((attempt) => attempt.status)).not.toContain('returned');
  expect(delivery.attempts.at(-1)?.status).toBe('threw');
  expect(delivery.dataTeamNotices.filter((subject) => subject.startsWith('Check delivery: '))).toHaveLength(
    1,
  );
  expect(delivery.claim?.state).toBe('uncertain');
}

describe('S3 faults during an upload run: exactly one email', () => {
  it.each<[string, Scenario]>([
    ['503 once', { arm: ({ s3 }) => s3.unavailableOnce() }],
    ['a reset before S3 answered', { arm: ({ s3 }) => s3.resetBeforeUpstream() }],
    [
      'a reset after S3 accepted the claim',
      { arm: ({ s3 }) => s3.resetAfterAccepted({ match: CLAIM_WRITES }) },
    ],
    [
      'a reset after S3 accepted the "sending" mark',
      { arm: ({ s3 }) => s3.resetAfterAccepted({ match: CLAIM_WRITES, after: 1 }) },
    ],
    [
      'a reset after S3 accepted the "sent" mark',
      { arm: ({ s3 }) => s3.resetAfterAccepted({ match: CLAIM_WRITES, after: 2 }) },
    ],
    ['a 500 after S3 accepted the claim', { arm: ({ s3 }) => s3.failAfterAccepted({ match: CLAIM_WRITES }) }],
    [
      'a 500 after S3 accepted the "sending" mark',
      { arm: ({ s3 }) => s3.failAfterAccepted({ match: CLAIM_WRITES, after: 1 }) },
    ],
    ['S3 down for the whole first attempt', { arm: ({ s3 }) => s3.down() }],
    ['S3 down from the 3rd request of the run', { arm: ({ s3 }) => s3.down({ after: 2 }) }],
    ['S3 down from the 6th request of the run', { arm: ({ s3 }) => s3.down({ after: 5 }) }],
    [
      'S3 down from the 10th request of the run (the "sending" mark)',
      { arm: ({ s3 }) => s3.down({ after: 9 }) },
    ],
    [
      'the run killed while archiving (a request that never returns)',
      { arm: ({ s3 }) => s3.hang({ match: { method: 'PUT', path: '/reports/' } }), kill: true },
    ],
    [
      'the run killed while reading the file',
      { arm: ({ s3 }) => s3.hang({ match: { method: 'GET', path: '/incoming/' } }), kill: true },
    ],
  ])('%s', async (_name, scenario) => {
    expectDeliveredOnce(await deliverUpload(scenario));
  });

  it('a killed run is taken over by the retry 3 minutes later, not by the one after 1 minute', async () => {
    const delivery = await deliverUpload({
      arm: ({ s3 }) => s3.hang({ match: { method: 'PUT', path: '/reports/' } }),
      kill: true,
    });

    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual(['abandoned', 'threw', 'returned']);
    const second = delivery.attempts[1];
    expect(second?.status === 'threw' && String(second.error)).toContain('RunInProgressError');
    expectDeliveredOnce(delivery);
  });

  it('S3 down right after SES accepted (the claim cannot say "sent"): one email, then the alarm, never a second', async () => {
    // The 11th request of an upload run is the "sent" mark, just after SendEmail (the archive's model.json is
    // among the writes before it).
    const delivery = await deliverUpload({ arm: ({ s3 }) => s3.down({ after: 10 }) });

    expectLoudlyUncertain(delivery, 1);
  });

  it('S3 down for good: no email, every attempt fails (the dead-letter queue and its alarm take over)', async () => {
    uploads += 1;
    const key = `incoming/faults/file-${uploads}.csv`;
    const event = await local.upload(key, SLICE);
    local.faults.s3.down();

    const attempts = await replayAsyncInvocation(
      (at, context) => local.uploadHandler({ now: () => at })(event, context),
      { start: DEFAULT_NOW, timeoutMs: FUNCTION_TIMEOUT_MS },
    );

    expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'threw', 'threw']);
    expect((await received()).executiveEmails).toBe(0);
  });
});

describe('SES faults during an upload run', () => {
  it.each<[string, Scenario]>([
    ['throttled once (the SDK retries throttling)', { arm: ({ ses }) => throttled(ses, 1) }],
    ['throttled through every SDK attempt (the Lambda retry sends)', { arm: ({ ses }) => throttled(ses, 4) }],
    [
      'refused with a 4xx (the Lambda retry sends)',
      {
        arm: ({ ses }) =>
          ses.answer(400, { code: 'BadRequestException', message: 'refused', match: SEND_EMAIL }),
      },
    ],
    ['down (connection refused) for the first attempt', { arm: () => undefined, sesDown: true }],
  ])('%s: exactly one email', async (_name, scenario) => {
    const delivery = await deliverUpload(scenario);

    expectDeliveredOnce(delivery);
    expect(delivery.dataTeamNotices).toEqual([]);
  });

  it.each<[string, Scenario, 0 | 1]>([
    [
      '503 once (not proof that SES did not take it)',
      { arm: ({ ses }) => ses.unavailableOnce(SEND_EMAIL) },
      0,
    ],
    ['a reset before SES answered', { arm: ({ ses }) => ses.resetBeforeUpstream({ match: SEND_EMAIL }) }, 0],
    ['a reset after SES accepted', { arm: ({ ses }) => ses.resetAfterAccepted({ match: SEND_EMAIL }) }, 1],
    ['a 500 after SES accepted', { arm: ({ ses }) => ses.failAfterAccepted({ match: SEND_EMAIL }) }, 1],
    [
      'the run killed while SES held the request',
      { arm: ({ ses }) => ses.hang({ match: SEND_EMAIL }), kill: true },
      0,
    ],
    [
      'the run killed after SES accepted',
      { arm: ({ ses }) => ses.hang({ match: SEND_EMAIL, afterUpstream: true }), kill: true },
      1,
    ],
  ])('%s: never sent again, the alarm and the data team told', async (_name, scenario, emails) => {
    expectLoudlyUncertain(await deliverUpload(scenario), emails);
  });
});

function throttled(ses: FaultProxy, times: number): ArmedFault {
  return ses.answer(429, {
    code: 'TooManyRequestsException',
    message: 'Maximum sending rate exceeded.',
    match: SEND_EMAIL,
    times,
  });
}

describe('the weekly report under faults', () => {
  let week = 0;

  /** A week with one file in it, and the weekly run of the Monday after, replayed as the scheduler would. */
  async function deliverWeekly(scenario: Scenario): Promise<Delivery> {
    week += 1;
    const monday = new Date(Date.UTC(2026, 0, 5 + 7 * week, 7));
    const key = `incoming/weekly/week-${week}.csv`;
    await local.upload(key, SLICE);
    await local.backdate(key, new Date(monday.getTime() - 2 * 86_400_000));
    await local.stack.clearEmails();
    const fault = scenario.arm(local.faults);
    const attempts = await replayAsyncInvocation(
      (at, context) => local.scheduleHandler({ now: () => at })({ kind: 'weekly' }, context),
      {
        start: monday,
        timeoutMs: FUNCTION_TIMEOUT_MS,
        abandonWhen: (attempt) => (scenario.kill && attempt === 1 ? fault?.firstFired : undefined),
        beforeRetry: () => fault?.disarm(),
      },
    );
    const claims = await local.keys('runs/weekly/');
    const stored = await local.readBytes(claims.at(-1) ?? '');
    return {
      attempts,
      ...(await received()),
      claim: stored ? (JSON.parse(stored.toString('utf8')) as ClaimRecord) : null,
    };
  }

  it('S3 down in the middle of the run: exactly one email', async () => {
    expectDeliveredOnce(await deliverWeekly({ arm: ({ s3 }) => s3.down({ after: 4 }) }));
  });

  it('killed while archiving: exactly one email, sent by a retry', async () => {
    expectDeliveredOnce(
      await deliverWeekly({
        arm: ({ s3 }) => s3.hang({ match: { method: 'PUT', path: '/reports/' } }),
        kill: true,
      }),
    );
  });

  it('a reset after SES accepted: one email, never a second, the alarm and the data team told', async () => {
    expectLoudlyUncertain(
      await deliverWeekly({ arm: ({ ses }) => ses.resetAfterAccepted({ match: SEND_EMAIL }) }),
      1,
    );
  });
});

describe('many copies at once', () => {
  it('10 concurrent copies of one upload event, then their retries: one email', async () => {
    const key = 'incoming/faults/ten-copies.csv';
    const event = await local.upload(key, SLICE);
    const handler = (at: Date) => local.uploadHandler({ now: () => at });

    const replays = await Promise.all(
      Array.from({ length: 10 }, (_, copy) =>
        replayAsyncInvocation((at, context) => handler(at)(event, context), {
          start: DEFAULT_NOW,
          awsRequestId: `copy-${copy}`,
          timeoutMs: FUNCTION_TIMEOUT_MS,
        }),
      ),
    );

    expect((await received()).executiveEmails).toBe(1);
    // Every copy ends having sent, or having seen the report sent: none gives up while the work is undone.
    for (const attempts of replays) expect(attempts.at(-1)?.status).toBe('returned');
    expect((await local.uploadClaim(key, event))?.state).toBe('sent');
  });

  it('10 concurrent weekly runs, then their retries: one email', async () => {
    const monday = new Date('2026-09-07T07:00:00Z');
    const key = 'incoming/weekly/ten-runs.csv';
    await local.upload(key, SLICE);
    await local.backdate(key, new Date('2026-09-03T12:00:00Z'));
    await local.stack.clearEmails();

    const replays = await Promise.all(
      Array.from({ length: 10 }, (_, copy) =>
        replayAsyncInvocation(
          (at, context) => local.scheduleHandler({ now: () => at })({ kind: 'weekly' }, context),
          { start: monday, awsRequestId: `weekly-${copy}`, timeoutMs: FUNCTION_TIMEOUT_MS },
        ),
      ),
    );

    expect((await received()).executiveEmails).toBe(1);
    for (const attempts of replays) expect(attempts.at(-1)?.status).toBe('returned');
  });
});
