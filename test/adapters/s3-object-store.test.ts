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
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import { acquireClaim } from '../../lambda/delivery/run-claim.ts';
import { collectBytes } from '../support/byte-streams.ts';
import { FakeClock, SILENT_LOGGER } from '../support/fake-clock.ts';
import { type LocalDelivery, startLocalDelivery } from '../support/local-delivery.ts';
import { ObjectNotFoundError, RunInProgressError } from '../../lambda/errors/delivery-errors.ts';

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

  it('streams the version asked for by ETag, and calls a replaced object not found', async () => {
    await local.store.write('store/input.csv', 'first', 'text/csv');
    const first = await local.store.readText('store/input.csv');
    expect(first?.etag).toMatch(/^[0-9a-f]{32}$/);

    const bytes = await collectBytes(await local.store.readStream('store/input.csv', { etag: first?.etag }));
    expect(bytes.toString('utf8')).toBe('first');
    await local.store.write('store/input.csv', 'second', 'text/csv');
    await expect(local.store.readStream('store/input.csv', { etag: first?.etag })).rejects.toThrow(
      `s3://${local.bucket}/store/input.csv: replaced by a newer upload`,
    );
  });

  it('creates an object only when absent, and says its ETag', async () => {
    const etag = await local.store.createIfAbsent('store/once.json', 'first', 'application/json');
    expect(etag).toMatch(/^[0-9a-f]{32}$/);
    expect(await local.store.createIfAbsent('store/once.json', 'second', 'application/json')).toBeNull();
    expect(await local.store.readText('store/once.json')).toEqual({ text: 'first', etag });
  });

  it('replaces an object only while its ETag is unchanged', async () => {
    await local.store.write('store/versioned.json', 'v1', 'application/json');
    const v1 = await local.store.readText('store/versioned.json');

    const v2 = await local.store.replaceIfUnchanged(
      'store/versioned.json',
      'v2',
      'application/json',
      v1?.etag ?? '',
    );
    expect(v2).toMatch(/^[0-9a-f]{32}$/);
    expect(
      await local.store.replaceIfUnchanged('store/versioned.json', 'v3', 'application/json', v1?.etag ?? ''),
    ).toBeNull();
    expect(await local.store.readText('store/versioned.json')).toEqual({ text: 'v2', etag: v2 });
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

    expect(await store.createIfAbsent('store/mocked.json', '{}', 'application/json')).toBeNull();
    expect(await store.replaceIfUnchanged('store/mocked.json', '{}', 'application/json', 'etag')).toBeNull();

    const puts = mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts[0]).toMatchObject({ Bucket: local.bucket, Key: 'store/mocked.json', IfNoneMatch: '*' });
    expect(puts[1]).toMatchObject({ Key: 'store/mocked.json', IfMatch: '"etag"' });
    expect(puts[1]?.IfNoneMatch).toBeUndefined();
  });

  it('reads a 409 conflicting write the same way', async () => {
    const { store } = clientFailingPuts(s3Error(409, 'ConditionalRequestConflict'));

    expect(await store.createIfAbsent('store/mocked.json', '{}', 'application/json')).toBeNull();
  });

  it('throws any other error', async () => {
    const { store } = clientFailingPuts(s3Error(503, 'SlowDown'));

    await expect(store.createIfAbsent('store/mocked.json', '{}', 'application/json')).rejects.toThrow(
      'SlowDown',
    );
  });

  it('makes a claim wait for the run that won the create, never claim twice', async () => {
    const key = 'runs/upload/raced.json';
    const winner: ClaimRecord = {
      runId: 'winner',
      holder: 'winner-attempt',
      state: 'claimed',
      claimedAt: '2025-03-05T09:00:00.000Z',
      expiresAt: '2025-03-05T09:05:10.000Z',
      updatedAt: '2025-03-05T09:00:00.000Z',
    };
    // The other run's write lands between our read and our conditional create, which S3 then refuses.
    const { store } = clientFailingPuts(async () => {
      await local.s3.send(
        new PutObjectCommand({ Bucket: local.bucket, Key: key, Body: JSON.stringify(winner) }),
      );
      throw s3Error(412, 'PreconditionFailed');
    });

    const claiming = acquireClaim(claimRequest(store, key, 'loser', new Date('2025-03-05T09:00:01Z')));

    await expect(claiming).rejects.toThrow(RunInProgressError);
    expect(JSON.parse((await local.store.readText(key))?.text ?? '{}')).toEqual(winner);
  });
});

/** A claim request whose invocation has `timeoutMs` left: too little to wait for another run by default. */
function claimRequest(store: S3ObjectStore, key: string, holder: string, now: Date, timeoutMs = 60_000) {
  return {
    store,
    key,
    runId: holder,
    holder,
    clock: new FakeClock(now).forInvocation(timeoutMs),
    logger: SILENT_LOGGER,
  };
}

function deadClaim(): string {
  return JSON.stringify({
    runId: 'dead-run',
    holder: 'dead-attempt',
    state: 'claimed',
    claimedAt: '2025-03-05T09:00:00.000Z',
    expiresAt: '2025-03-05T09:05:10.000Z',
    updatedAt: '2025-03-05T09:00:00.000Z',
  });
}

describe('claims on the local S3', () => {
  it("take over a dead run's claim with a put conditional on its ETag", async () => {
    const key = 'runs/weekly/stale.json';
    await local.store.write(key, deadClaim(), 'application/json');
    const etag = (await local.store.readText(key))?.etag;
    const client = createS3Client(local.stack.endpoints);
    const puts = recordPuts(client);

    const outcome = await acquireClaim(
      claimRequest(new S3ObjectStore(client, local.bucket), key, 'retry', new Date('2025-03-05T09:06:00Z')),
    );

    expect(outcome.kind).toBe('claimed');
    // The create is refused (a claim exists), then the dead one is replaced on its ETag.
    expect(puts).toHaveLength(2);
    expect(puts[0]).toMatchObject({ Key: key, IfNoneMatch: '*' });
    expect(puts[1]).toMatchObject({ Key: key, IfMatch: `"${etag}"` });
    expect(JSON.parse((await local.store.readText(key))?.text ?? '{}')).toMatchObject({ holder: 'retry' });
  });

  it('let only one of two concurrent retries take over a dead claim', async () => {
    const key = 'runs/weekly/stale-raced.json';
    await local.store.write(key, deadClaim(), 'application/json');
    const later = new Date('2025-03-05T10:00:00Z');

    const outcomes = await Promise.allSettled([
      acquireClaim(claimRequest(local.store, key, 'retry-a', later)),
      acquireClaim(claimRequest(local.store, key, 'retry-b', later)),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('let only one of ten concurrent runs create a claim; the others fail to be retried', async () => {
    const key = 'runs/upload/created-raced.json';
    const now = new Date('2025-03-05T10:00:00Z');

    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        acquireClaim(claimRequest(local.store, key, `run-${index}`, now)),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(RunInProgressError);
    }
  });
});
