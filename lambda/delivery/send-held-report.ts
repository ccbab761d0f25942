/**
 * A released report's email, rebuilt from its archive exactly as it was held (issue 15): the same HTML, text, charts
 * and customers file; a linked customers file gets a fresh link (a link signed when the report was held may be
 * dead by its release), the only words that change. Its analysis becomes the series' latest before the email goes,
 * as a run archives before it sends, so that the next report compares with it.
 */
import { ClaimConflictError } from '../errors/delivery-errors.ts';
import { relinkCustomerFile } from '../report/render/held-report-email.ts';
import { ARCHIVE_FILES } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { executiveEmail } from './executive-email.ts';
import type { HeldClaim } from './held-claim.ts';
import type { HoldRecord } from './hold-record.ts';
import type { EmailAttachment, EmailInlineImage } from './ports.ts';
import { customersAttachment, signCustomersLink } from './run-archive.ts';
import { sendOnce } from './send-once.ts';

/** Sends the held report of `record` under `claim` (held by its release); returns the mail service's id. */
export async function sendHeldReport(
  context: DeliveryContext,
  claim: HeldClaim,
  record: HoldRecord,
): Promise<string> {
  const { store, config } = context;
  const folder = record.archive;
  const read = (name: string) => readArchived(context, `${folder}${name}`);
  const { html, text, attachment } = await reportBody(context, record);
  const images: EmailInlineImage[] = [];
  for (const image of record.images) {
    const content = await readBytes(context, `${folder}${ARCHIVE_FILES.charts}${image.filename}`);
    images.push({ cid: image.cid, filename: image.filename, contentType: 'image/png', content });
  }
  await store.write(
    `${folder}${ARCHIVE_FILES.analysis}`,
    await read(ARCHIVE_FILES.heldAnalysis),
    'application/json',
  );
  const email = executiveEmail(config, {
    subject: record.emailSubject,
    html,
    text,
    attachment,
    images,
    date: context.clock.now(),
  });
  const messageId = await sendOnce(context, claim, email, record.subject);
  context.logger.info('held report released and sent', {
    run: record.runName,
    kind: record.kind,
    recipients: config.recipients.executives.length,
    messageId,
  });
  return messageId;
}

/** The archived HTML and text, and the customers file: attached as held, or linked again. */
async function reportBody(
  context: DeliveryContext,
  record: HoldRecord,
): Promise<{ html: string; text: string; attachment: EmailAttachment | undefined }> {
  const { config } = context;
  const folder = record.archive;
  const html = await readArchived(context, `${folder}${ARCHIVE_FILES.html}`);
  const text = await readArchived(context, `${folder}${ARCHIVE_FILES.text}`);
  if ('attachedAs' in record.customers) {
    const csv = await readArchived(context, `${folder}${ARCHIVE_FILES.customers}`);
    return { html, text, attachment: customersAttachment(record.customers.attachedAs, csv) };
  }
  const fresh = await signCustomersLink(context, folder);
  const held = { url: record.customers.link.url, expires: new Date(record.customers.link.expires) };
  return { ...relinkCustomerFile({ html, text }, config.report, held, fresh), attachment: undefined };
}

async function readArchived(context: DeliveryContext, key: string): Promise<string> {
  const stored = await context.store.readText(key);
  if (stored === null) {
    throw new ClaimConflictError(
      `s3://${context.store.bucket}/${key}: missing from the held report's archive`,
    );
  }
  return stored.text;
}

async function readBytes(context: DeliveryContext, key: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await context.store.readStream(key)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
