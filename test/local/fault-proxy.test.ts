/**
 * The fault proxy in front of the local S3 and SES, with real AWS SDK clients: each fault does what it says, seen
 * from the SDK (its retries, its errors) and from the stand-ins (what they accepted). The clients here are plain
 * SDK clients with the standard retries, so that the faults, not the project's retry policy, are under test.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ListEmailTemplatesCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { createS3Client } from '../../lambda/adapters/aws-clients.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SEND = { method: 'POST', path: '/v2/email/outbound-emails' };
const RAW_EMAIL =
  'From: reports@segment-report.example\r\nTo: ceo@shop.example\r\nSubject: Hi\r\n\r\nHello\r\n';

let stack: LocalStack;
let s3Faults: FaultProxy;
let sesFaults: FaultProxy;

beforeAll(async () => {
  stack = await startLocalStack('fault-proxy-test');
});

afterAll(async () => {
  await stack.stop();
});

beforeEach(async () => {
  await stack.clearEmails();
  s3Faults = await startFaultProxy('s3', stack.endpoints.s3Endpoint ?? '');
  sesFaults = await startFaultProxy('ses', stack.endpoints.sesEndpoint ?? '');
});

afterEach(async () => {
  await Promise.all([s3Faults.close(), sesFaults.close()]);
});

/** Standard retries: up to `maxAttempts` tries, transient errors (5xx, resets) and throttling retried. */
function sesClient(maxAttempts = 3): SESv2Client {
  return new SESv2Client({
    region: 'us-east-1',
    endpoint: sesFaults.url,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts,
  });
}

function s3Client(maxAttempts = 3): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: s3Faults.url,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts,
  });
}

function sendEmail(client: SESv2Client) {
  return client.send(
    new SendEmailCommand({
      FromEmailAddress: 'reports@segment-report.example',
      Destination: { ToAddresses: ['ceo@shop.example'] },
      Content: { Raw: { Data: new TextEncoder().encode(RAW_EMAIL) } },
    }),
  );
}

function put(client: S3Client, key: string) {
  return client.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: key }));
}

describe('SES behind the fault proxy', () => {
  it('503 once: the SDK retries, two requests seen, one email accepted', async () => {
    const fault = sesFaults.unavailableOnce(SEND);

    const { MessageId } = await sendEmail(sesClient());

    expect(fault.fired).toBe(1);
    expect(sesFaults.count(SEND)).toBe(2);
    expect(stack.rawMessages().map((message) => message.messageId)).toEqual([MessageId]);
  });

  it('reset before the upstream answered: never forwarded, so the retry sends it once', async () => {
    const fault = sesFaults.resetBeforeUpstream({ match: SEND });

    await sendEmail(sesClient());

    expect(fault.fired).toBe(1);
    expect(sesFaults.requests.map((seen) => seen.fault)).toEqual(['reset before upstream', null]);
    expect(await stack.emails()).toHaveLength(1);
  });

  it('reset after the upstream accepted: the stand-in has the email, the client an error', async () => {
    sesFaults.resetAfterAccepted({ match: SEND });

    await expect(sendEmail(sesClient(1))).rejects.toMatchObject({ code: 'ECONNRESET' });

    expect(stack.rawMessages().map((message) => message.raw.toString())).toEqual([RAW_EMAIL]);
  });

  it('reset after accepted, retried by the SDK: the email is accepted twice', async () => {
    sesFaults.resetAfterAccepted({ match: SEND });

    await sendEmail(sesClient());

    expect(sesFaults.count(SEND)).toBe(2);
    expect(await stack.emails()).toHaveLength(2);
  });

  it('500 after the upstream accepted: the client gets the 500, the stand-in has the email', async () => {
    const fault = sesFaults.failAfterAccepted({ match: SEND });

    await expect(sendEmail(sesClient(1))).rejects.toMatchObject({
      name: 'InternalFailure',
      $metadata: { httpStatusCode: 500 },
    });

    expect(fault.fired).toBe(1);
    expect(await stack.emails()).toHaveLength(1);
  });

  it('hang: the request is never answered and the stand-in never sees it, until the proxy closes', async () => {
    const fault = sesFaults.hang({ match: SEND });

    const sending = sendEmail(sesClient(1));
    await fault.firstFired;

    expect(await stack.emails()).toEqual([]);
    await sesFaults.close();
    await expect(sending).rejects.toThrow();
  });

  it('a fault narrowed to SendEmail lets every other request through', async () => {
    const fault = sesFaults.down({ match: SEND });

    const templates = await sesClient(1).send(new ListEmailTemplatesCommand({}));
    await expect(sendEmail(sesClient(1))).rejects.toThrow();

    expect(templates.$metadata.httpStatusCode).toBe(200);
    expect(fault.fired).toBe(1);
    expect(sesFaults.requests.map((seen) => seen.fault)).toEqual([null, 'down']);
  });
});

describe('S3 behind the fault proxy', () => {
  it('down: every attempt refused until cleared, then the same call works', async () => {
    const fault = s3Faults.down();

    await expect(put(s3Client(3), 'down.txt')).rejects.toThrow();
    expect(fault.fired).toBe(3);

    s3Faults.clear();
    await put(s3Client(3), 'down.txt');
    expect(s3Faults.count()).toBe(4);
  });

  it('down after N more requests: the first N go through, then S3 is down', async () => {
    const fault = s3Faults.down({ after: 2 });
    const client = s3Client(1);

    await put(client, 'first.txt');
    await put(client, 'second.txt');
    await expect(put(client, 'third.txt')).rejects.toThrow();

    expect(fault.fired).toBe(1);
    const direct = createS3Client(stack.endpoints);
    const third = direct.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'third.txt' }));
    await expect(third).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('503 once, only for PUTs under runs/: reads pass, the SDK retries the write', async () => {
    const fault = s3Faults.unavailableOnce({ method: 'PUT', path: '/runs/' });
    const client = s3Client();

    await put(client, 'reports/a.txt');
    await client.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'reports/a.txt' }));
    await put(client, 'runs/claim.json');

    expect(fault.fired).toBe(1);
    expect(s3Faults.requests.map((seen) => `${seen.method} ${seen.fault ?? 'forwarded'}`)).toEqual([
      'PUT forwarded',
      'GET forwarded',
      'PUT 503 once',
      'PUT forwarded',
    ]);
  });
});
