/** Claims on the in-memory store (the port's contract), with a clock the tests move; S3's side is in test/handlers. */
import { describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import { EXPIRY_MARGIN_MS, MIN_RUN_MS, acquireClaim } from '../../lambda/delivery/run-claim.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';
import { FakeClock, SILENT_LOGGER } from '../support/fake-clock.ts';
import { ClaimConflictError, RunInProgressError } from '../../lambda/errors/delivery-errors.ts';

const KEY = 'runs/upload/abc.json';
const T0 = new Date('2025-03-05T09:00:00Z');
const TIMEOUT_MS = 300_000;

function request(store: MemoryObjectStore, clock: FakeClock, holder: string) {
  return {
    store,
    key: KEY,
    runId: `request-${holder}`,
    holder,
    clock: clock.forInvocation(TIMEOUT_MS),
    logger: SILENT_LOGGER,
  };
}

async function stored(store: MemoryObjectStore): Promise<ClaimRecord> {
  return JSON.parse((await store.readText(KEY))?.text ?? '{}') as ClaimRecord;
}

async function claimed(store: MemoryObjectStore, clock: FakeClock, holder: string) {
  const acquisition = await acquireClaim(request(store, clock, holder));
  if (acquisition.kind !== 'claimed') throw new Error(`expected a claim, got ${acquisition.kind}`);
  return acquisition.claim;
}

describe('acquireClaim', () => {
  it('claims a key nobody holds, until the invocation can no longer be alive', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);

    await claimed(store, clock, 'a');

    expect(await stored(store)).toEqual({
      runId: 'request-a',
      holder: 'a',
      state: 'claimed',
      claimedAt: T0.toISOString(),
      expiresAt: new Date(T0.getTime() + TIMEOUT_MS + EXPIRY_MARGIN_MS).toISOString(),
      updatedAt: T0.toISOString(),
    });
    expect(store.conditionalWrites).toEqual([{ key: KEY, condition: 'absent', written: true }]);
  });

  it.each(['sent', 'rejected', 'skipped'] as const)('lets a duplicate of a %s run stop', async (state) => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await (await claimed(store, clock, 'a')).finish(state, 'detail');

    const duplicate = await acquireClaim(request(store, clock, 'b'));

    expect(duplicate).toMatchObject({ kind: 'done', record: { state, holder: 'a' } });
  });

  it('makes a duplicate wait for a live run that then finishes: done, never a second claim', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    const holder = await claimed(store, clock, 'a');
    clock.onSleep(2, () => holder.finish('sent', 'message-1'));

    const duplicate = await acquireClaim(request(store, clock, 'b'));

    expect(duplicate).toMatchObject({ kind: 'done', record: { state: 'sent', holder: 'a' } });
    expect(clock.sleeps).toBe(2);
  });

  it('fails a duplicate with a retryable error rather than succeed while a live run holds the claim', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await claimed(store, clock, 'a');
    const writes = store.conditionalWrites.length;

    await expect(acquireClaim(request(store, clock, 'b'))).rejects.toThrow(RunInProgressError);

    expect((await stored(store)).holder).toBe('a');
    // Its one write was the create that the existing claim refused.
    expect(store.conditionalWrites.slice(writes)).toEqual([
      { key: KEY, condition: 'absent', written: false },
    ]);
    // It waited only while it would still have had time to run after taking the claim over.
    expect(clock.now().getTime() - T0.getTime()).toBeLessThanOrEqual(TIMEOUT_MS - MIN_RUN_MS);
  });

  it("takes a killed run's claim over at Lambda's second retry (+3 min), not at the first (+1 min)", async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await claimed(store, clock, 'killed');

    clock.set(new Date(T0.getTime() + 60_000));
    await expect(acquireClaim(request(store, clock, 'retry-1'))).rejects.toThrow(RunInProgressError);
    clock.set(new Date(T0.getTime() + 180_000));
    const retry = await acquireClaim(request(store, clock, 'retry-2'));

    expect(retry.kind).toBe('claimed');
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(T0.getTime() + TIMEOUT_MS + EXPIRY_MARGIN_MS);
    expect((await stored(store)).holder).toBe('retry-2');
  });

  it('takes a failed claim over at once', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await (await claimed(store, clock, 'a')).release('S3 was down');
    expect((await stored(store)).state).toBe('failed');

    expect((await acquireClaim(request(store, clock, 'retry'))).kind).toBe('claimed');
    expect(clock.sleeps).toBe(0);
  });

  it('lets only one of two concurrent retries take a dead claim over', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await claimed(store, clock, 'dead');
    clock.set(new Date(T0.getTime() + TIMEOUT_MS + EXPIRY_MARGIN_MS));

    const outcomes = await Promise.allSettled([
      acquireClaim(request(store, clock, 'x')),
      acquireClaim(request(store, clock, 'y')),
    ]);

    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
  });

  it("marks a dead run's `sending` claim uncertain once, and never hands it out", async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await (await claimed(store, clock, 'a')).markSending();
    clock.set(new Date(T0.getTime() + TIMEOUT_MS + EXPIRY_MARGIN_MS));

    const first = await acquireClaim(request(store, clock, 'b'));
    const second = await acquireClaim(request(store, clock, 'c'));

    expect(first).toMatchObject({ kind: 'uncertain', markedNow: true, record: { state: 'uncertain' } });
    expect(second).toMatchObject({ kind: 'uncertain', markedNow: false });
  });

  it("recognises its own create whose answer was lost (the SDK's retry then meets 412)", async () => {
    const store = new MemoryObjectStore();
    const lossy = Object.assign(Object.create(store) as MemoryObjectStore, {
      createIfAbsent: async (key: string, body: string) => {
        await store.createIfAbsent(key, body);
        return null;
      },
    });
    const clock = new FakeClock(T0);

    const acquisition = await acquireClaim({ ...request(store, clock, 'a'), store: lossy });

    expect(acquisition.kind).toBe('claimed');
  });

  it('refuses an unreadable claim record: nothing is sent on doubt', async () => {
    const store = new MemoryObjectStore();
    store.put(KEY, '{"state":"sent"');
    const clock = new FakeClock(T0);

    await expect(acquireClaim(request(store, clock, 'a'))).rejects.toThrow(ClaimConflictError);
    expect(await store.readText(KEY)).toMatchObject({ text: '{"state":"sent"' });
  });
});

