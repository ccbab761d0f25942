/**
 * The local stand-ins for AWS, started in-process on 127.0.0.1 with free ports: S3 (s3rver, files in a temporary
 * folder) and SES v2 (aws-ses-v2-local, emails kept in memory). The real AWS SDK clients talk to them; `npm start`
 * and the integration tests use this, nothing deployed does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsEndpoints } from '../lambda/adapters/aws-clients.ts';

const require = createRequire(import.meta.url);

/** What s3rver emits for each object written: an S3 event notification, as S3 would send it. */
export type S3EventListener = (event: { Records: unknown[] }) => void;

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(name: 'event', listener: S3EventListener): void;
  /** Koa's middleware list, composed when the server starts. */
  middleware: ConditionalWriteMiddleware[];
  store: { getMetadata(bucket: string, key: string): Promise<{ etag: string }> };
}

interface KoaContext {
  method: string;
  path: string;
  status: number;
  type: string;
  body: unknown;
  get(header: string): string;
}
type ConditionalWriteMiddleware = (context: KoaContext, next: () => Promise<void>) => Promise<void>;

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
  endpoints: AwsEndpoints;
  bucket: string;
  /** Calls the listener with every S3 event notification s3rver emits. */
  onS3Event(listener: S3EventListener): void;
  emails(): Promise<StoredEmail[]>;
  /** The raw MIME of a received email, as a .eml file holds it. */
  emlOf(messageId: string): Promise<string>;
  clearEmails(): Promise<void>;
  stop(): Promise<void>;
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

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
  s3.middleware.unshift(conditionalWrites(s3.store));
  const s3Address = await s3.run();
  const ses = await startSesServer({ host: '127.0.0.1', port: 0 });
  const sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  return {
    bucket,
    endpoints: {
      region: 'us-east-1',
      s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
      sesEndpoint: sesUrl,
      credentials: LOCAL_CREDENTIALS,
    },
    onS3Event: (listener) => s3.on('event', listener),
    emails: async () => ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredEmail[] }).emails,
    emlOf: async (messageId) => {
      // The server answers JSON: { messageId, fileName, body: <the .eml as a serialised Buffer> }.
      const response = await fetch(`${sesUrl}/get-emlContent?messageId=${encodeURIComponent(messageId)}`);
      const { body } = (await response.json()) as { body: { data: number[] } };
      return Buffer.from(body.data).toString('utf8');
    },
    clearEmails: async () => {
      await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
    },
    stop: async () => {
      await s3.close();
      await new Promise<void>((resolve) => ses.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * S3 honours `If-None-Match: *` and `If-Match: <etag>` on PutObject (412 Precondition Failed otherwise); s3rver
 * ignores both, so two concurrent runs could both claim the same run. This checks the condition and writes under
 * one lock per key, so the local stand-in gives the claims the guarantee S3 gives them.
 */
function conditionalWrites(store: S3rverInstance['store']): ConditionalWriteMiddleware {
  const locks = new Map<string, Promise<void>>();
  return async (context, next) => {
    const ifNoneMatch = context.get('if-none-match');
    const ifMatch = context.get('if-match');
    if (context.method !== 'PUT' || (!ifNoneMatch && !ifMatch)) return next();
    const [bucketName = '', ...keyParts] = context.path.slice(1).split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const lockKey = `${bucketName}/${key}`;
    const previous = locks.get(lockKey) ?? Promise.resolve();
    let release = () => {};
    const current = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => current);
    locks.set(lockKey, chained);
    await previous;
    try {
      const etag = await store.getMetadata(bucketName, key).then(
        (metadata) => metadata.etag,
        () => null,
      );
      const holds = ifNoneMatch
        ? ifNoneMatch === '*'
          ? etag === null
          : etag !== ifNoneMatch
        : etag !== null && etag === ifMatch;
      if (!holds) {
        context.status = 412;
        context.type = 'application/xml';
        context.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>${ifNoneMatch ? 'If-None-Match' : 'If-Match'}</Condition></Error>`;
        return;
      }
      await next();
    } finally {
      release();
      if (locks.get(lockKey) === chained) locks.delete(lockKey);
    }
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
