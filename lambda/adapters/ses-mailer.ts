/**
 * Email through SES v2 `SendEmail` with a raw MIME message (HTML, plain text, attachments) built by nodemailer's
 * MailComposer, and the configuration set passed through. An answer from SES refusing the message (4xx, throttled
 * after the SDK's retries), or a connection refused, is `EmailNotSentError`; anything else (no answer, a reset, a 5xx) may hide an accepted
 * message and is `EmailOutcomeUnknownError`, never retried (see `retryOnlyThrottling`).
 */
import { SendEmailCommand, type SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { isConnectionRefused } from './aws-clients.ts';
import { type EmailMessage, type Mailer } from '../delivery/ports.ts';
import { EmailNotSentError, EmailOutcomeUnknownError } from '../errors/delivery-errors.ts';

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly configurationSetName?: string,
  ) {}

  async send(message: EmailMessage): Promise<string> {
    const raw = await composeMime(message);
    try {
      const response = await this.client.send(
        new SendEmailCommand({
          // The address alone: SES checks it against the verified identity; the name is in the MIME's From.
          FromEmailAddress: message.from.address,
          Destination: { ToAddresses: [...message.to] },
          Content: { Raw: { Data: raw } },
          ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
        }),
      );
      return response.MessageId ?? '';
    } catch (error) {
      const status = error instanceof SESv2ServiceException ? error.$metadata.httpStatusCode : undefined;
      const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if ((status !== undefined && status >= 400 && status < 500) || isConnectionRefused(error)) {
        throw new EmailNotSentError(`SES refused the email: ${description}`, { cause: error });
      }
      throw new EmailOutcomeUnknownError(`SES did not confirm the email: ${description}`, { cause: error });
    }
  }
}

/**
 * The raw MIME bytes of a message: multipart/alternative (text, HTML), mixed with the attachments; From with the
 * sender's display name, and Reply-To when the message has one. Inline images go with the HTML into a
 * multipart/related part (nodemailer puts an attachment with a `cid` there), each with its Content-ID.
 */
export function composeMime(message: EmailMessage): Promise<Uint8Array> {
  const composer = new MailComposer({
    // Given as name and address, never as one string: MailComposer quotes or encodes the name (RFC 2047), so no
    // character in it can end the header or add an address.
    from: { name: message.from.name, address: message.from.address },
    to: [...message.to],
    ...(message.replyTo === undefined ? {} : { replyTo: [...message.replyTo] }),
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
    ...(message.date === undefined ? {} : { date: message.date }),
    attachments: [
      ...message.attachments.map((attachment) => ({
        filename: attachment.filename,
        content:
          typeof attachment.content === 'string' ? attachment.content : Buffer.from(attachment.content),
        contentType: attachment.contentType,
      })),
      ...(message.inlineImages ?? []).map((image) => ({
        cid: image.cid,
        filename: image.filename,
        content: Buffer.from(image.content),
        contentType: image.contentType,
        contentDisposition: 'inline' as const,
      })),
    ],
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, raw) => (error ? reject(error) : resolve(new Uint8Array(raw))));
  });
}
