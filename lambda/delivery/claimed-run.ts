/**
 * The lifecycle every run shares, upload or scheduled: claim its key, do the work holding the claim, and release
 * it if the work fails, so that Lambda's retry can take it at once. A duplicate of finished work stops with
 * `duplicate`; a run whose email may or may not have gone raises the alarm (it throws) and, the first time,
 * tells the data team.
 */
import { uncertainDeliveryNotice } from '../report/notices/data-team-notice.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { ClaimState } from './claim-record.ts';
import type { HeldClaim } from './held-claim.ts';
import { acquireClaim } from './run-claim.ts';
import { tellDataTeam } from './tell-data-team.ts';
import { assertUnreachable, messageOf } from '../errors/segment-report-error.ts';
import { DeliveryUncertainError } from '../errors/delivery-errors.ts';

export interface DuplicateRun {
  status: 'duplicate';
  state: ClaimState;
}

/** Runs `work` once per claim key; `subject` names the report in logs and in the data team's notice. */
export async function runOnce<T>(
  context: DeliveryContext,
  claimKey: string,
  subject: string,
  work: (claim: HeldClaim) => Promise<T>,
): Promise<T | DuplicateRun> {
  const { store, logger, clock, runId, attemptId } = context;
  const acquisition = await acquireClaim({ store, key: claimKey, runId, holder: attemptId, clock, logger });
  switch (acquisition.kind) {
    case 'done':
      logger.info('duplicate: this run is already done', { claimKey, state: acquisition.record.state });
      return { status: 'duplicate', state: acquisition.record.state };
    case 'uncertain':
      if (acquisition.markedNow) await notifyUncertainDelivery(context, subject, claimKey);
      throw new DeliveryUncertainError(
        `${subject}: the email may or may not have been delivered (claim s3://${store.bucket}/${claimKey}); not sent again`,
      );
    case 'claimed':
      try {
        return await work(acquisition.claim);
      } catch (error) {
        await acquisition.claim.release(messageOf(error));
        throw error;
      }
    default:
      return assertUnreachable(acquisition);
  }
}

/** Tells the data team that an email may not have reached the executives; best effort (the alarm fires anyway). */
export async function notifyUncertainDelivery(
  context: DeliveryContext,
  subject: string,
  claimKey: string,
): Promise<void> {
  const { config, logger, store } = context;
  logger.error('delivery uncertain: the email is not sent again', { subject, claimKey });
  const notice = uncertainDeliveryNotice(config.report.locale, subject, `s3://${store.bucket}/${claimKey}`);
  await tellDataTeam(context, notice).catch((error: unknown) =>
    logger.error('could not tell the data team', { claimKey, error: String(error) }),
  );
}
