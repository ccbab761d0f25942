/**
 * The delivery layer on the local stand-ins, for the integration tests: one local S3 (s3rver) and local SES
 * (aws-ses-v2-local) per test file, the real AWS SDK clients and adapters, and the real handlers built with
 * `createUploadHandler` / `createScheduleHandler`. Uploads go through S3 and the test gets the event the local
 * S3 emitted for them (keys encoded as S3 encodes them), as Lambda would. With `{ faults: true }` the handlers
 * reach S3 and SES through fault proxies the test can arm (`local.faults.s3`, `local.faults.ses`).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { readdir, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../lambda/adapters/aws-clients.ts';
import { S3ObjectStore } from '../../lambda/adapters/s3-object-store.ts';
import { type AppConfig, type AppConfigInput, parseAppConfig } from '../../lambda/config/app-config.ts';
import { uploadClaimKey } from '../../lambda/delivery/archive-layout.ts';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import type { HandlerDependencies } from '../../lambda/handlers/handler-dependencies.ts';
import { createScheduleHandler } from '../../lambda/handlers/on-schedule.ts';
import { createUploadHandler } from '../../lambda/handlers/on-upload.ts';
import { dependenciesFor } from '../../lambda/handlers/handler-dependencies.ts';
import type { StoredEmail } from '../../local/local-ses.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { s3EventKey } from '../../local/s3-event-key.ts';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { HOLD_OFF } from './hold-settings.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// The handlers' structured logs are tested through what they do; here they would only bury the test output.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

export const EXECUTIVES = ['ceo@shop.example', 'cfo@shop.example'] as const;
export const DATA_TEAM = ['data-team@shop.example'] as const;

export const TEST_CONFIG: AppConfigInput = {
  sender: 'reports@segment-report.example',
  recipients: { executives: [...EXECUTIVES], dataTeam: [...DATA_TEAM] },
  report: { locale: 'en', currency: 'GBP', timeZone: 'Europe/London' },
  hold: HOLD_OFF,
};

/** An S3 event notification as s3rver (and S3) sends it. */
export interface S3Event {
  Records: unknown[];
}

