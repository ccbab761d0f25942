/**
 * The S3 adapter against the local S3 (s3rver) with the real SDK client; aws-sdk-client-mock only forces the
 * faults the local server cannot produce on demand (a 412 from a racing writer, a 409, a 503).
 */
import {
  GetObjectCommand,
  type GetObjectCommandInput,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lambda/adapters/aws-clients.ts';
import { S3ObjectStore } from '../../lambda/adapters/s3-object-store.ts';
import { ObjectNotFoundError } from '../../lambda/delivery/ports.ts';
import { type RunClaim, claimRun } from '../../lambda/delivery/run-claims.ts';
import { collectBytes } from '../support/byte-streams.ts';
import { type LocalDelivery, startLocalDelivery } from '../support/local-delivery.ts';

let local: LocalDelivery;

beforeAll(async () => {
  local = await startLocalDelivery();
});

afterAll(async () => {
  await local.stop();
});

function s3Error(status: number, name: string): S3ServiceException {
  return new S3ServiceException({
    name,
    $fault: status < 500 ? 'client' : 'server',
    $metadata: { httpStatusCode: status },
    message: `${name} (forced by the test)`,
  });
}

/** A client whose every command is mocked; GETs are passed on to the local S3, so only the PUT is faked. */
function clientFailingPuts(error: S3ServiceException | ((input: PutObjectCommandInput) => Promise<never>)) {
  const client = createS3Client(local.stack.endpoints);
  const mock = mockClient(client);
  mock
    .on(GetObjectCommand)
    .callsFake((input: GetObjectCommandInput) => local.s3.send(new GetObjectCommand(input)));
  if (typeof error === 'function') mock.on(PutObjectCommand).callsFake(error);
  else mock.on(PutObjectCommand).rejects(error);
  return { client, mock, store: new S3ObjectStore(client, local.bucket) };
}

/** The PutObject inputs a client sends, recorded by a middleware (the requests still go to the local S3). */
function recordPuts(client: S3Client): PutObjectCommandInput[] {
  const puts: PutObjectCommandInput[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutObjectCommand') puts.push({ ...(args.input as PutObjectCommandInput) });
      return next(args);
    },
    { step: 'initialize', name: 'recordPuts' },
  );
  return puts;
}

