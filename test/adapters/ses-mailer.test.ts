/**
 * The SES adapter: the raw MIME it builds, and sending through the real SDK client to the local SES
 * (aws-ses-v2-local), which parses the MIME as a mail client would. aws-sdk-client-mock only forces SES's
 * refusals and a lost connection.
 */
import {
  MessageRejected,
  SendEmailCommand,
  type SendEmailCommandInput,
  SESv2Client,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSesClient } from '../../lambda/adapters/aws-clients.ts';
import { SesMailer, composeMime } from '../../lambda/adapters/ses-mailer.ts';
import { type EmailMessage } from '../../lambda/delivery/ports.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { type MimePart, decodedBody, headerOf, parseMime } from '../support/mime-parts.ts';
import { EmailNotSentError, EmailOutcomeUnknownError } from '../../lambda/errors/delivery-errors.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const CSV = 'customer_id,recency_days,frequency\nC1,3,2\nC2,40,1\n';
const SENDER = 'reports@segment-report.example';
const MESSAGE: EmailMessage = {
  from: { name: 'Segment report', address: SENDER },
  to: ['ceo@shop.example', 'cfo@shop.example'],
  replyTo: ['data-team@shop.example', 'analyst@shop.example'],
  subject: 'Weekly report, Mar 3 to Mar 9, 2025: revenue £8.9K, 2 customers',
  html: '<!doctype html><html><body><p>Revenue £8.9K — café</p></body></html>',
  text: 'Revenue £8.9K — café\n',
  attachments: [{ filename: 'customers-weekly-2025-W10.csv', content: CSV, contentType: 'text/csv' }],
};

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack('ses-mailer-test');
});

afterAll(async () => {
  await stack.stop();
});

beforeEach(async () => {
  await stack.clearEmails();
});

