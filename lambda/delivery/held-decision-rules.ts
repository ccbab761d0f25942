/**
 * The rules a decision on a held report meets (issue 15): what the run's claim, as it stands, lets a release or a
 * discard do (held-report-decision.ts applies them).
 */
import { HeldReportDecisionError } from '../errors/delivery-errors.ts';
import type { ClaimRecord, HeldDecision } from './claim-record.ts';
import type { DecisionOutcome } from './held-report-decision.ts';
import type { HoldRecord } from './hold-record.ts';

/** Why a release of a report whose email may have gone is refused. */
export const UNCERTAIN_REFUSAL =
  'its email may or may not have reached the executives (the mail service never confirmed it)';

/** Take the claim, mark it uncertain (a release died sending), or stop with an outcome. */
export type Verdict = 'take' | 'uncertain' | Exclude<DecisionOutcome, { status: 'released' | 'discarded' }>;

/**
 * What a decision may do with the claim as it stands: `take` it, stop because the same decision was taken, or
 * refuse (thrown: the request is wrong, the person is told why). A release that died while sending (its claim
 * `sending` past its expiry) is `uncertain`: its email may have gone, so it is never sent again (run-claim.ts's
 * rule for every run).
 */
export function judgeDecision(
  claim: ClaimRecord,
  record: HoldRecord,
  decision: HeldDecision,
  now: Date,
): Verdict {
  const run = record.runName;
  const earlier = claim.decision;
  const refuse = (why: string): never => {
    throw new HeldReportDecisionError(`${run}: ${why}; nothing was sent`);
  };
  const decided = earlier ? ` by ${earlier.by} at ${earlier.at}` : '';
  const expired = `the held report expired at ${record.expiresAt}; drop the file again for a new report`;
  switch (claim.state) {
    case 'held':
      if (decision.action === 'release' && now.getTime() >= Date.parse(record.expiresAt)) {
        return refuse(expired);
      }
      return 'take';
    case 'expired':
      if (decision.action === 'discard') return 'take';
      return refuse(expired);
    case 'discarded':
      if (decision.action === 'discard')
        return { status: 'already', run, state: claim.state, decision: earlier };
      return refuse(`the report was discarded${decided}`);
    case 'sent':
      if (decision.action === 'release')
        return { status: 'already', run, state: claim.state, decision: earlier };
      return refuse(`the report was already released${decided} and sent`);
    case 'failed':
      // A release whose email the mail service refused: the next release sends it.
      if (earlier?.action === 'release') return 'take';
      return refuse(`the run failed before it was held`);
    case 'claimed':
    case 'sending': {
      const live = now.getTime() < Date.parse(claim.expiresAt);
      if (earlier?.action === 'release' && claim.state === 'claimed' && !live) return 'take';
      if (earlier?.action === 'release' && claim.state === 'sending' && !live) return 'uncertain';
      if (earlier?.action === 'release') {
        if (decision.action === 'release') return { status: 'in-progress', run, decision: earlier };
        return refuse(`the report is being released${decided}`);
      }
      return refuse(`the run is still in progress`);
    }
    case 'uncertain':
      return refuse(UNCERTAIN_REFUSAL);
    case 'rejected':
    case 'skipped':
      return refuse(`the run ended ${claim.state}, not held`);
  }
}
