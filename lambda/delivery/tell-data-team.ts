/**
 * Notices to the data team, and the end of a run that has one to send instead of a report: the notice goes first,
 * then the claim is closed, so that a failed send leaves the claim to be released and the run retried.
 */
import type { Notice } from '../report/notices/data-team-notice.ts';
import type { FinalState } from './claim-record.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { HeldClaim } from './held-claim.ts';
import { senderOf } from './email-sender.ts';
import type { EmailAttachment } from './ports.ts';

/** Sends a notice to the data team, with `attachments` if any; returns the mail service's message id. */
export function tellDataTeam(
  context: Pick<DeliveryContext, 'config' | 'mailer'>,
  notice: Notice,
  attachments: readonly EmailAttachment[] = [],
): Promise<string> {
  const { config, mailer } = context;
  return mailer.send({ ...senderOf(config), to: config.recipients.dataTeam, ...notice, attachments });
}

/** Ends a run with a notice instead of a report: tells the data team, then closes the claim in `state`. */
export async function endWithNotice(
  context: Pick<DeliveryContext, 'config' | 'mailer'>,
  claim: HeldClaim,
  notice: Notice,
  ending: { state: FinalState; detail: string },
): Promise<string> {
  const messageId = await tellDataTeam(context, notice);
  await claim.finish(ending.state, ending.detail);
  return messageId;
}
