/**
 * The executives' email of a report, declared once for the run that sends it and the release of a held report:
 * the job's sender, the configured executives, the report's HTML and text, its charts inline by Content-ID, the
 * customers file attached when it is (else the report links it).
 */
import type { AppConfig } from '../config/app-config.ts';
import { senderOf } from './email-sender.ts';
import type { EmailAttachment, EmailInlineImage, EmailMessage } from './ports.ts';

export interface ReportEmailParts {
  subject: string;
  html: string;
  text: string;
  attachment: EmailAttachment | undefined;
  images: readonly EmailInlineImage[];
  date: Date;
}

export function executiveEmail(
  config: Pick<AppConfig, 'sender' | 'senderName' | 'recipients'>,
  parts: ReportEmailParts,
): Omit<EmailMessage, 'messageId'> {
  return {
    ...senderOf(config),
    to: config.recipients.executives,
    subject: parts.subject,
    html: parts.html,
    text: parts.text,
    attachments: parts.attachment ? [parts.attachment] : [],
    inlineImages: parts.images.map(({ cid, filename, contentType, content }) => ({
      cid,
      filename,
      contentType,
      content,
    })),
    date: parts.date,
  };
}