describe('S3ObjectStore on the local S3', () => {
  it('writes and reads back text and bytes, with the ETag the listing shows', async () => {
    const bytes = new Uint8Array(200_000).map((_, index) => (index * 31) % 256);
    await local.store.write('store/text.json', '{"é":1}', 'application/json');
    await local.store.write('store/bytes.bin', bytes, 'application/octet-stream');

    const text = await local.store.readText('store/text.json');
    expect(text?.text).toBe('{"é":1}');
    expect(await collectBytes(await local.store.readStream('store/bytes.bin'))).toEqual(Buffer.from(bytes));
    const listed = await local.store.list('store/');
    expect(listed.map((object) => [object.key, object.size])).toEqual([
      ['store/bytes.bin', 200_000],
      ['store/text.json', Buffer.byteLength('{"é":1}')],
    ]);
    expect(listed[1]?.etag).toBe(text?.etag);
    expect(listed[0]?.lastModified).toBeInstanceOf(Date);
  });

  it('reads a missing object as null, or as ObjectNotFoundError when streaming', async () => {
    expect(await local.store.readText('store/missing.json')).toBeNull();
    await expect(local.store.readStream('store/missing.csv')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(local.store.readStream('store/missing.csv')).rejects.toThrow(
      `s3://${local.bucket}/store/missing.csv: no such object`,
    );
  });

  it('creates an object only when absent', async () => {
    expect(await local.store.createIfAbsent('store/once.json', 'first', 'application/json')).toBe(true);
    expect(await local.store.createIfAbsent('store/once.json', 'second', 'application/json')).toBe(false);
    expect((await local.store.readText('store/once.json'))?.text).toBe('first');
  });

  it('replaces an object only while its ETag is unchanged', async () => {
    await local.store.write('store/versioned.json', 'v1', 'application/json');
    const v1 = await local.store.readText('store/versioned.json');

    expect(
      await local.store.replaceIfUnchanged('store/versioned.json', 'v2', 'application/json', v1?.etag ?? ''),
    ).toBe(true);
    expect(
      await local.store.replaceIfUnchanged('store/versioned.json', 'v3', 'application/json', v1?.etag ?? ''),
    ).toBe(false);
    expect((await local.store.readText('store/versioned.json'))?.text).toBe('v2');
  });

  it('signs a download link that works until it expires', async () => {
    await local.store.write('store/customers.csv', 'customer_id,cluster\nC1,1\n', 'text/csv');

    const before = Date.now();
    const { url, expires } = await local.store.signedDownloadUrl('store/customers.csv', 3600);
    const after = Date.now();

    // Static credentials (the local ones) do not expire, so the link lasts as long as asked.
    expect(expires.getTime()).toBeGreaterThanOrEqual(before + 3600_000);
    expect(expires.getTime()).toBeLessThanOrEqual(after + 3600_000);
    expect(url).toContain('X-Amz-Expires=3600');
    expect(url).toContain('X-Amz-Signature=');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('customer_id,cluster\nC1,1\n');
  });
});

describe('S3ObjectStore conditional writes when S3 refuses them', () => {
  it('reads a 412 Precondition Failed as "someone else wrote it"', async () => {
    const { store, mock } = clientFailingPuts(s3Error(412, 'PreconditionFailed'));

    expect(await store.createIfAbsent('store/mocked.json', '{}', 'application/json')).toBe(false);
    expect(await store.replaceIfUnchanged('store/mocked.json', '{}', 'application/json', '"etag"')).toBe(
      false,
    );

    const puts = mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts[0]).toMatchObject({ Bucket: local.bucket, Key: 'store/mocked.json', IfNoneMatch: '*' });
    expect(puts[1]).toMatchObject({ Key: 'store/mocked.json', IfMatch: '"etag"' });
    expect(puts[1]?.IfNoneMatch).toBeUndefined();
  });

  it('reads a 409 conflicting write the same way', async () => {
    const { store } = clientFailingPuts(s3Error(409, 'ConditionalRequestConflict'));

    expect(await store.createIfAbsent('store/mocked.json', '{}', 'application/json')).toBe(false);
  });

  it('throws any other error', async () => {
    const { store } = clientFailingPuts(s3Error(503, 'SlowDown'));

    await expect(store.createIfAbsent('store/mocked.json', '{}', 'application/json')).rejects.toThrow(
      'SlowDown',
    );
  });

  it('makes claimRun report the run in progress when another run won the create', async () => {
    const key = 'runs/upload/raced.json';
    const winner: RunClaim = { runId: 'winner', state: 'claimed', claimedAt: '2025-03-05T09:00:00.000Z' };
    // The other run's write lands between our read and our conditional create, which S3 then refuses.
    const { store } = clientFailingPuts(async () => {
      await local.s3.send(
        new PutObjectCommand({ Bucket: local.bucket, Key: key, Body: JSON.stringify(winner) }),
      );
      throw s3Error(412, 'PreconditionFailed');
    });

    const outcome = await claimRun(store, key, 'loser', new Date('2025-03-05T09:00:01Z'), 900);

    expect(outcome).toEqual({ kind: 'in-progress', claim: winner });
    expect(JSON.parse((await local.store.readText(key))?.text ?? '{}')).toEqual(winner);
  });
});

describe('claims on the local S3', () => {
  it('take over a stale claim with a put conditional on its ETag', async () => {
    const key = 'runs/weekly/stale.json';
    await local.store.write(
      key,
      JSON.stringify({ runId: 'dead-run', state: 'claimed', claimedAt: '2025-03-05T09:00:00.000Z' }),
      'application/json',
    );
    const etag = (await local.store.readText(key))?.etag;
    const client = createS3Client(local.stack.endpoints);
    const puts = recordPuts(client);

    const outcome = await claimRun(
      new S3ObjectStore(client, local.bucket),
      key,
      'retry',
      new Date('2025-03-05T09:16:00Z'),
      900,
    );

    expect(outcome).toEqual({ kind: 'claimed' });
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ Key: key, IfMatch: etag });
    expect(JSON.parse((await local.store.readText(key))?.text ?? '{}')).toMatchObject({ runId: 'retry' });
  });

  it('let only one of two concurrent retries take over a stale claim', async () => {
    const key = 'runs/weekly/stale-raced.json';
    await local.store.write(
      key,
      JSON.stringify({ runId: 'dead-run', state: 'claimed', claimedAt: '2025-03-05T09:00:00.000Z' }),
      'application/json',
    );
    const later = new Date('2025-03-05T10:00:00Z');

    const outcomes = await Promise.all([
      claimRun(local.store, key, 'retry-a', later, 900),
      claimRun(local.store, key, 'retry-b', later, 900),
    ]);

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['claimed', 'in-progress']);
  });

  it('let only one of two concurrent runs create a claim', async () => {
    const key = 'runs/upload/created-raced.json';
    const now = new Date('2025-03-05T10:00:00Z');

    const outcomes = await Promise.all(
      ['run-a', 'run-b', 'run-c'].map((runId) => claimRun(local.store, key, runId, now, 900)),
    );

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['claimed', 'in-progress', 'in-progress']);
  });
});
