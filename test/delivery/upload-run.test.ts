/**
 * The upload run's logic on the in-memory store and the fake clock: what the executives and the data team get,
 * what is archived and how the claim ends, for each way a run can go. The handler, the SDK clients and S3's
 * events are tested on the local servers in test/handlers.
 */
import { describe, expect, it } from 'vitest';
import { rejectionReportKey, uploadClaimKey } from '../../lambda/delivery/archive-layout.ts';
import { POLL_INTERVAL_MS, acquireClaim } from '../../lambda/delivery/run-claim.ts';
import { type UploadedObject, runUploadReport } from '../../lambda/delivery/upload-run.ts';
import { readSegmentationModel } from '../../lambda/engine/clustering/saved/segmentation-model-schema.ts';
import { SILENT_LOGGER } from '../support/fake-clock.ts';
import { MEMORY_TIMEOUT_MS, MemoryDelivery } from '../support/memory-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

const NOW = new Date('2025-03-05T09:00:00Z');
/** Enough of the sample for a report with clusters, quick to analyse. */
const SLICE = sampleSlice(1500);
const UNTERMINATED_QUOTE = 'Invoice,Customer,Date,Amount\n1,C1,2024-01-01,"10\n2,C2,2024-01-02,20\n';

/** Puts `body` under `key` as an uploader would; the object as its S3 event names it. */
function upload(world: MemoryDelivery, key: string, body: string): UploadedObject {
  world.store.put(key, body, NOW);
  return { key, etag: world.store.objects.get(key)?.etag ?? '', eventTime: NOW };
}

function claimKeyOf(world: MemoryDelivery, object: UploadedObject): string {
  return uploadClaimKey(world.config.prefixes, world.store.bucket, object.key, object.etag);
}

