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
 * Every write is conditional on the ETag the holder last saw, and a write whose answer was lost (the SDK then
 * retries and meets 412) is recognised by reading back the holder's own record.
 */
import { z } from 'zod';
import type { ObjectStore, RunLogger } from './ports.ts';
import { ClaimConflictError, RunInProgressError } from '../errors/delivery-errors.ts';

export const CLAIM_STATES = [
  'claimed',
  'sending',
  'sent',
  'rejected',
  'skipped',
  'failed',
  'uncertain',
] as const;
/**
 * `claimed`: running; `sending`: the email is on its way (no one may send it again); `sent`, `rejected`,
 * `skipped`: done; `failed`: released before sending, a retry may take it; `uncertain`: the mail service never
 * confirmed the email, so it is not sent again and the alarm is raised.
 */
export type ClaimState = (typeof CLAIM_STATES)[number];
export type FinalState = 'sent' | 'rejected' | 'skipped';

export const claimRecordSchema = z.object({
  /** The Lambda request id, for the logs (the same for Lambda's retries of one event). */
  runId: z.string(),
  /** This invocation alone: tells a run's own earlier write from another run's. */
  holder: z.string().min(1),
  state: z.enum(CLAIM_STATES),
  claimedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  detail: z.string().optional(),
});
export type ClaimRecord = z.infer<typeof claimRecordSchema>;

/** The invocation's clock: injected, so that tests can replay Lambda's retries minutes later. */
export interface RunClock {
  now(): Date;
  sleep(milliseconds: number): Promise<void>;
  /** When the platform kills this invocation (Lambda: now + remaining time), on the injected clock. */
  deadline: Date;
  /** Real milliseconds left before the platform kills this invocation (Lambda's `getRemainingTimeInMillis`). */
  remainingMs(): number;
}

export interface ClaimRequest {
  store: ObjectStore;
  key: string;
  runId: string;
  holder: string;
  clock: RunClock;
  logger: RunLogger;
}

/** Added to a run's deadline before its claim expires, for clocks that differ between invocations. */
export const EXPIRY_MARGIN_MS = 10_000;
/** A duplicate waits for a live claim only while it would still have this long to run after taking it over. */
export const MIN_RUN_MS = 120_000;
export const POLL_INTERVAL_MS = 5_000;
/** Bounds the loop whatever the clock does: far more polls than a function's timeout allows. */
const MAX_POLLS = 400;
const JSON_TYPE = 'application/json';
const DONE: ReadonlySet<ClaimState> = new Set<ClaimState>(['sent', 'rejected', 'skipped']);

export type ClaimAcquisition =
  | { kind: 'claimed'; claim: HeldClaim }
  | { kind: 'done'; record: ClaimRecord }
  /** `markedNow`: this run found a dead run's `sending` claim and marked it, so it must tell the data team. */
  | { kind: 'uncertain'; record: ClaimRecord; markedNow: boolean };

/** Claims `request.key`, waits for a live holder, or takes a dead one's claim over. */
export async function acquireClaim(request: ClaimRequest): Promise<ClaimAcquisition> {
  const { store, key, clock } = request;
  const location = `s3://${store.bucket}/${key}`;
  // Create first: the common case costs one conditional put; the claim is read only when one already exists.
  let tryCreate = true;
  for (let poll = 0; poll < MAX_POLLS; poll += 1) {
    const now = clock.now();
    const fresh = newRecord(request, 'claimed', now);
    if (tryCreate) {
      const etag = await store.createIfAbsent(key, JSON.stringify(fresh), JSON_TYPE);
      if (etag !== null) return { kind: 'claimed', claim: new HeldClaim(request, fresh, etag) };
    }
    const existing = await store.readText(key);
    // Deleted since (a person clearing a claim to send a report again): create it anew.
    tryCreate = existing === null;
    if (existing === null) continue;
    const record = parseClaimRecord(existing.text, location);
    if (record.holder === request.holder) {
      // This invocation's own write landed but its answer was lost (the SDK's retry then met 412).
      return record.state === 'uncertain'
        ? { kind: 'uncertain', record, markedNow: true }
        : { kind: 'claimed', claim: new HeldClaim(request, record, existing.etag) };
    }
    if (DONE.has(record.state)) return { kind: 'done', record };
    if (record.state === 'uncertain') return { kind: 'uncertain', record, markedNow: false };
    const expired = now.getTime() >= Date.parse(record.expiresAt);
    if (record.state === 'failed' || (record.state === 'claimed' && expired)) {
      const etag = await store.replaceIfUnchanged(key, JSON.stringify(fresh), JSON_TYPE, existing.etag);
      if (etag !== null) {
        request.logger.warn('claim taken over', { claimKey: key, from: record.runId, state: record.state });
        return { kind: 'claimed', claim: new HeldClaim(request, fresh, etag) };
      }
      continue;
    }
    if (record.state === 'sending' && expired) {
      const uncertain = {
        ...record,
        holder: request.holder,
        state: 'uncertain' as const,
        updatedAt: now.toISOString(),
        detail: 'the run died while sending: the email may or may not have been delivered',
      };
      const etag = await store.replaceIfUnchanged(key, JSON.stringify(uncertain), JSON_TYPE, existing.etag);
      if (etag !== null) return { kind: 'uncertain', record: uncertain, markedNow: true };
      continue;
    }
    if (clock.deadline.getTime() - now.getTime() < MIN_RUN_MS + POLL_INTERVAL_MS) {
      throw new RunInProgressError(
        `${location}: another run (${record.runId}) holds this run until ${record.expiresAt}; retry later`,
      );
    }
    await clock.sleep(POLL_INTERVAL_MS);
  }
  throw new RunInProgressError(`${location}: the claim kept changing; retry later`);
}

