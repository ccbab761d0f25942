/**
 * The local S3 behaves as S3 where the delivery code relies on it: its event notifications are the ones S3 sends
 * (keys form-encoded, `eTag` without quotes and `size` on every ObjectCreated record, whatever wrote the object),
 * the upload handler finds the object they name, and a read conditional on an ETag fails once it changed.
 */
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3EventKey } from '../../local/s3-event-key.ts';
import { type LocalDelivery, type S3Event, startLocalDelivery } from '../support/local-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

interface ObjectRecord {
  eventName: string;
  s3: { bucket: { name: string; arn: string }; object: { key: string; eTag?: string; size?: number } };
}

let local: LocalDelivery;
const events: S3Event[] = [];

beforeAll(async () => {
  local = await startLocalDelivery();
  local.stack.onS3Event((event) => events.push(event));
});

afterAll(async () => {
  await local.stop();
});

/** The record of the last event about `key`. */
function lastRecordOf(key: string): ObjectRecord {
  const records = events.flatMap((event) => event.Records as ObjectRecord[]);
  const record = records.filter((candidate) => candidate.s3.object.key === s3EventKey(key)).at(-1);
  if (!record) throw new Error(`no event for ${key}`);
  return record;
}

async function eTagOf(key: string): Promise<string> {
  const head = await local.s3.send(new HeadObjectCommand({ Bucket: local.bucket, Key: key }));
  return (head.ETag ?? '').replace(/"/g, '');
}

describe('the local S3 events', () => {
  it('encode the key as S3 does, `+` for a space and `%2B` for a plus', async () => {
    await local.upload('incoming/a+b c (1).csv', 'x');

    const record = lastRecordOf('incoming/a+b c (1).csv');
    expect(record.s3.object.key).toBe('incoming/a%2Bb+c+%281%29.csv');
    expect(record.s3.bucket.arn).toBe(`arn:aws:s3:::${local.bucket}`);
  });

  it('carry the ETag without quotes and the size of a put object', async () => {
    await local.upload('incoming/put.csv', 'hello');

    expect(lastRecordOf('incoming/put.csv')).toMatchObject({
      eventName: 'ObjectCreated:Put',
      s3: { object: { eTag: await eTagOf('incoming/put.csv'), size: 5 } },
    });
  });

  it('carry the ETag and size of a copied object too (s3rver leaves the ETag out)', async () => {
    await local.upload('incoming/original.csv', 'copied bytes');
    await local.s3.send(
      new CopyObjectCommand({
        Bucket: local.bucket,
        Key: 'incoming/copy.csv',
        CopySource: `${local.bucket}/incoming/original.csv`,
      }),
    );

    expect(lastRecordOf('incoming/copy.csv')).toMatchObject({
      eventName: 'ObjectCreated:Copy',
      s3: { object: { eTag: await eTagOf('incoming/copy.csv'), size: 12 } },
    });
  });

  it('name a multipart upload CompleteMultipartUpload', async () => {
    const target = { Bucket: local.bucket, Key: 'incoming/multipart.csv' };
    const { UploadId } = await local.s3.send(new CreateMultipartUploadCommand(target));
    const part = await local.s3.send(
      new UploadPartCommand({ ...target, UploadId, PartNumber: 1, Body: 'abc' }),
    );
    await local.s3.send(
      new CompleteMultipartUploadCommand({
        ...target,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );

    expect(lastRecordOf('incoming/multipart.csv')).toMatchObject({
      eventName: 'ObjectCreated:CompleteMultipartUpload',
      s3: { object: { eTag: await eTagOf('incoming/multipart.csv'), size: 3 } },
    });
  });

  it('lead the upload handler to the object, even with a plus and a space in its name', async () => {
    const event = await local.upload('incoming/a+b c.csv', sampleSlice(2000));

    const [outcome] = await local.uploadHandler()(event, { awsRequestId: 'plus-and-space' });

    expect(outcome?.status).toBe('sent');
  });
});

describe('reads conditional on an ETag', () => {
  it('answer while the object is unchanged, and 412 Precondition Failed once it was replaced', async () => {
    const key = 'incoming/conditional.csv';
    await local.upload(key, 'first');
    const first = await eTagOf(key);
    const read = (IfMatch: string) =>
      local.s3.send(new GetObjectCommand({ Bucket: local.bucket, Key: key, IfMatch }));

    expect(await (await read(`"${first}"`)).Body?.transformToString()).toBe('first');
    await local.upload(key, 'second');

    await expect(read(`"${first}"`)).rejects.toMatchObject({ name: 'PreconditionFailed' });
    await expect(
      local.s3.send(new HeadObjectCommand({ Bucket: local.bucket, Key: key, IfMatch: `"${first}"` })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
    expect(await (await read(`"${await eTagOf(key)}"`)).Body?.transformToString()).toBe('second');
  });
});
