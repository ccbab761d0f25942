/**
 * The executives' email, at most once per claim: the claim is marked `sending` before the send, so no retry can
 * send again; only a refusal that proves the message was not accepted (`EmailNotSentError`) gives the claim
 * back for a retry. Any other failure leaves the outcome unknown: the claim becomes `uncertain`, the data team
 * is told, and the run fails loudly (the alarm), with nothing sent again.
 */
import { messageOf } from '../errors/segment-report-error.ts';
import { createHash } from 'node:crypto';
import { notifyUncertainDelivery } from './claimed-run.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { type EmailMessage } from './ports.ts';
import type { HeldClaim } from './held-claim.ts';
import { EmailNotSentError, DeliveryUncertainError } from '../errors/delivery-errors.ts';

/** Sends `message` under `claim` and marks it `sent`; returns the mail service's message id. */
export async function sendOnce(
  context: DeliveryContext,
  claim: HeldClaim,
  message: Omit<EmailMessage, 'messageId'>,
  subject: string,
): Promise<string> {
  await claim.markSending();
  let messageId: string;
  try {
    messageId = await context.mailer.send({
      ...message,
      messageId: messageIdOf(claim.key, context.config.sender),
    });
  } catch (error) {
    const reason = messageOf(error);
    if (error instanceof EmailNotSentError) {
      await claim.fail(reason);
      throw error;
    }
    await claim.markUncertain(reason);
    await notifyUncertainDelivery(context, subject, claim.key);
    throw new DeliveryUncertainError(`${subject}: ${reason}; the email is not sent again`, { cause: error });
  }
  await claim.finish('sent', messageId).catch((error: unknown) => {
    // The email went; only its record did not. The retry will find the claim `sending` and raise the alarm.
    context.logger.error('email sent but the claim could not be marked sent', {
      claimKey: claim.key,
      messageId,
      error: String(error),
    });
    throw error;
  });
  return messageId;
}

/** One Message-ID per claim: two copies of one report, however they came about, show as one. */
export function messageIdOf(claimKey: string, sender: string): string {
  const domain = sender.split('@').pop() ?? 'segment-report.invalid';
  return `<${createHash('sha256').update(claimKey).digest('hex').slice(0, 32)}@${domain}>`;
}
