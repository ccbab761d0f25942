/**
 * Who every email of the job is from and where a reply goes, declared once for the report and the notices: the
 * configured display name beside the sending address, and Reply-To the data team. The sending address is read
 * by nobody; the data team answers for the numbers an executive asks about, and on its own notices a reply then
 * reaches the whole team rather than that unread address.
 */
import type { AppConfig } from '../config/app-config.ts';
import type { EmailMessage } from './ports.ts';

/** The From and Reply-To of every email the job sends. */
export function senderOf(
  config: Pick<AppConfig, 'sender' | 'senderName' | 'recipients'>,
): Pick<EmailMessage, 'from' | 'replyTo'> {
  return {
    from: { name: config.senderName, address: config.sender },
    replyTo: config.recipients.dataTeam,
  };
}
