/** Claims on the in-memory store (the port's contract); the S3 adapter's side is in test/adapters. */
import { describe, expect, it } from 'vitest';
import { type RunClaim, claimRun, finishRun } from '../../lambda/delivery/run-claims.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';

const KEY = 'runs/upload/abc.json';
const LEASE_SECONDS = 900;
const T0 = new Date('2025-03-05T09:00:00Z');
const seconds = (count: number) => new Date(T0.getTime() + count * 1000);

async function storedClaim(store: MemoryObjectStore): Promise<RunClaim> {
  return JSON.parse((await store.readText(KEY))?.text ?? '{}') as RunClaim;
}

function storeWith(claim: RunClaim): MemoryObjectStore {
  const store = new MemoryObjectStore();
  store.put(KEY, JSON.stringify(claim));
  return store;
}

describe('claimRun', () => {
  it('claims a run nobody has claimed, with a conditional create', async () => {
    const store = new MemoryObjectStore();

    expect(await claimRun(store, KEY, 'run-1', T0, LEASE_SECONDS)).toEqual({ kind: 'claimed' });

    expect(await storedClaim(store)).toEqual({
      runId: 'run-1',
      state: 'claimed',
      claimedAt: T0.toISOString(),
    });
    expect(store.conditionalWrites).toEqual([{ key: KEY, condition: 'absent', written: true }]);
  });

  it('leaves a live claim to its run', async () => {
    const store = new MemoryObjectStore();
    await claimRun(store, KEY, 'run-1', T0, LEASE_SECONDS);

    const outcome = await claimRun(store, KEY, 'run-2', seconds(LEASE_SECONDS), LEASE_SECONDS);

    expect(outcome).toEqual({
      kind: 'in-progress',
      claim: { runId: 'run-1', state: 'claimed', claimedAt: T0.toISOString() },
    });
    expect((await storedClaim(store)).runId).toBe('run-1');
  });

  it('reports the winner when another run created the claim between the read and the write', async () => {
    const store = new MemoryObjectStore();
    const racing = Object.assign(Object.create(store) as MemoryObjectStore, {
      createIfAbsent: async (key: string, body: string) => {
        store.put(key, JSON.stringify({ runId: 'winner', state: 'claimed', claimedAt: T0.toISOString() }));
        return store.createIfAbsent(key, body);
      },
    });

    const outcome = await claimRun(racing, KEY, 'loser', T0, LEASE_SECONDS);

    expect(outcome).toMatchObject({ kind: 'in-progress', claim: { runId: 'winner' } });
    expect((await storedClaim(store)).runId).toBe('winner');
  });

  it('takes over a claim older than the lease, conditionally on its ETag', async () => {
    const store = storeWith({ runId: 'dead-run', state: 'claimed', claimedAt: T0.toISOString() });
    const etag = (await store.readText(KEY))?.etag;

    const outcome = await claimRun(store, KEY, 'retry', seconds(LEASE_SECONDS + 1), LEASE_SECONDS);

    expect(outcome).toEqual({ kind: 'claimed' });
    expect(store.conditionalWrites).toEqual([{ key: KEY, condition: { etag }, written: true }]);
    expect(await storedClaim(store)).toMatchObject({ runId: 'retry', state: 'claimed' });
  });

  it('lets only one of two retries take over a stale claim', async () => {
    const store = storeWith({ runId: 'dead-run', state: 'claimed', claimedAt: T0.toISOString() });
    const later = seconds(LEASE_SECONDS * 2);

    const outcomes = await Promise.all([
      claimRun(store, KEY, 'retry-a', later, LEASE_SECONDS),
      claimRun(store, KEY, 'retry-b', later, LEASE_SECONDS),
    ]);

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['claimed', 'in-progress']);
  });

  it('retakes a failed claim at once', async () => {
    const store = new MemoryObjectStore();
    await claimRun(store, KEY, 'run-1', T0, LEASE_SECONDS);
    await finishRun(store, KEY, 'run-1', T0, 'failed', seconds(5));

    expect(await claimRun(store, KEY, 'retry', seconds(6), LEASE_SECONDS)).toEqual({ kind: 'claimed' });
    expect(await storedClaim(store)).toMatchObject({ runId: 'retry', state: 'claimed' });
  });

  it.each(['sending', 'sent', 'rejected', 'skipped'] as const)(
    'never retakes a %s claim, however old',
    async (state) => {
      const store = storeWith({ runId: 'run-1', state, claimedAt: T0.toISOString() });

      const outcome = await claimRun(store, KEY, 'retry', seconds(LEASE_SECONDS * 100), LEASE_SECONDS);

      expect(outcome).toEqual({
        kind: 'already-done',
        claim: { runId: 'run-1', state, claimedAt: T0.toISOString() },
      });
      expect(store.conditionalWrites).toEqual([]);
      expect((await storedClaim(store)).state).toBe(state);
    },
  );

  it('treats an unreadable claim as live', async () => {
    const store = new MemoryObjectStore();
    store.put(KEY, 'not json');

    const outcome = await claimRun(store, KEY, 'retry', seconds(LEASE_SECONDS * 100), LEASE_SECONDS);

    expect(outcome).toMatchObject({ kind: 'in-progress', claim: { runId: 'unknown', state: 'claimed' } });
    expect((await store.readText(KEY))?.text).toBe('not json');
  });
});

describe('finishRun', () => {
  it('records the final state, keeping the claim time', async () => {
    const store = new MemoryObjectStore();
    await claimRun(store, KEY, 'run-1', T0, LEASE_SECONDS);

    await finishRun(store, KEY, 'run-1', T0, 'sent', seconds(30), 'message-42');

    expect(await storedClaim(store)).toEqual({
      runId: 'run-1',
      state: 'sent',
      claimedAt: T0.toISOString(),
      finishedAt: seconds(30).toISOString(),
      detail: 'message-42',
    });
    expect(await claimRun(store, KEY, 'duplicate', seconds(31), LEASE_SECONDS)).toMatchObject({
      kind: 'already-done',
    });
  });
});
