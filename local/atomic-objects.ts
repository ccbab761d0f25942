/**
 * S3 never serves half an object: a GET returns the whole old object or the whole new one, even during a PUT of
 * the same key. s3rver writes an object's bytes into its file in place, answers the PUT before they are flushed,
 * and streams a GET from that file after reading its length from another: under load a run could read a claim
 * record half written ("unreadable claim record"), which S3 never does. Two parts make the local stand-in keep
 * S3's promise: the store's putObject writes a temporary file and renames it over the object (a rename replaces
 * a file whole), and this middleware gives each key one lock that a write holds until the object is stored and a
 * read holds until its bytes are in memory.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import type { KoaMiddleware } from './conditional-requests.ts';

/** The part of s3rver's filesystem store that putObject uses. */
export interface ObjectStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: object, md5: string): Promise<void>;
  putObject(object: {
    bucket: string;
    key: string;
    content: Buffer | Readable;
    metadata: object;
  }): Promise<{ size: number; md5: string }>;
}

let temporaryFiles = 0;

/** Replaces the store's putObject by one that writes the object's file whole, then its metadata. */
export function makeWritesAtomic(store: ObjectStore): void {
  store.putObject = async (object) => {
    const path = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(path), { recursive: true });
    const content = Buffer.isBuffer(object.content) ? object.content : await bytesOf(object.content);
    const md5 = createHash('md5').update(content).digest('hex');
    const temporary = `${path}.${process.pid}.${temporaryFiles++}.partial`;
    await writeFile(temporary, content);
    await rename(temporary, path);
    await store.putMetadata(object.bucket, object.key, object.metadata, md5);
    return { size: content.length, md5 };
  };
}

/** One lock per object key: PUT, DELETE, GET and HEAD of a key take turns; a GET's body is read in full. */
export function atomicObjects(): KoaMiddleware {
  const locks = new Map<string, Promise<void>>();
  return async (context, next) => {
    const [bucketName = '', ...keyParts] = context.path.slice(1).split('/');
    const key = keyParts.join('/');
    if (key === '' || !['GET', 'HEAD', 'PUT', 'DELETE'].includes(context.method)) return next();
    const lockKey = `${bucketName}/${key}`;
    const previous = locks.get(lockKey) ?? Promise.resolve();
    let release = () => {};
    const chained = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    locks.set(lockKey, chained);
    await previous;
    try {
      await next();
      const body = context.body as Readable | null | undefined;
      if (body && typeof body === 'object' && typeof body.pipe === 'function')
        context.body = await bytesOf(body);
    } finally {
      release();
      if (locks.get(lockKey) === chained) locks.delete(lockKey);
    }
  };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
