/**
 * A claim this invocation holds, and the moves of its state: `sending` before the email, a final state after it,
 * `failed` or `uncertain` when the run gives it up. Every write is conditional on the ETag the holder last saw,
 * and a write whose answer was lost (the SDK then retries and meets 412) is recognised by reading back the
 * holder's own record.
 */
import { ClaimConflictError } from '../errors/delivery-errors.ts';
import {
  CLAIM_CONTENT_TYPE,
  type ClaimRecord,
  type ClaimState,
  type FinalState,
  parseClaimRecord,
} from './claim-record.ts';
import type { ObjectStore, RunLogger } from './ports.ts';
import type { RunClock } from './run-clock.ts';

/** Who claims which key: the store, the claim key, the run's ids, its clock and its logger. */
export interface ClaimRequest {
  store: ObjectStore;
  key: string;
  runId: string;
  holder: string;
  clock: RunClock;
  logger: RunLogger;
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
      const etag = await store.replaceIfUnchanged(key, body, CLAIM_CONTENT_TYPE, this.etag);
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