function contentType(part: MimePart | undefined): string {
  return (headerOf(part, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
}

describe('composeMime', () => {
  it('holds the text and the HTML as alternatives, mixed with the attachment', async () => {
    const raw = Buffer.from(await composeMime(MESSAGE)).toString('utf8');
    const root = parseMime(raw);

    expect(contentType(root)).toBe('multipart/mixed');
    expect(headerOf(root, 'from')).toBe('Segment report <reports@segment-report.example>');
    expect(headerOf(root, 'to')).toBe('ceo@shop.example, cfo@shop.example');
    expect(headerOf(root, 'reply-to')).toBe('data-team@shop.example, analyst@shop.example');
    expect(headerOf(root, 'subject')).toMatch(/^=\?UTF-8\?/);
    const [alternative, attachment] = root.parts;
    expect(root.parts).toHaveLength(2);
    expect(contentType(alternative)).toBe('multipart/alternative');
    expect(alternative?.parts.map(contentType)).toEqual(['text/plain', 'text/html']);
    expect(decodedBody(alternative?.parts[0]).toString('utf8')).toBe(MESSAGE.text);
    expect(decodedBody(alternative?.parts[1]).toString('utf8')).toBe(MESSAGE.html);
    expect(contentType(attachment)).toBe('text/csv');
    expect(headerOf(attachment, 'content-disposition')).toBe(
      'attachment; filename=customers-weekly-2025-W10.csv',
    );
    expect(decodedBody(attachment).toString('utf8')).toBe(CSV);
  });

  it("carries the Message-ID and the Date it is given: the run's, not the mail server's", async () => {
    const raw = Buffer.from(
      await composeMime({
        ...MESSAGE,
        messageId: '<0123abcd@segment-report.example>',
        date: new Date('2025-03-10T07:00:00Z'),
      }),
    ).toString('utf8');
    const root = parseMime(raw);

    expect(headerOf(root, 'message-id')).toBe('<0123abcd@segment-report.example>');
    expect(headerOf(root, 'date')).toBe('Mon, 10 Mar 2025 07:00:00 +0000');
  });

  it('takes attachments given as bytes unchanged', async () => {
    const bytes = Uint8Array.from([0x00, 0xff, 0x10, 0x80, 0x0a]);
    const raw = await composeMime({
      ...MESSAGE,
      attachments: [{ filename: 'data.bin', content: bytes, contentType: 'application/octet-stream' }],
    });

    const attachment = parseMime(Buffer.from(raw).toString('utf8')).parts[1];
    expect(decodedBody(attachment)).toEqual(Buffer.from(bytes));
  });

  it('is text and HTML alone when there is nothing to attach', async () => {
    const raw = await composeMime({ ...MESSAGE, attachments: [] });

    const root = parseMime(Buffer.from(raw).toString('utf8'));
    expect(contentType(root)).toBe('multipart/alternative');
    expect(root.parts.map(contentType)).toEqual(['text/plain', 'text/html']);
  });
});

describe('SesMailer on the local SES', () => {
  it('delivers the message as a mail client reads it', async () => {
    const mailer = new SesMailer(createSesClient(stack.endpoints));

    const messageId = await mailer.send(MESSAGE);

    const emails = await stack.emails();
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email?.messageId).toBe(messageId);
    expect(email?.from).toBe(`"Segment report" <${SENDER}>`);
    expect(email?.destination.to.join(', ')).toBe('ceo@shop.example, cfo@shop.example');
    expect(email?.subject).toBe(MESSAGE.subject);
    expect(email?.body.html).toBe(MESSAGE.html);
    expect(email?.body.text).toBe(MESSAGE.text);
    expect(email?.attachments).toHaveLength(1);
    expect(email?.attachments[0]).toMatchObject({
      filename: 'customers-weekly-2025-W10.csv',
      contentType: 'text/csv',
      size: Buffer.byteLength(CSV),
    });
    expect(Buffer.from(email?.attachments[0]?.content ?? '', 'base64').toString('utf8')).toBe(CSV);
    expect(await stack.emlOf(messageId)).toContain('Content-Type: multipart/mixed');
  });

  it('passes the configuration set, and none when there is none', async () => {
    const inputs: SendEmailCommandInput[] = [];
    const client = createSesClient(stack.endpoints);
    client.middlewareStack.add(
      (next) => async (args) => {
        inputs.push(args.input as SendEmailCommandInput);
        return next(args);
      },
      { step: 'initialize', name: 'recordSendEmail' },
    );

    await new SesMailer(client, 'segment-report-events').send(MESSAGE);
    await new SesMailer(client).send(MESSAGE);

    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({
      ConfigurationSetName: 'segment-report-events',
      FromEmailAddress: SENDER,
      Destination: { ToAddresses: MESSAGE.to },
    });
    expect(inputs[0]?.Content?.Raw?.Data).toBeInstanceOf(Uint8Array);
    expect(inputs[1]).not.toHaveProperty('ConfigurationSetName');
    expect(await stack.emails()).toHaveLength(2);
  });
});

describe('SesMailer when SES does not take the email', () => {
  it.each([
    {
      name: 'throttled (429)',
      error: new TooManyRequestsException({
        message: 'Maximum sending rate exceeded.',
        $metadata: { httpStatusCode: 429 },
      }),
    },
    {
      name: 'rejected (400)',
      error: new MessageRejected({
        message: 'Email address is not verified.',
        $metadata: { httpStatusCode: 400 },
      }),
    },
  ])('reports a message $name as EmailNotSentError, with the cause', async ({ error }) => {
    const client = new SESv2Client({ region: 'us-east-1' });
    mockClient(client).on(SendEmailCommand).rejects(error);

    const failure = await new SesMailer(client).send(MESSAGE).catch((thrown: unknown) => thrown);

    expect(failure).toBeInstanceOf(EmailNotSentError);
    expect((failure as EmailNotSentError).message).toBe(
      `SES refused the email: ${error.name}: ${error.message}`,
    );
    expect((failure as EmailNotSentError).cause).toBe(error);
  });

  it('calls an error without an answer from SES an unknown outcome: the email may have been sent', async () => {
    const lost = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const client = new SESv2Client({ region: 'us-east-1' });
    mockClient(client).on(SendEmailCommand).rejects(lost);

    const failure = await new SesMailer(client).send(MESSAGE).catch((thrown: unknown) => thrown);

    expect(failure).toBeInstanceOf(EmailOutcomeUnknownError);
    expect(failure).not.toBeInstanceOf(EmailNotSentError);
    expect((failure as Error).cause).toBe(lost);
  });
});
