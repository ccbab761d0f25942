/**
 * The lifecycle every run shares, on the in-memory store and the fake clock: a failed run gives its claim back
 * for Lambda's retry, and an email whose delivery is unknown is never sent again, with the data team told once
 * and the alarm raised (the run throws).
 */
import { describe, expect, it } from 'vitest';
import { runOnce } from '../../lambda/delivery/claimed-run.ts';
import type { DeliveryContext } from '../../lambda/delivery/delivery-context.ts';
import { senderOf } from '../../lambda/delivery/email-sender.ts';
import type { HeldClaim } from '../../lambda/delivery/held-claim.ts';
import { EXPIRY_MARGIN_MS, acquireClaim } from '../../lambda/delivery/run-claim.ts';
import { sendOnce } from '../../lambda/delivery/send-once.ts';
import {
  DeliveryUncertainError,
  EmailNotSentError,
  EmailOutcomeUnknownError,
} from '../../lambda/errors/delivery-errors.ts';
import { SILENT_LOGGER } from '../support/fake-clock.ts';
import { MEMORY_EXECUTIVES, MEMORY_TIMEOUT_MS, MemoryDelivery } from '../support/memory-delivery.ts';

const KEY = 'runs/weekly/2025-W10.json';
const SUBJECT = 'the weekly report 2025-W10';
const T0 = new Date('2025-03-10T07:00:00Z');

/** The work of a run that only sends the executives' email under its claim. */
function sendReport(context: DeliveryContext) {
  return (claim: HeldClaim) =>
    sendOnce(
      context,
      claim,
      {
        ...senderOf(context.config),
        to: MEMORY_EXECUTIVES,
        subject: 'Weekly',
        html: '<p>Weekly</p>',
        text: 'Weekly',
        attachments: [],
      },
      SUBJECT,
    );
}

describe('a claimed run', () => {
  it('releases its claim when its work fails, so that the retry takes it over at once', async () => {
    const world = new MemoryDelivery(T0);

    const failing = runOnce(world.context('first'), KEY, SUBJECT, async () => {
      throw new Error('S3 unavailable');
    });

    await expect(failing).rejects.toThrow('S3 unavailable');
    expect(await world.claim(KEY)).toMatchObject({
      holder: 'first',
      state: 'failed',
      detail: 'S3 unavailable',
    });
    const retry = world.context('retry');
    expect(await runOnce(retry, KEY, SUBJECT, sendReport(retry))).toBe('message-1');
    expect(world.clock.sleeps).toBe(0);
    expect(await world.claim(KEY)).toMatchObject({ holder: 'retry', state: 'sent', detail: 'message-1' });
  });

  it('gives the claim back when the mail service refused the email for sure, and the retry sends it', async () => {
    const world = new MemoryDelivery(T0);
    world.mailer.failNextWith(new EmailNotSentError('SES refused the email: throttled'));
    const first = world.context('first');

    await expect(runOnce(first, KEY, SUBJECT, sendReport(first))).rejects.toThrow(EmailNotSentError);

    expect(await world.claim(KEY)).toMatchObject({ state: 'failed' });
    const retry = world.context('retry');
    expect(await runOnce(retry, KEY, SUBJECT, sendReport(retry))).toBe('message-1');
    expect(world.mailer.toExecutives()).toHaveLength(1);
    expect(world.mailer.toDataTeam()).toEqual([]);
  });
});

describe('an uncertain delivery', () => {
  it('is not sent again: the claim stays uncertain, the data team is told once, every attempt throws', async () => {
    const world = new MemoryDelivery(T0);
    world.mailer.failNextWith(new EmailOutcomeUnknownError('SES did not confirm the email: socket hang up'));
    const first = world.context('first');

    await expect(runOnce(first, KEY, SUBJECT, sendReport(first))).rejects.toThrow(DeliveryUncertainError);

    expect(await world.claim(KEY)).toMatchObject({ state: 'uncertain' });
    expect(world.mailer.toDataTeam().map((notice) => notice.subject)).toEqual([`Check delivery: ${SUBJECT}`]);
    expect(world.mailer.toDataTeam()[0]?.text).toContain(`s3://memory-bucket/${KEY}`);
    world.clock.set(new Date(T0.getTime() + 60_000));
    const retry = world.context('retry');
    await expect(runOnce(retry, KEY, SUBJECT, sendReport(retry))).rejects.toThrow(
      `${SUBJECT}: the email may or may not have been delivered (claim s3://memory-bucket/${KEY}); not sent again`,
    );
    expect(world.mailer.toExecutives()).toEqual([]);
    expect(world.mailer.toDataTeam()).toHaveLength(1);
  });

  it("is found in a dead run's sending claim: marked uncertain, the data team told, nothing sent", async () => {
    const world = new MemoryDelivery(T0);
    const dead = await acquireClaim({
      store: world.store,
      key: KEY,
      runId: 'request-dead',
      holder: 'dead',
      clock: world.clock.forInvocation(MEMORY_TIMEOUT_MS),
      logger: SILENT_LOGGER,
    });
    if (dead.kind !== 'claimed') throw new Error(`expected a claim, got ${dead.kind}`);
    await dead.claim.markSending();
    // Lambda's retry, after the dead run's claim expired.
    world.clock.set(new Date(T0.getTime() + MEMORY_TIMEOUT_MS + EXPIRY_MARGIN_MS));
    const retry = world.context('retry');

    await expect(runOnce(retry, KEY, SUBJECT, sendReport(retry))).rejects.toThrow(DeliveryUncertainError);

    expect(await world.claim(KEY)).toMatchObject({ holder: 'retry', state: 'uncertain' });
    expect(world.mailer.toDataTeam().map((notice) => notice.subject)).toEqual([`Check delivery: ${SUBJECT}`]);
    expect(world.mailer.toExecutives()).toEqual([]);
  });
});
