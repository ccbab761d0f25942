/**
 * Exactly-once runs on S3 conditional writes, after Powertools' idempotency utility. A run first claims its key
 * (`runs/...json`, from the input object or the schedule period) with a conditional create; the claim records
 * its state and when it expires: the moment its run can no longer be alive (the invocation's deadline plus a
 * margin), as Powertools ties an in-progress record to the invocation's remaining time.
 *
 * A duplicate (a repeated S3 event, Lambda's retry) that finds:
 * - a finished claim (`sent`, `rejected`, `skipped`): the work is done, it stops;
 * - a live claim (`claimed`, `sending`): it waits while it still has time to run afterwards, else it fails with
 *   `RunInProgressError`, so Lambda retries later and, in the end, the dead-letter queue raises the alarm;
 * - a dead run's claim (`claimed` past its expiry, or `failed`): it takes it over, conditionally on its ETag;
 * - a dead run's `sending` claim, or an `uncertain` one: the email may have gone, so nothing is sent again.
 *
 * Every write is conditional on the ETag last seen (held-claim.ts moves a held claim's state the same way).
 */
import { RunInProgressError } from '../errors/delivery-errors.ts';
import {
  CLAIM_CONTENT_TYPE,
  type ClaimRecord,
  type ClaimState,
  DONE_STATES,
  diedWhileSending,
  parseClaimRecord,
} from './claim-record.ts';
import { type ClaimRequest, HeldClaim } from './held-claim.ts';

/** Added to a run's deadline before its claim expires, for clocks that differ between invocations. */
export const EXPIRY_MARGIN_MS = 10_000;
/** A duplicate waits for a live claim only while it would still have this long to run after taking it over. */
export const MIN_RUN_MS = 120_000;
export const POLL_INTERVAL_MS = 5_000;
/** Bounds the loop whatever the clock does: far more polls than a function's timeout allows. */
const MAX_POLLS = 400;

export type ClaimAcquisition =
  | { kind: 'claimed'; claim: HeldClaim }
  | { kind: 'done'; record: ClaimRecord }
  /** `markedNow`: this run found a dead run's `sending` claim and marked it, so it must tell the data team. */
  | { kind: 'uncertain'; record: ClaimRecord; markedNow: boolean };

/** Claims `request.key`, waits for a live holder, or takes a dead one's claim over. */
export async function acquireClaim(request: ClaimRequest): Promise<ClaimAcquisition> {
  const { store, key, clock } = request;
  // Create first: the common case costs one conditional put; the claim is read only when one already exists.
  let tryCreate = true;
  for (let poll = 0; poll < MAX_POLLS; poll += 1) {
    const now = clock.now();
    const fresh = newRecord(request, 'claimed', now);
    if (tryCreate) {
      const etag = await store.createIfAbsent(key, JSON.stringify(fresh), CLAIM_CONTENT_TYPE);
      if (etag !== null) return { kind: 'claimed', claim: new HeldClaim(request, fresh, etag) };
    }
    const existing = await store.readText(key);
    // Deleted since (a person clearing a claim to send a report again): create it anew.
    tryCreate = existing === null;
    if (existing === null) continue;
    const step = await meetExistingClaim(request, existing, fresh, now);
    if (step === 'read-again') continue;
    if (step !== 'wait') return step;
    await clock.sleep(POLL_INTERVAL_MS);
  }
  throw new RunInProgressError(`s3://${store.bucket}/${key}: the claim kept changing; retry later`);
}

/**
 * What a run does about a claim already there: its own write whose answer was lost is its claim; a finished or
 * uncertain run stops it; a dead run's claim is taken over, or marked uncertain if it died sending; a live one is
 * waited for (`wait`) while this run would still have time afterwards. `read-again`: the claim changed meanwhile.
 */
async function meetExistingClaim(
  request: ClaimRequest,
  existing: { text: string; etag: string },
  fresh: ClaimRecord,
  now: Date,
): Promise<ClaimAcquisition | 'read-again' | 'wait'> {
  const { store, key, clock } = request;
  const location = `s3://${store.bucket}/${key}`;
  const record = parseClaimRecord(existing.text, location);
  const replace = (next: ClaimRecord) =>
    store.replaceIfUnchanged(key, JSON.stringify(next), CLAIM_CONTENT_TYPE, existing.etag);
  if (record.holder === request.holder) {
    // This invocation's own write landed but its answer was lost (the SDK's retry then met 412).
    return record.state === 'uncertain'
      ? { kind: 'uncertain', record, markedNow: true }
      : { kind: 'claimed', claim: new HeldClaim(request, record, existing.etag) };
  }
  if (DONE_STATES.has(record.state)) return { kind: 'done', record };
  if (record.state === 'uncertain') return { kind: 'uncertain', record, markedNow: false };
  const expired = now.getTime() >= Date.parse(record.expiresAt);
  if (record.state === 'failed' || (record.state === 'claimed' && expired)) {
    const etag = await replace(fresh);
    if (etag === null) return 'read-again';
    request.logger.warn('claim taken over', { claimKey: key, from: record.runId, state: record.state });
    return { kind: 'claimed', claim: new HeldClaim(request, fresh, etag) };
  }
  if (record.state === 'sending' && expired) {
    const uncertain = diedWhileSending(record, request.holder, now, 'run');
    return (await replace(uncertain)) === null
      ? 'read-again'
      : { kind: 'uncertain', record: uncertain, markedNow: true };
  }
  if (clock.deadline.getTime() - now.getTime() < MIN_RUN_MS + POLL_INTERVAL_MS) {
    throw new RunInProgressError(
      `${location}: another run (${record.runId}) holds this run until ${record.expiresAt}; retry later`,
    );
  }
  return 'wait';
}

function newRecord(request: ClaimRequest, state: ClaimState, now: Date): ClaimRecord {
  return {
    runId: request.runId,
    holder: request.holder,
    state,
    claimedAt: now.toISOString(),
    expiresAt: new Date(request.clock.deadline.getTime() + EXPIRY_MARGIN_MS).toISOString(),
    updatedAt: now.toISOString(),
  };
}