/** A claim this invocation holds: every change is conditional on the last ETag it saw. */
export class HeldClaim {
  constructor(
    private readonly request: ClaimRequest,
    private record: ClaimRecord,
    private etag: string,
  ) {}

  get key(): string {
    return this.request.key;
  }

  get state(): ClaimState {
    return this.record.state;
  }

  /** From here on no retry may send this run's email again. */
  markSending(): Promise<void> {
    return this.moveTo('sending');
  }

  finish(state: FinalState, detail?: string): Promise<void> {
    return this.moveTo(state, detail);
  }

  /** The mail service refused the email for sure: a retry may take the claim and send it. */
  fail(reason: string): Promise<void> {
    return this.moveTo('failed', reason);
  }

  /** The mail service never confirmed the email: it stays unsent by us, and the alarm must fire. */
  markUncertain(detail: string): Promise<void> {
    return this.moveTo('uncertain', detail);
  }

  /**
   * The run failed: before sending, the claim becomes `failed` so that Lambda's retry takes it at once; once
   * sending had begun, `uncertain`. Best effort: when the store is down, the claim expires with this run.
   */
  async release(reason: string): Promise<void> {
    if (this.record.state !== 'claimed' && this.record.state !== 'sending') return;
    await this.moveTo(this.record.state === 'sending' ? 'uncertain' : 'failed', reason).catch(
      (error: unknown) =>
        this.request.logger.error('could not release the claim: it expires with this run', {
          claimKey: this.key,
          error: String(error),
        }),
    );
  }

  private async moveTo(state: ClaimState, detail?: string): Promise<void> {
    const { store, key, clock } = this.request;
    const next: ClaimRecord = {
      ...this.record,
      state,
      updatedAt: clock.now().toISOString(),
      ...(detail === undefined ? {} : { detail: detail.slice(0, 500) }),
    };
    const body = JSON.stringify(next);
    const location = `s3://${store.bucket}/${key}`;
    // Two tries: the second only after finding that the record in the way is this holder's own earlier write.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const etag = await store.replaceIfUnchanged(key, body, JSON_TYPE, this.etag);
      if (etag !== null) {
        this.record = next;
        this.etag = etag;
        return;
      }
      // Either another run changed the claim, or a write of this holder landed and its answer was lost.
      const stored = await store.readText(key);
      if (stored === null) break;
      if (stored.text === body) {
        this.record = next;
        this.etag = stored.etag;
        return;
      }
      if (parseClaimRecord(stored.text, location).holder !== this.request.holder) break;
      this.etag = stored.etag;
    }
    throw new ClaimConflictError(`${location}: the claim was changed by another run`);
  }
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

/** A claim record read back; one that does not parse stops the run: nothing is sent on doubt. */
export function parseClaimRecord(text: string, location: string): ClaimRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = claimRecordSchema.safeParse(json);
  if (!parsed.success) {
    throw new ClaimConflictError(`${location}: unreadable claim record; nothing is sent on doubt`);
  }
  return parsed.data;
}
