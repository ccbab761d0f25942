/**
 * The replay of Lambda's asynchronous retries: first on made-up handlers (when each attempt runs, what ends the
 * replay), then on the upload handler with the local S3 and SES behind fault proxies, to show the two together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_NOW,
  type FaultyLocalDelivery,
  isToExecutives,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { replayAsyncInvocation } from '../support/lambda-retries.ts';
import { sampleSlice } from '../support/sample-data.ts';

const START = new Date('2025-03-05T09:00:00Z');
const minutesAfterStart = (at: Date) => (at.getTime() - START.getTime()) / 60_000;

describe('replayAsyncInvocation', () => {
  it('runs once when the first attempt returns', async () => {
    const attempts = await replayAsyncInvocation(async () => 'done', { start: START });

    expect(attempts).toEqual([{ attempt: 1, at: START, status: 'returned', outcome: 'done' }]);
  });

  it('retries a failed attempt one minute later, then two minutes after that, with the same request id', async () => {
    const seen: string[] = [];
    const attempts = await replayAsyncInvocation(
      async (at, context) => {
        seen.push(`${minutesAfterStart(at)} ${context.awsRequestId}`);
        throw new Error(`failed at +${minutesAfterStart(at)} min`);
      },
      { start: START, awsRequestId: 'request-1' },
    );

    expect(seen).toEqual(['0 request-1', '1 request-1', '3 request-1']);
    expect(attempts.map((attempt) => [attempt.status, minutesAfterStart(attempt.at)])).toEqual([
      ['threw', 0],
      ['threw', 1],
      ['threw', 3],
    ]);
    expect(attempts[2]).toMatchObject({ error: new Error('failed at +3 min') });
  });

  it('abandons an attempt that runs past the timeout, as Lambda kills it, and retries', async () => {
    const remaining: number[] = [];
    let calls = 0;
    const attempts = await replayAsyncInvocation(
      (_at, context) => {
        remaining.push(context.getRemainingTimeInMillis());
        return calls++ === 0 ? new Promise<string>(() => {}) : Promise.resolve('done');
      },
      { start: START, timeoutMs: 200 },
    );

    expect(attempts.map((attempt) => attempt.status)).toEqual(['abandoned', 'returned']);
    expect(remaining.every((milliseconds) => milliseconds > 0 && milliseconds <= 200)).toBe(true);
  });

  it('abandons an attempt as soon as `abandonWhen` settles, and runs `beforeRetry` before each retry', async () => {
    const calls: string[] = [];
    const attempts = await replayAsyncInvocation(
      (at) =>
        minutesAfterStart(at) === 0 ? new Promise<string>(() => {}) : Promise.reject(new Error('again')),
      {
        start: START,
        retries: 1,
        abandonWhen: (attempt) => (attempt === 1 ? Promise.resolve() : undefined),
        beforeRetry: (attempt) => void calls.push(`before attempt ${attempt}`),
      },
    );

    expect(attempts.map((attempt) => attempt.status)).toEqual(['abandoned', 'threw']);
    expect(calls).toEqual(['before attempt 2']);
  });
});

describe('the upload handler behind fault proxies, retried as Lambda retries it', () => {
  let local: FaultyLocalDelivery;

  beforeAll(async () => {
    local = await startLocalDelivery({}, DEFAULT_NOW, { faults: true });
  });

  afterAll(async () => {
    await local.stop();
  });

  it('fails while S3 is down, and sends when the retry a minute later finds it back', async () => {
    const event = await local.upload('incoming/s3-down.csv', sampleSlice(2000));
    const down = local.faults.s3.down();

    const attempts = await replayAsyncInvocation(
      (at, context) => local.uploadHandler({ now: () => at })(event, context),
      { start: DEFAULT_NOW, beforeRetry: () => down.disarm() },
    );

    expect(attempts.map((attempt) => attempt.status)).toEqual(['threw', 'returned']);
    expect(down.fired).toBeGreaterThan(0);
    expect(attempts[1]).toMatchObject({ outcome: [{ status: 'sent' }] });
    expect((await local.stack.emails()).filter(isToExecutives)).toHaveLength(1);
  });

  it('abandons a run whose email never got an answer, as a run killed mid-way, and retries it', async () => {
    await local.stack.clearEmails();
    const event = await local.upload('incoming/killed.csv', sampleSlice(2000));
    const hang = local.faults.ses.hang({ match: { path: '/v2/email/outbound-emails' } });

    const attempts = await replayAsyncInvocation(
      (at, context) => local.uploadHandler({ now: () => at })(event, context),
      { start: DEFAULT_NOW, abandonWhen: (attempt) => (attempt === 1 ? hang.firstFired : undefined) },
    );

    expect(attempts[0]?.status).toBe('abandoned');
    expect(attempts.length).toBeGreaterThan(1);
    expect(hang.fired).toBe(1);
    // What the retries do with a run left mid-way is the delivery code's; here, only that no report went twice.
    expect((await local.stack.emails()).filter(isToExecutives).length).toBeLessThanOrEqual(1);
  });
});
