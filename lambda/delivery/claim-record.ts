/**
 * The record a run's claim keeps in the bucket (`runs/...json`): who holds it, in which state, and when it
 * expires. Read back through its schema: a record that does not parse stops the run, since nothing is sent on
 * doubt.
 */
import * as z from 'zod';
import { parseStoredRecord } from './stored-record.ts';

export const CLAIM_STATES = [
  'claimed',
  'sending',
  'sent',
  'rejected',
  'skipped',
  'failed',
  'uncertain',
  'held',
  'discarded',
  'expired',
] as const;
/**
 * `claimed`: running; `sending`: the email is on its way (no one may send it again); `sent`, `rejected`,
 * `skipped`: done; `failed`: released before sending, a retry may take it; `uncertain`: the mail service never
 * confirmed the email, so it is not sent again and the alarm is raised. `held`: archived, not sent, waiting for
 * the data team (plausibility checks, held-report.ts); a release takes it back to `claimed` and on to `sent`;
 * `discarded`: the data team said not to send it; `expired`: nobody decided in time, nothing was sent.
 */
export type ClaimState = (typeof CLAIM_STATES)[number];
export type FinalState = 'sent' | 'rejected' | 'skipped' | 'held' | 'discarded' | 'expired';

/** The states of a run whose work is over: a duplicate stops at them (a held run waits for a person, not a retry). */
export const DONE_STATES: ReadonlySet<ClaimState> = new Set<ClaimState>([
  'sent',
  'rejected',
  'skipped',
  'held',
  'discarded',
  'expired',
]);

/** What the data team decided about a held report: release (send it) or discard, by whom, why and when. */
export const heldDecisionSchema = z.object({
  action: z.enum(['release', 'discard']),
  by: z.string().min(1).max(200),
  reason: z.string().max(500).optional(),
  at: z.iso.datetime(),
});
export type HeldDecision = z.infer<typeof heldDecisionSchema>;

/** The content type claims are written with. */
export const CLAIM_CONTENT_TYPE = 'application/json';

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
  /** A held report's release or discard, kept through the states that follow it. */
  decision: heldDecisionSchema.optional(),
});
export type ClaimRecord = z.infer<typeof claimRecordSchema>;

/**
 * The record of a run (or a held report's release) that died while sending, as the next one marks it: `uncertain`,
 * held by that next one, since its email may or may not have gone. Never sent again; the data team is told.
 */
export function diedWhileSending(
  record: ClaimRecord,
  holder: string,
  now: Date,
  who: 'run' | 'release',
): ClaimRecord {
  return {
    ...record,
    holder,
    state: 'uncertain',
    updatedAt: now.toISOString(),
    detail: `the ${who} died while sending: the email may or may not have been delivered`,
  };
}

/** A claim record read back; one that does not parse stops the run: nothing is sent on doubt. */
export function parseClaimRecord(text: string, location: string): ClaimRecord {
  return parseStoredRecord(claimRecordSchema, text, location, 'claim record');
}
