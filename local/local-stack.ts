/**
 * The local stand-ins for AWS, started in-process on 127.0.0.1 with free ports: S3 (s3rver, files in a temporary
 * folder) and SES v2 (aws-ses-v2-local, emails kept in memory) behind a proxy that keeps the raw bytes of every
 * email it accepted. The real AWS SDK clients talk to them; `npm start` and the integration tests use this,
 * nothing deployed does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsEndpoints } from '../lambda/adapters/aws-clients.ts';
import { type RawEmail, acceptedRawEmails } from './accepted-raw-emails.ts';
import { type S3EventListener, type S3rverEvents, awsS3Events } from './aws-s3-events.ts';
import { type KoaMiddleware, conditionalRequests } from './conditional-requests.ts';
import { startLoopbackProxy } from './loopback-proxy.ts';

const require = createRequire(import.meta.url);

interface S3rverInstance extends S3rverEvents {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  /** Koa's middleware list, composed when the server starts. */
  middleware: KoaMiddleware[];
}

/** One email as aws-ses-v2-local keeps it (`GET /store`). */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { filename?: string; contentType: string; size: number; content: string }[];
  at: number;
}

export interface LocalStack {
  /** The SES endpoint is the recording proxy's, so every raw email sent through it is kept. */
  endpoints: AwsEndpoints;
  bucket: string;
  /** Calls the listener with every S3 event notification, shaped as S3 sends it (keys form-encoded). */
  onS3Event(listener: S3EventListener): void;
  /** The emails as the SES stand-in parsed them. */
  emails(): Promise<StoredEmail[]>;
  /** The exact bytes of every raw email SES accepted, in the order it accepted them. */
  rawMessages(): RawEmail[];
  /** The stand-in's rebuilt .eml of a received email (its own Date and Message-ID, not the bytes sent). */
  emlOf(messageId: string): Promise<string>;
  clearEmails(): Promise<void>;
  stop(): Promise<void>;
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts local S3 (with `bucket`) and SES; `stop()` closes both and deletes the S3 files. */
export async function startLocalStack(bucket = 'segment-report-local'): Promise<LocalStack> {
  const directory = await mkdtemp(join(tmpdir(), 'segment-report-s3-'));
  const S3rver = require('s3rver') as new (options: object) => S3rverInstance;
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const events = awsS3Events(s3);
  s3.middleware.unshift(conditionalRequests(s3.store));
  s3.middleware.unshift(events.middleware);
  const s3Address = await s3.run();
  const ses = await startSesServer({ host: '127.0.0.1', port: 0 });
  const sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  const accepted = acceptedRawEmails();
  const sesProxy = await startLoopbackProxy(sesUrl, accepted.hooks);
  return {
    bucket,
    endpoints: {
      region: 'us-east-1',
      s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
      sesEndpoint: sesProxy.url,
      credentials: LOCAL_CREDENTIALS,
    },
    onS3Event: events.onEvent,
    emails: async () => ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredEmail[] }).emails,
    rawMessages: accepted.messages,
    emlOf: async (messageId) => {
      // The server answers JSON: { messageId, fileName, body: <the .eml as a serialised Buffer> }.
      const response = await fetch(`${sesUrl}/get-emlContent?messageId=${encodeURIComponent(messageId)}`);
      const { body } = (await response.json()) as { body: { data: number[] } };
      return Buffer.from(body.data).toString('utf8');
    },
    clearEmails: async () => {
      accepted.clear();
      await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
    },
    stop: async () => {
      await sesProxy.close();
      await s3.close();
      await new Promise<void>((resolve) => ses.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}

type SesServerFactory = (config: { host: string; port: number }) => Promise<Server>;

/** aws-ses-v2-local is CommonJS with a `default` export; under tsx's ESM loader it arrives wrapped once more. */
async function startSesServer(config: { host: string; port: number }): Promise<Server> {
  const loaded = (await import('aws-ses-v2-local')) as unknown as {
    default: SesServerFactory | { default: SesServerFactory };
  };
  const factory = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
  return factory(config);
}
