/**
 * Exactly-once runs. Before sending, a run claims its key (derived from the input object's bucket, key and
 * version/ETag, or from the schedule period) by creating `runs/...json` with a conditional put: a duplicate
 * event or a concurrent retry finds the claim and stops. The claim records its state: `claimed` until the run
 * ends, then `sent`, `rejected` or `skipped`. A run that fails before sending marks it `failed`, and a claim left
 * `claimed` longer than the lease belongs to a run that died: a retry takes either over with a put conditional on
 * its ETag, so two retries cannot both take it. Once `sending` is written, no retry sends again: if the send
 * itself failed, the error goes to the dead-letter queue and the alarm rather than risking a duplicate.
 *
 * The claim is also read first: S3 enforces the conditions, but a local stand-in may not, and reading first
 * keeps a sequential duplicate from sending twice there too.
 */
import type { ObjectStore, RunLogger } from './ports.ts';

/**
 * `claimed`: running; `sending`: the email is being sent (a retry must not send again, whatever happened);
 * `failed`: the run failed before sending and released its claim, a retry may take it; the rest are final.
 */
export type ClaimState = 'claimed' | 'sending' | 'sent' | 'rejected' | 'skipped' | 'failed';

export interface RunClaim {
  runId: string;
  state: ClaimState;
  claimedAt: string;
  finishedAt?: string;
  detail?: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; etag?: string }
  | { kind: 'already-done'; claim: RunClaim }
  | { kind: 'in-progress'; claim: RunClaim };

const JSON_TYPE = 'application/json';

/** Tries to claim `key` for `runId`. */
export async function claimRun(
  store: ObjectStore,
  key: string,
  runId: string,
  now: Date,
  leaseSeconds: number,
): Promise<ClaimOutcome> {
  const claim: RunClaim = { runId, state: 'claimed', claimedAt: now.toISOString() };
  const existing = await store.readText(key);
  if (existing === null) {
    if (await store.createIfAbsent(key, JSON.stringify(claim), JSON_TYPE)) return { kind: 'claimed' };
    const winner = await store.readText(key);
    return { kind: 'in-progress', claim: winner ? parseClaim(winner.text) : claim };
  }
  const previous = parseClaim(existing.text);
  if (previous.state === 'claimed') {
    const ageSeconds = (now.getTime() - Date.parse(previous.claimedAt)) / 1000;
    if (!(ageSeconds > leaseSeconds)) return { kind: 'in-progress', claim: previous };
  } else if (previous.state !== 'failed') {
    return { kind: 'already-done', claim: previous };
  }
  const takenOver = await store.replaceIfUnchanged(key, JSON.stringify(claim), JSON_TYPE, existing.etag);
  return takenOver ? { kind: 'claimed' } : { kind: 'in-progress', claim: previous };
}

/** Records how the claimed run ended, so that later duplicates stop at the claim. */
export async function finishRun(
  store: ObjectStore,
  key: string,
  runId: string,
  claimedAt: Date,
  state: Exclude<ClaimState, 'claimed'>,
  now: Date,
  detail?: string,
): Promise<void> {
  const claim: RunClaim = {
    runId,
    state,
    claimedAt: claimedAt.toISOString(),
    finishedAt: now.toISOString(),
    ...(detail === undefined ? {} : { detail }),
  };
  await store.write(key, JSON.stringify(claim), JSON_TYPE);
}

/**
 * A run that failed releases its claim as `failed`, so Lambda's retry can take it, unless it had begun sending:
 * then the claim stays `sending` and no retry sends again.
 */
export async function releaseClaim(
  store: ObjectStore,
  key: string,
  runId: string,
  claimedAt: Date,
  now: Date,
  logger: RunLogger,
): Promise<void> {
  const stored = await store.readText(key).catch(() => null);
  if (stored && parseClaim(stored.text).state === 'sending') {
    logger.error('send failed or uncertain after claiming: not retried to avoid a duplicate', {
      claimKey: key,
    });
    return;
  }
  await finishRun(store, key, runId, claimedAt, 'failed', now).catch((error: unknown) =>
    logger.error('could not release the claim', { claimKey: key, error: String(error) }),
  );
}

function parseClaim(text: string): RunClaim {
  try {
    const value = JSON.parse(text) as Partial<RunClaim>;
    if (
      typeof value.runId === 'string' &&
      typeof value.state === 'string' &&
      typeof value.claimedAt === 'string'
    ) {
      return value as RunClaim;
    }
  } catch {
    // An unreadable claim is treated as a live one: never send twice on doubt.
  }
  return { runId: 'unknown', state: 'claimed', claimedAt: new Date().toISOString() };
}