describe('HeldClaim', () => {
  it('moves through sending to sent with writes conditional on its own last ETag', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    const claim = await claimed(store, clock, 'a');

    await claim.markSending();
    await claim.finish('sent', 'message-1');

    expect(await stored(store)).toMatchObject({ state: 'sent', detail: 'message-1', holder: 'a' });
    expect(store.conditionalWrites.map((write) => write.written)).toEqual([true, true, true]);
  });

  it('survives its own write whose answer was lost', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    const lossy = Object.assign(Object.create(store) as MemoryObjectStore, {
      replaceIfUnchanged: async (key: string, body: string, type: string, etag: string) => {
        await store.replaceIfUnchanged(key, body, type, etag);
        return null;
      },
    });
    const acquisition = await acquireClaim({ ...request(store, clock, 'a'), store: lossy });
    if (acquisition.kind !== 'claimed') throw new Error('not claimed');

    await acquisition.claim.markSending();
    await acquisition.claim.finish('sent', 'message-1');

    expect(await stored(store)).toMatchObject({ state: 'sent', detail: 'message-1' });
  });

  it('stops when another run changed the claim', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    const claim = await claimed(store, clock, 'a');
    store.put(KEY, JSON.stringify({ ...(await stored(store)), holder: 'intruder' }));

    await expect(claim.markSending()).rejects.toThrow(ClaimConflictError);
    expect((await stored(store)).holder).toBe('intruder');
  });

  it('releases a claim before sending as failed, and one that was sending as uncertain', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    const before = await claimed(store, clock, 'a');
    await before.release('boom');
    expect(await stored(store)).toMatchObject({ state: 'failed', detail: 'boom' });

    const during = await claimed(store, clock, 'b');
    await during.markSending();
    await during.release('no answer');
    expect(await stored(store)).toMatchObject({ state: 'uncertain', holder: 'b' });
  });

  it('does not throw when the store is down at release: the claim expires with its run', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    const claim = await claimed(store, clock, 'a');
    store.replaceIfUnchanged = async () => {
      throw new Error('S3 unavailable');
    };

    await expect(claim.release('S3 unavailable')).resolves.toBeUndefined();
    expect((await stored(store)).state).toBe('claimed');
  });
});

describe('acquireClaim when its own writes lose their answers', () => {
  it('knows the dead sending claim it marked uncertain as marked by itself', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await (await claimed(store, clock, 'a')).markSending();
    clock.set(new Date(T0.getTime() + TIMEOUT_MS + EXPIRY_MARGIN_MS));
    const lossy = Object.assign(Object.create(store) as MemoryObjectStore, {
      replaceIfUnchanged: async (key: string, body: string, type: string, etag: string) => {
        await store.replaceIfUnchanged(key, body, type, etag);
        return null;
      },
    });

    const acquisition = await acquireClaim({ ...request(store, clock, 'b'), store: lossy });

    expect(acquisition).toMatchObject({ kind: 'uncertain', markedNow: true });
  });

  it('creates a claim anew when a person deleted it to send again', async () => {
    const store = new MemoryObjectStore();
    const clock = new FakeClock(T0);
    await (await claimed(store, clock, 'a')).markUncertain('no answer');
    store.objects.delete(KEY);

    expect((await acquireClaim(request(store, clock, 'b'))).kind).toBe('claimed');
  });
});