export interface LocalDelivery {
  stack: LocalStack;
  bucket: string;
  config: AppConfig;
  /** A raw SDK client on the local S3, for what the tests do as a user would (upload, read back). */
  s3: S3Client;
  store: S3ObjectStore;
  /** The real adapters on the local stand-ins, the clock fixed at `now` unless overridden. */
  dependencies(overrides?: Partial<HandlerDependencies>): HandlerDependencies;
  uploadHandler(overrides?: Partial<HandlerDependencies>): ReturnType<typeof createUploadHandler>;
  scheduleHandler(overrides?: Partial<HandlerDependencies>): ReturnType<typeof createScheduleHandler>;
  /** Uploads an object through S3 and returns the ObjectCreated event the local S3 emitted for it. */
  upload(key: string, body: string | Uint8Array): Promise<S3Event>;
  /** Sets the object's modification time, as if it had been uploaded then (scheduled runs pick files by it). */
  backdate(key: string, moment: Date): Promise<void>;
  readBytes(key: string): Promise<Buffer | null>;
  /** The claim of the upload run of `key` named by the event's first record, or null when none was made. */
  uploadClaim(key: string, event: S3Event): Promise<ClaimRecord | null>;
  keys(prefix: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** The fault proxies the handlers' S3 and SES clients go through; the test's own `s3` and `store` do not. */
export interface DeliveryFaults {
  s3: FaultProxy;
  ses: FaultProxy;
}

export interface FaultyLocalDelivery extends LocalDelivery {
  faults: DeliveryFaults;
}

/**
 * Real time between two polls of a run waiting for a claim (its own clock moves on by the poll interval). A
 * waiting run thus crosses a 5-minute claim in about 6 real seconds: long enough for a live run on a loaded
 * machine to finish before a waiter could take its claim for a dead one's.
 */
const REAL_POLL_MS = 100;

/** The moment the tests run at unless they say otherwise (after every date in the sample). */
export const DEFAULT_NOW = new Date('2025-03-05T09:00:00Z');

/** Local S3 and SES with a fresh bucket; `{ faults: true }` puts fault proxies before the handlers' clients. */
export async function startLocalDelivery(
  configOverrides?: Partial<AppConfigInput>,
  now?: Date,
): Promise<LocalDelivery>;
export async function startLocalDelivery(
  configOverrides: Partial<AppConfigInput>,
  now: Date,
  options: { faults: true },
): Promise<FaultyLocalDelivery>;
export async function startLocalDelivery(
  configOverrides: Partial<AppConfigInput> = {},
  now = DEFAULT_NOW,
  options: { faults?: boolean } = {},
): Promise<LocalDelivery | FaultyLocalDelivery> {
  const bucket = `segment-report-test-${randomUUID().slice(0, 8)}`;
  const stack = await startLocalStack(bucket);
  const config = parseAppConfig({ ...TEST_CONFIG, ...configOverrides });
  const s3 = createS3Client(stack.endpoints);
  const events: S3Event[] = [];
  stack.onS3Event((event) => events.push(event));
  // The SES proxy is in front of the stack's own, which keeps the raw bytes of what the stand-in accepted.
  const faults: DeliveryFaults | undefined = options.faults
    ? {
        s3: await startFaultProxy('s3', stack.endpoints.s3Endpoint ?? ''),
        ses: await startFaultProxy('ses', stack.endpoints.sesEndpoint ?? ''),
      }
    : undefined;
  const handlerEndpoints = faults
    ? { ...stack.endpoints, s3Endpoint: faults.s3.url, sesEndpoint: faults.ses.url }
    : stack.endpoints;
  const base = dependenciesFor(config, bucket, handlerEndpoints);
  // Each invocation's clock starts at `now` (or the override's) and moves on only while the run waits for another
  // run's claim: it then polls the real local S3 every few real milliseconds while minutes pass on its clock.
  const dependencies = (overrides: Partial<HandlerDependencies> = {}): HandlerDependencies => {
    const clockAt = overrides.now ?? (() => now);
    let waitedMs = 0;
    return {
      ...base,
      ...overrides,
      now: () => new Date(clockAt().getTime() + waitedMs),
      sleep:
        overrides.sleep ??
        (async (milliseconds) => {
          waitedMs += milliseconds;
          await delay(REAL_POLL_MS);
        }),
    };
  };
  let directory: string | undefined;
  const objectFile = async (key: string): Promise<string> => {
    directory ??= await s3rverDirectory(bucket);
    const parts = key.split('/');
    const name = `${parts.pop() ?? ''}._S3rver_object`;
    return join(directory, bucket, ...parts, name);
  };
  const readBytes = async (key: string): Promise<Buffer | null> => {
    try {
      const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from((await response.Body?.transformToByteArray()) ?? []);
    } catch (error) {
      if (error instanceof Error && error.name === 'NoSuchKey') return null;
      throw error;
    }
  };
  return {
    ...(faults ? { faults } : {}),
    stack,
    bucket,
    config,
    s3,
    store: new S3ObjectStore(s3, bucket),
    dependencies,
    uploadHandler: (overrides) => createUploadHandler(() => dependencies(overrides)),
    scheduleHandler: (overrides) => createScheduleHandler(() => dependencies(overrides)),
    upload: async (key, body) => {
      const before = events.length;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
      const event = events.slice(before).find((candidate) => eventKey(candidate) === s3EventKey(key));
      if (!event) throw new Error(`the local S3 emitted no event for ${key}`);
      return event;
    },
    backdate: async (key, moment) => {
      const file = await objectFile(key);
      await stat(file);
      await utimes(file, moment, moment);
    },
    readBytes,
    uploadClaim: async (key, event) => {
      const claimKey = uploadClaimKey(config.prefixes, bucket, key, eventETag(event));
      const stored = await readBytes(claimKey);
      return stored ? (JSON.parse(stored.toString('utf8')) as ClaimRecord) : null;
    },
    keys: async (prefix) => (await new S3ObjectStore(s3, bucket).list(prefix)).map((o) => o.key).sort(),
    stop: async () => {
      // The proxies first: a request left hanging by a fault ends, and the run that made it fails, on them.
      await Promise.all([faults?.s3.close(), faults?.ses.close()]);
      await stack.stop();
    },
  };
}

/** The key named by the first record of an S3 event, encoded as S3 encodes it (see `s3EventKey`). */
export function eventKey(event: S3Event): string | undefined {
  const record = event.Records[0] as { s3?: { object?: { key?: string } } } | undefined;
  return record?.s3?.object?.key;
}

/** The ETag named by the first record of an S3 event (without quotes, as S3 sends it). */
function eventETag(event: S3Event): string {
  const record = event.Records[0] as { s3?: { object?: { eTag?: string } } } | undefined;
  return record?.s3?.object?.eTag ?? '';
}

/** Every address an email went to (the local SES keeps one To header as one "a, b" string). */
export function recipientsOf(email: StoredEmail): string[] {
  return email.destination.to
    .flatMap((to) => to.split(','))
    .map((address) => address.trim())
    .sort();
}

export function isToExecutives(email: StoredEmail): boolean {
  return recipientsOf(email).join() === [...EXECUTIVES].sort().join();
}

export function isToDataTeam(email: StoredEmail): boolean {
  return recipientsOf(email).join() === [...DATA_TEAM].sort().join();
}

/**
 * The folder s3rver keeps the bucket in (`startLocalStack` makes it under the system's temp dir): each test file
 * has its own randomly named bucket, so the folder holding it is this stack's.
 */
async function s3rverDirectory(bucket: string): Promise<string> {
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith('segment-report-s3-')) continue;
    const candidate = join(tmpdir(), name);
    if ((await readdir(candidate).catch((): string[] => [])).includes(bucket)) return candidate;
  }
  throw new Error(`no s3rver folder holds the bucket ${bucket}`);
}
