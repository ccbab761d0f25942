/**
 * The local S3: s3rver on 127.0.0.1 with a free port, its files in a temporary folder, made to keep S3's
 * promises the delivery code relies on: event notifications shaped as S3 sends them (aws-s3-events.ts),
 * conditional requests honoured (conditional-requests.ts) and objects read and written whole (atomic-objects.ts),
 * as Koa middleware in front of s3rver's own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type S3EventListener, type S3rverEvents, awsS3Events } from './aws-s3-events.ts';
import { atomicObjects, makeWritesAtomic, type ObjectStore } from './atomic-objects.ts';
import { type KoaMiddleware, conditionalRequests } from './conditional-requests.ts';

const require = createRequire(import.meta.url);

interface S3rverInstance extends S3rverEvents {
  store: S3rverEvents['store'] & ObjectStore;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  /** Koa's middleware list, composed when the server starts. */
  middleware: KoaMiddleware[];
}

export interface LocalS3 {
  /** `http://127.0.0.1:<port>`. */
  endpoint: string;
  /** Calls the listener with every S3 event notification, shaped as S3 sends it (keys form-encoded). */
  onEvent(listener: S3EventListener): void;
  /** Closes the server and deletes its files. */
  stop(): Promise<void>;
}

/** Starts s3rver with `bucket`, its events and conditional requests made S3's. */
export async function startLocalS3(bucket: string): Promise<LocalS3> {
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
  makeWritesAtomic(s3.store);
  // Unshifted innermost first: the key's lock is taken before its conditions are checked and held until the
  // object is written or read, so a check and what follows it see the same object.
  s3.middleware.unshift(conditionalRequests(s3.store));
  s3.middleware.unshift(atomicObjects());
  s3.middleware.unshift(events.middleware);
  const address = await s3.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    onEvent: events.onEvent,
    stop: async () => {
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
