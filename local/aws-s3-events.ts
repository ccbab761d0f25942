/**
 * s3rver's event notifications, reshaped into what S3 sends: the key form-encoded (s3rver emits it raw, so a
 * handler that decodes `+` as a space would look for another object), `eTag` without quotes and `size` on every
 * ObjectCreated record (s3rver leaves the ETag out of copies), the bucket ARN as S3 writes it, and a multipart
 * completion named `CompleteMultipartUpload` rather than `Post`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { s3EventKey } from './s3-event-key.ts';

/** What the local S3 sends for each object written or deleted: an S3 event notification, as S3 would send it. */
export type S3EventListener = (event: { Records: unknown[] }) => void;

interface S3rverRecord {
  eventName: string;
  eventVersion?: string;
  s3: { bucket: { name: string; arn?: string }; object: { key: string; eTag?: string; size?: number } };
}

interface KoaRequestView {
  method: string;
  query: Record<string, unknown>;
}

/** The parts of s3rver this needs: its events, and the stored metadata (ETag, size) of an object. */
export interface S3rverEvents {
  on(name: 'event', listener: (event: { Records: S3rverRecord[] }) => void): void;
  store: { getMetadata(bucket: string, key: string): Promise<{ etag: string; 'content-length': number }> };
}

/**
 * Collects s3rver's events per request and hands them, completed, to the listeners before the response leaves:
 * a test that awaits PutObject has the event, as with s3rver's own. `middleware` must run around every request.
 */
export function awsS3Events(s3: S3rverEvents) {
  const listeners: S3EventListener[] = [];
  // s3rver emits from inside the request's controller; this ties each event to the request that caused it.
  const pendingOfRequest = new AsyncLocalStorage<{ records: S3rverRecord[] }>();
  s3.on('event', (event) => pendingOfRequest.getStore()?.records.push(...event.Records));

  const complete = async (record: S3rverRecord, request: KoaRequestView): Promise<unknown> => {
    const { bucket, object } = record.s3;
    let eventName = record.eventName;
    if (eventName === 'ObjectCreated:Post' && request.method === 'POST' && 'uploadId' in request.query) {
      eventName = 'ObjectCreated:CompleteMultipartUpload';
    }
    let { eTag, size } = object;
    if (eventName.startsWith('ObjectCreated:') && (eTag === undefined || size === undefined)) {
      const metadata = await s3.store.getMetadata(bucket.name, object.key);
      eTag ??= metadata.etag;
      size ??= Number(metadata['content-length']);
    }
    return {
      ...record,
      eventVersion: '2.1',
      eventName,
      s3: {
        ...record.s3,
        bucket: { ...bucket, arn: `arn:aws:s3:::${bucket.name}` },
        object: {
          ...object,
          key: s3EventKey(object.key),
          ...(eTag === undefined ? {} : { eTag: eTag.replace(/"/g, '') }),
          ...(size === undefined ? {} : { size }),
        },
      },
    };
  };

  return {
    onEvent: (listener: S3EventListener) => void listeners.push(listener),
    middleware: async (request: KoaRequestView, next: () => Promise<void>): Promise<void> => {
      const pending = { records: [] as S3rverRecord[] };
      await pendingOfRequest.run(pending, next);
      for (const record of pending.records) {
        const event = { Records: [await complete(record, request)] };
        for (const listener of listeners) listener(event);
      }
    },
  };
}
