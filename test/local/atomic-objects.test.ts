/**
 * The local S3 never serves half an object (local/atomic-objects.ts): while two versions of a key are written
 * over and over, every read returns one of them whole, and its ETag is that version's, as on S3.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDelivery, startLocalDelivery } from '../support/local-delivery.ts';

let local: LocalDelivery;

beforeAll(async () => {
  local = await startLocalDelivery();
});

afterAll(async () => {
  await local.stop();
});

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('objects read while they are written', () => {
  it('are always one whole version, with that version’s ETag', async () => {
    // Two versions of 4 MiB that differ everywhere: a torn read would match neither.
    const versions: readonly [Buffer, Buffer] = [Buffer.alloc(4 << 20, 'a'), Buffer.alloc(4 << 20, 'b')];
    const known = new Set(versions.map(md5));
    const key = 'runs/upload/claim.json';
    const put = (index: number) =>
      local.s3.send(
        new PutObjectCommand({
          Bucket: local.bucket,
          Key: key,
          Body: index % 2 === 0 ? versions[0] : versions[1],
        }),
      );
    await put(0);
    const read = async () => {
      const answer = await local.s3.send(new GetObjectCommand({ Bucket: local.bucket, Key: key }));
      const bytes = await answer.Body?.transformToByteArray();
      return { hash: md5(bytes ?? new Uint8Array()), eTag: (answer.ETag ?? '').replace(/"/g, '') };
    };
    const writes = Array.from({ length: 12 }, (_, index) => put(index + 1));
    const reads = Array.from({ length: 24 }, () => read());
    const [, seen] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
    for (const { hash, eTag } of seen) {
      expect(known.has(hash)).toBe(true);
      expect(eTag).toBe(hash);
    }
  }, 60_000);
});
