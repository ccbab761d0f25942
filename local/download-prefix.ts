/**
 * Copies the objects of a bucket under a prefix to a local folder, each at its key's path: the local run's
 * archive, to read after the local S3 (a temporary folder) is gone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/** A bucket holds far fewer pages than this locally; the bound only keeps a faulty listing from looping. */
const MAX_PAGES = 1000;

/** Writes every object under `prefix` to `folder/<key>`; returns the keys written, sorted. */
export async function downloadPrefix(
  s3: S3Client,
  bucket: string,
  prefix: string,
  folder: string,
): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listing = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(listing.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
    token = listing.IsTruncated ? listing.NextContinuationToken : undefined;
    if (token === undefined) break;
  }
  for (const key of keys) {
    const file = resolve(folder, ...key.split('/'));
    // A key such as `reports/../../x` must not write outside the folder.
    if (relative(resolve(folder), file).startsWith('..') || key.endsWith('/')) continue;
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, (await object.Body?.transformToByteArray()) ?? new Uint8Array());
  }
  return keys.sort();
}
