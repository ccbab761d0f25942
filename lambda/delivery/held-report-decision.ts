/**
 * The data team's decision on a held report (issue 15), from the command line or an approval object: release sends
 * it to the executives exactly once, discard records who and why; both are recorded in the run's claim.
 *
 * The decision takes the claim from `held` by a conditional write on its ETag, so of two concurrent decisions one
 * wins and the other finds it taken. A release then holds the claim like any run (`claimed`, then `sending`,
 * `sent`: send-once.ts), so a second release finds it sent, or being sent, and sends nothing. A release that died
 * before sending, or whose email the mail service refused, may be taken over by the next release; one that died
 * while sending makes the next release mark it uncertain (the data team told, the alarm raised), never send it.
 */
import { messageOf } from '../errors/segment-report-error.ts';
import {
  ClaimConflictError,
  DeliveryUncertainError,
  HeldReportDecisionError,
} from '../errors/delivery-errors.ts';
import { notifyUncertainDelivery } from './claimed-run.ts';
import { UNCERTAIN_REFUSAL, judgeDecision } from './held-decision-rules.ts';
import {
  CLAIM_CONTENT_TYPE,
  type ClaimRecord,
  type ClaimState,
  type HeldDecision,
  diedWhileSending,
  parseClaimRecord,
} from './claim-record.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { HeldClaim } from './held-claim.ts';
import { holdRecordFolder } from './archive-layout.ts';
import { type HoldRecord, readHoldRecord } from './hold-record.ts';
import { EXPIRY_MARGIN_MS } from './run-claim.ts';
import { sendHeldReport } from './send-held-report.ts';
/** Bounds the read-and-write loop on a claim that keeps changing under it. */
const MAX_ATTEMPTS = 5;

/** What a person asks: release or discard the held report of `run`, who they are and, if they say, why. */
export interface DecisionRequest {
  run: string;
  action: HeldDecision['action'];
  by: string;
  reason?: string | undefined;
}

export type DecisionOutcome =
  | { status: 'released'; run: string; messageId: string; recipients: number }
  | { status: 'discarded'; run: string }
  /** The same decision was already taken (a second release, a repeated approval object): nothing more done. */
  | { status: 'already'; run: string; state: ClaimState; decision: HeldDecision | undefined }
  /** Another release holds the claim right now: it sends the email, this one sends nothing. */
  | { status: 'in-progress'; run: string; decision: HeldDecision | undefined };

/** Releases or discards the held report named in `request`. */
export async function decideHeldReport(
  context: DeliveryContext,
  request: DecisionRequest,
): Promise<DecisionOutcome> {
  const { store, config, logger } = context;
  const record = await readHoldRecord(store, config.prefixes, request.run);
  if (record === null) {
    throw new HeldReportDecisionError(
      `${request.run}: no held report of that name (s3://${store.bucket}/${holdRecordFolder(config.prefixes)} lists them)`,
    );
  }
  const decision: HeldDecision = {
    action: request.action,
    by: request.by.slice(0, 200),
    ...(request.reason ? { reason: request.reason.slice(0, 500) } : {}),
    at: context.clock.now().toISOString(),
  };
  const taken = await takeClaim(context, record, decision);
  if (!(taken instanceof HeldClaim)) return taken;
  logger.info('held report decided', { run: record.runName, action: decision.action, kind: record.kind });
  if (decision.action === 'discard') return { status: 'discarded', run: record.runName };
  try {
    const messageId = await sendHeldReport(context, taken, record);
    return {
      status: 'released',
      run: record.runName,
      messageId,
      recipients: config.recipients.executives.length,
    };
  } catch (error) {
    await taken.release(messageOf(error));
    throw error;
  }
}

/**
 * Takes the run's claim for `decision`: a discard closes it at once (`discarded`), a release holds it (`claimed`).
 * Returns the held claim, or what stops the decision: the same one already taken, or a release in progress.
 */
async function takeClaim(
  context: DeliveryContext,
  record: HoldRecord,
  decision: HeldDecision,
): Promise<HeldClaim | DecisionOutcome> {
  const { store, clock, runId, attemptId, logger } = context;
  const location = `s3://${store.bucket}/${record.claimKey}`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const stored = await store.readText(record.claimKey);
    if (stored === null) {
      throw new ClaimConflictError(`${location}: the held report's claim is gone; nothing is sent on doubt`);
    }
    const claim = parseClaimRecord(stored.text, location);
    const now = clock.now();
    if (claim.holder === attemptId) {
      // This invocation's own write landed and its answer was lost.
      if (decision.action === 'discard') return { status: 'discarded', run: record.runName };
      return new HeldClaim(request(context, record), claim, stored.etag);
    }
    const verdict = judgeDecision(claim, record, decision, now);
    if (verdict === 'uncertain') {
      if (await markUncertain(context, record, claim, stored.etag)) {
        throw new DeliveryUncertainError(`${record.runName}: ${UNCERTAIN_REFUSAL}; not sent again`);
      }
      continue;
    }
    if (verdict !== 'take') return verdict;
    const next: ClaimRecord = {
      ...claim,
      runId,
      holder: attemptId,
      state: decision.action === 'release' ? 'claimed' : 'discarded',
      expiresAt: new Date(clock.deadline.getTime() + EXPIRY_MARGIN_MS).toISOString(),
      updatedAt: now.toISOString(),
      detail: decision.action === 'release' ? 'released' : 'discarded',
      decision,
    };
    const etag = await store.replaceIfUnchanged(
      record.claimKey,
      JSON.stringify(next),
      CLAIM_CONTENT_TYPE,
      stored.etag,
    );
    if (etag === null) continue;
    if (decision.action === 'discard') return { status: 'discarded', run: record.runName };
    return new HeldClaim(request(context, record), next, etag);
  }
  logger.warn('held report claim kept changing', { run: record.runName });
  throw new ClaimConflictError(`${location}: the claim kept changing; try again`);
}

/**
 * Marks the claim of a release that died while sending `uncertain` (a conditional write: false when it changed
 * meanwhile), then tells the data team and logs the error the alarm watches, as any run's claim does.
 */
async function markUncertain(
  context: DeliveryContext,
  record: HoldRecord,
  claim: ClaimRecord,
  etag: string,
): Promise<boolean> {
  const { store, clock, attemptId } = context;
  const uncertain = diedWhileSending(claim, attemptId, clock.now(), 'release');
  const written = await store.replaceIfUnchanged(
    record.claimKey,
    JSON.stringify(uncertain),
    CLAIM_CONTENT_TYPE,
    etag,
  );
  if (written === null) return false;
  await notifyUncertainDelivery(context, `the held report ${record.runName}`, record.claimKey);
  return true;
}

/** The claim request of a decision: this invocation holds the run's claim. */
function request(context: DeliveryContext, record: HoldRecord) {
  const { store, runId, attemptId, clock, logger } = context;
  return { store, key: record.claimKey, runId, holder: attemptId, clock, logger };
}
