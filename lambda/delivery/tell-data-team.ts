import type { Notice } from '../report/notices/data-team-notice.ts';
import type { DeliveryContext } from './delivery-context.ts';

/** Sends a notice to the data team; returns the mail service's message id. */
export function tellDataTeam(
  context: Pick<DeliveryContext, 'config' | 'mailer'>,
  notice: Notice,
): Promise<string> {
  const { config, mailer } = context;
  return mailer.send({ from: config.sender, to: config.recipients.dataTeam, ...notice, attachments: [] });
}