describe('an upload run', () => {
  it('sends the report to the executives once, archives the run, and closes its claim as sent', async () => {
    const world = new MemoryDelivery(NOW);
    const object = upload(world, 'incoming/shop.csv', SLICE);

    const outcome = await runUploadReport(world.context(), object);

    expect(outcome).toEqual({
      status: 'sent',
      messageId: 'message-1',
      archive: expect.stringMatching(
        /^reports\/upload\/files\/shop-[0-9a-f]{12}\/20250305T090000000Z-[0-9a-f]{12}\/$/,
      ),
    });
    expect(world.mailer.sent).toHaveLength(1);
    const [email] = world.mailer.toExecutives();
    expect(email?.subject).toMatch(/^Customer segmentation report, /);
    expect(email?.date).toEqual(NOW);
    expect(email?.messageId).toMatch(/^<[0-9a-f]{32}@segment-report\.example>$/);
    expect(email?.attachments.map((attachment) => attachment.filename)).toEqual([
      expect.stringMatching(/^customers-upload-20250305T090000000Z-[0-9a-f]{12}\.csv$/),
    ]);
    const archive = outcome.status === 'sent' ? outcome.archive : '';
    expect(world.keys(archive)).toEqual(
      ['analysis.json', 'customers.csv', 'model.json', 'report.html', 'report.txt', 'segments.json'].map(
        (file) => `${archive}${file}`,
      ),
    );
    // The segmentation the run fitted, as the command line's --model writes it and a later run reads it back.
    const model = readSegmentationModel(
      JSON.parse((await world.store.readText(`${archive}model.json`))?.text ?? ''),
    );
    expect(model).toMatchObject({ shape: 'transactions', source: `s3://memory-bucket/${object.key}` });
    expect(await world.claim(claimKeyOf(world, object))).toMatchObject({
      runId: 'request-attempt-1',
      state: 'sent',
      detail: 'message-1',
    });
  });

  it('rejects a file that cannot be read: an error report, one notice to the data team, nothing to the executives', async () => {
    const world = new MemoryDelivery(NOW);
    const object = upload(world, 'incoming/broken.csv', UNTERMINATED_QUOTE);

    const outcome = await runUploadReport(world.context(), object);

    const errorReport = rejectionReportKey(world.config.prefixes, object.key, object.etag, {});
    expect(outcome).toEqual({ status: 'rejected', errorReport });
    const report = JSON.parse((await world.store.readText(errorReport))?.text ?? '{}') as Record<
      string,
      unknown
    >;
    expect(report).toMatchObject({
      input: 's3://memory-bucket/incoming/broken.csv',
      etag: object.etag,
      error: 'MalformedFileError',
      runId: 'request-attempt-1',
      rejectedAt: NOW.toISOString(),
    });
    expect(world.mailer.toExecutives()).toEqual([]);
    expect(world.mailer.sent).toHaveLength(1);
    const [notice] = world.mailer.toDataTeam();
    expect(notice?.subject).toBe('File rejected: s3://memory-bucket/incoming/broken.csv');
    expect(notice?.text).toContain('line 2: unterminated quoted field');
    expect(notice?.text).toContain(`s3://memory-bucket/${errorReport}`);
    expect(world.keys('reports/')).toEqual([]);
    expect(await world.claim(claimKeyOf(world, object))).toMatchObject({
      state: 'rejected',
      detail: errorReport,
    });
  });

  it('tells the data team when the file is gone before it is read, and skips the run', async () => {
    const world = new MemoryDelivery(NOW);
    const object = { key: 'incoming/deleted.csv', etag: '0123456789abcdef', eventTime: NOW };

    const outcome = await runUploadReport(world.context(), object);

    expect(outcome).toEqual({ status: 'missing', messageId: 'message-1' });
    expect(world.mailer.toDataTeam().map((notice) => notice.subject)).toEqual([
      'File gone before it was read: s3://memory-bucket/incoming/deleted.csv',
    ]);
    expect(world.mailer.toExecutives()).toEqual([]);
    expect(await world.claim(claimKeyOf(world, object))).toMatchObject({
      state: 'skipped',
      detail: 's3://memory-bucket/incoming/deleted.csv: no such object',
    });
  });

  it('tells the data team about a file that is not a CSV, without reading it', async () => {
    const world = new MemoryDelivery(NOW);
    const object = upload(world, 'incoming/notes.txt', 'not a table');

    const outcome = await runUploadReport(world.context(), object);

    expect(outcome).toEqual({ status: 'not-csv', messageId: 'message-1' });
    expect(world.mailer.toDataTeam().map((notice) => notice.subject)).toEqual([
      'Not a CSV file: s3://memory-bucket/incoming/notes.txt',
    ]);
    expect(await world.claim(claimKeyOf(world, object))).toMatchObject({
      state: 'rejected',
      detail: 'not a CSV file',
    });
  });

  it('ignores an object outside the incoming prefix, without claiming it', async () => {
    const world = new MemoryDelivery(NOW);
    const object = upload(world, 'exports/shop.csv', SLICE);

    expect(await runUploadReport(world.context(), object)).toEqual({
      status: 'ignored',
      reason: 'not an object under incoming/',
    });
    expect(world.keys('runs/')).toEqual([]);
    expect(world.mailer.sent).toEqual([]);
  });
});

describe('a duplicate upload run', () => {
  it('stops at the claim of a run already done, and sends nothing again', async () => {
    const world = new MemoryDelivery(NOW);
    const object = upload(world, 'incoming/shop.csv', SLICE);
    await runUploadReport(world.context('first'), object);

    const again = await runUploadReport(world.context('second'), object);

    expect(again).toEqual({ status: 'duplicate', state: 'sent' });
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.clock.sleeps).toBe(0);
  });

  it('waits while another run holds the claim, then stops when that run is done', async () => {
    const world = new MemoryDelivery(NOW);
    const object = upload(world, 'incoming/shop.csv', SLICE);
    const other = await acquireClaim({
      store: world.store,
      key: claimKeyOf(world, object),
      runId: 'request-other',
      holder: 'other',
      clock: world.clock.forInvocation(MEMORY_TIMEOUT_MS),
      logger: SILENT_LOGGER,
    });
    if (other.kind !== 'claimed') throw new Error(`expected a claim, got ${other.kind}`);
    // The other run sends its report while this one waits for its second poll.
    world.clock.onSleep(2, () => other.claim.finish('sent', 'message-of-the-other-run'));

    const outcome = await runUploadReport(world.context('waiting'), object);

    expect(outcome).toEqual({ status: 'duplicate', state: 'sent' });
    expect(world.clock.sleeps).toBe(2);
    expect(world.clock.now()).toEqual(new Date(NOW.getTime() + 2 * POLL_INTERVAL_MS));
    expect(world.mailer.sent).toEqual([]);
  });
});
