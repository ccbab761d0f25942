/**
 * The upload path end to end on the local stand-ins: a file is put in the local S3, the upload handler is
 * invoked with the event the local S3 emitted, and the tests look at what the executives and the data team
 * received (local SES) and what was written to the bucket. aws-sdk-client-mock only forces SES faults.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import {
  rejectionReportKey,
  uploadClaimKey,
  uploadRunName,
  uploadSeriesFolder,
} from '../../lambda/delivery/archive-layout.ts';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import type { StoredEmail } from '../../local/local-ses.ts';
import {
  DATA_TEAM,
  DEFAULT_NOW,
  EXECUTIVES,
  type LocalDelivery,
  type S3Event,
  TEST_CONFIG,
  isToDataTeam,
  isToExecutives,
  recipientsOf,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { s3ObjectCreatedEvent } from '../support/s3-events.ts';
import { SAMPLE_GZ, sampleSlice } from '../support/sample-data.ts';
import { RunInProgressError } from '../../lambda/errors/delivery-errors.ts';

const CUSTOMERS_HEADER =
  'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cluster,cluster_margin,' +
  'ambiguous,p_alive,expected_purchases,expected_order_value,clv,p_high_value,priority';
/** Enough of the sample for a report with clusters, quicker to analyse than the whole of it. */
const SLICE = sampleSlice(4000);

let local: LocalDelivery;

beforeAll(async () => {
  local = await startLocalDelivery();
});

afterAll(async () => {
  await local.stop();
});

beforeEach(async () => {
  await local.stack.clearEmails();
});

function eTagOf(event: S3Event): string {
  const record = event.Records[0] as { s3: { object: { eTag: string } } };
  return record.s3.object.eTag;
}

/** The run folder of an upload: its file's series, then the moment S3 gives in the event and the object's digest. */
function archiveOf(key: string, event: S3Event): { folder: string; runName: string } {
  const record = event.Records[0] as { eventTime: string };
  const runName = uploadRunName(new Date(record.eventTime), local.bucket, key, eTagOf(event));
  return { folder: `${uploadSeriesFolder(local.config.prefixes, key, undefined)}${runName}/`, runName };
}

/** The email's CSV attachment as text (the charts come as inline images beside it). */
function attachmentText(email: StoredEmail): string {
  const attachment = email.attachments.find(({ contentType }) => contentType === 'text/csv');
  if (!attachment) throw new Error('the email has no attachment');
  return Buffer.from(attachment.content, 'base64').toString('utf8');
}

describe('an uploaded file', () => {
  it('sends one email to the executives, with the customers CSV attached, and archives the run', async () => {
    const key = 'incoming/online-retail.csv.gz';
    const event = await local.upload(key, SAMPLE_GZ);

    const outcomes = await local.uploadHandler()(event, { awsRequestId: 'upload-sample' });

    const { folder, runName } = archiveOf(key, event);
    expect(folder).toMatch(
      /^reports\/upload\/files\/online-retail-[0-9a-f]{12}\/\d{8}T\d{9}Z-[0-9a-f]{12}\/$/,
    );
    expect(outcomes).toEqual([{ status: 'sent', messageId: expect.any(String), archive: folder }]);
    const emails = await local.stack.emails();
    expect(emails).toHaveLength(1);
    const [email] = emails as [StoredEmail];
    expect(recipientsOf(email)).toEqual([...EXECUTIVES].sort());
    expect(email.from).toBe(`"Segment report" <${TEST_CONFIG.sender}>`);
    expect(email.subject).toBe(
      'Customer segmentation report, Dec 1, 2010 to Dec 9, 2011: revenue £833.3K, 442 customers',
    );
    // The three charts the HTML shows inline (by Content-ID; test/adapters checks the MIME), and the customers CSV.
    expect(email.attachments.map(({ filename, contentType }) => [filename, contentType])).toEqual([
      ['revenue-trend.png', 'image/png'],
      ['segment-buyers.png', 'image/png'],
      ['cohort-retention.png', 'image/png'],
      [`customers-upload-${runName}.csv`, 'text/csv'],
    ]);
    const csv = attachmentText(email);
    expect(csv.split('\n')[0]).toBe(CUSTOMERS_HEADER);
    expect(csv.trimEnd().split('\n')).toHaveLength(1 + 442);
    expect(email.body.html).toContain(`customers-upload-${runName}.csv`);
    expect(email.body.text).toContain('Source: online-retail.csv.gz');

    expect(await local.keys(folder)).toEqual(
      [
        'analysis.json',
        'charts/cohort-retention.png',
        'charts/revenue-trend.png',
        'charts/segment-buyers.png',
        'customers.csv',
        'model.json',
        'report.html',
        'report.txt',
        'segments.json',
      ].map((name) => `${folder}${name}`),
    );
    const chart = await local.readBytes(`${folder}charts/revenue-trend.png`);
    expect(chart?.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await local.readBytes(`${folder}customers.csv`))?.toString('utf8')).toBe(csv);
    const analysis = JSON.parse(
      (await local.readBytes(`${folder}analysis.json`))?.toString('utf8') ?? '',
    ) as {
      kpis: { customers: number };
    };
    expect(analysis.kpis.customers).toBe(442);
    // The SES stand-in's parser puts each cid: image into its HTML as a data: URL; the archive keeps the cid:.
    const archived = (await local.readBytes(`${folder}report.html`))?.toString('utf8') ?? '';
    expect(archived.match(/src="cid:[^"]+"/g)).toHaveLength(3);
    expect(archived.replace(/src="cid:[^"]+"/g, 'src=""')).toBe(
      (email.body.html ?? '').replace(/src="data:image\/png;base64,[^"]+"/g, 'src=""'),
    );

    const claimKey = uploadClaimKey(local.config.prefixes, local.bucket, key, eTagOf(event));
    expect(claimKey).toMatch(/^runs\/upload\/[0-9a-f]{64}\.json$/);
    expect(await local.uploadClaim(key, event)).toEqual({
      runId: 'upload-sample',
      holder: expect.stringMatching(/^[0-9a-f-]{36}$/),
      state: 'sent',
      claimedAt: DEFAULT_NOW.toISOString(),
      // No Lambda context here: the deadline is the deployed timeout (300 s), plus the 10 s margin.
      expiresAt: '2025-03-05T09:05:10.000Z',
      updatedAt: DEFAULT_NOW.toISOString(),
      detail: email.messageId,
    });
  });

  it('sends once when the same event arrives twice, one after the other', async () => {
    const key = 'incoming/sequential-duplicate.csv';
    const event = await local.upload(key, SLICE);
    const handler = local.uploadHandler();

    const first = await handler(event, { awsRequestId: 'first' });
    const second = await handler(event, { awsRequestId: 'retry' });

    expect(first[0]?.status).toBe('sent');
    expect(second).toEqual([{ status: 'duplicate', state: 'sent' }]);
    expect((await local.stack.emails()).filter(isToExecutives)).toHaveLength(1);
    expect(await local.stack.emails()).toHaveLength(1);
    expect((await local.uploadClaim(key, event))?.runId).toBe('first');
  });

  it('sends once when the same event is handled twice at the same time; the other waits or asks for a retry', async () => {
    const key = 'incoming/concurrent-duplicate.csv';
    const event = await local.upload(key, SLICE);
    const handler = local.uploadHandler();

    const outcomes = await Promise.allSettled([
      handler(event, { awsRequestId: 'one' }),
      handler(event, { awsRequestId: 'two' }),
    ]);

    const sent = outcomes.filter(
      (outcome) => outcome.status === 'fulfilled' && outcome.value[0]?.status === 'sent',
    );
    expect(sent).toHaveLength(1);
    const other = outcomes.find((outcome) => !sent.includes(outcome));
    // Never a success without the work done: it saw the report sent, or it failed so that Lambda retries it.
    if (other?.status === 'fulfilled') expect(other.value).toEqual([{ status: 'duplicate', state: 'sent' }]);
    else expect(String(other?.reason)).toContain('RunInProgressError');
    expect(await local.stack.emails()).toHaveLength(1);
    expect((await local.uploadClaim(key, event))?.state).toBe('sent');
  });

  it('makes a duplicate that finds a live run fail for a retry, never succeed with nothing sent', async () => {
    const key = 'incoming/live-claim.csv';
    const event = await local.upload(key, SLICE);
    const claimKey = uploadClaimKey(local.config.prefixes, local.bucket, key, eTagOf(event));
    const live: ClaimRecord = {
      runId: 'still-running',
      holder: 'still-running-attempt',
      state: 'claimed',
      claimedAt: DEFAULT_NOW.toISOString(),
      expiresAt: '2025-03-05T09:05:10.000Z',
      updatedAt: DEFAULT_NOW.toISOString(),
    };
    await local.store.write(claimKey, JSON.stringify(live), 'application/json');

    const failure = await local
      .uploadHandler()(event, { awsRequestId: 'duplicate' })
      .catch((error: unknown) => error);

    expect(String(failure)).toContain(RunInProgressError.name);
    expect(await local.stack.emails()).toEqual([]);
    expect(await local.uploadClaim(key, event)).toEqual(live);
  });

  it('is found under its decoded key when the event carries it URL-encoded, as S3 sends it', async () => {
    const key = 'incoming/march export (v2).csv';
    const uploaded = await local.upload(key, SLICE);
    const event = s3ObjectCreatedEvent(local.bucket, key, { eTag: eTagOf(uploaded), size: SLICE.length });
    expect(JSON.stringify(event)).toContain('incoming/march+export+%28v2%29.csv');

    const [outcome] = await local.uploadHandler()(event, { awsRequestId: 'encoded-key' });

    expect(outcome).toMatchObject({ status: 'sent', archive: archiveOf(key, event).folder });
    expect((await local.stack.emails())[0]?.body.text).toContain('Source: march export (v2).csv');
    expect((await local.uploadClaim(key, uploaded))?.state).toBe('sent');
  });

  it('ignores an event that is not an S3 notification', async () => {
    expect(await local.uploadHandler()({ detail: { bucket: local.bucket } })).toEqual([]);
    expect(await local.stack.emails()).toEqual([]);
  });

  it('is ignored when it is not under the incoming prefix', async () => {
    const event = await local.upload('exports/not-incoming.csv', SLICE);

    expect(await local.uploadHandler()(event)).toEqual([{ status: 'ignored', reason: expect.any(String) }]);
    expect(await local.stack.emails()).toEqual([]);
    const claimKey = uploadClaimKey(
      local.config.prefixes,
      local.bucket,
      'exports/not-incoming.csv',
      eTagOf(event),
    );
    expect(await local.readBytes(claimKey)).toBeNull();
  });
});

describe('a file that cannot be analysed', () => {
  const BINARY = new Uint8Array(4096).map((_, index) => (index * 37 + 11) % 256);
  const UNTERMINATED_QUOTE = 'Invoice,Customer,Date,Amount\n1,C1,2024-01-01,"10\n2,C2,2024-01-02,20\n';

  it.each([
    { name: 'binary bytes', key: 'incoming/photo.csv', body: BINARY, reason: 'binary data' },
    {
      name: 'an unterminated quote',
      key: 'incoming/broken-quote.csv',
      body: new Uint8Array(Buffer.from(UNTERMINATED_QUOTE)),
      reason: 'line 2: unterminated quoted field',
    },
  ])(
    'with $name is rejected: error report, one notice to the data team, nothing to the executives',
    async ({ key, body, reason }) => {
      const event = await local.upload(key, body);

      const outcomes = await local.uploadHandler()(event, { awsRequestId: 'bad-file' });

      const reportKey = rejectionReportKey(local.config.prefixes, key, eTagOf(event), {});
      expect(reportKey).toMatch(new RegExp(`^rejected/${key}/[0-9a-f]{32}-[0-9a-f]{12}\\.error\\.json$`));
      expect(outcomes).toEqual([{ status: 'rejected', errorReport: reportKey }]);
      const report = JSON.parse((await local.readBytes(reportKey))?.toString('utf8') ?? '{}') as Record<
        string,
        unknown
      >;
      expect(report).toMatchObject({
        input: `s3://${local.bucket}/${key}`,
        error: 'MalformedFileError',
        runId: 'bad-file',
        rejectedAt: DEFAULT_NOW.toISOString(),
      });
      expect(report.message).toContain(`s3://${local.bucket}/${key}`);
      expect(report.message).toContain(reason);

      const emails = await local.stack.emails();
      expect(emails.filter(isToExecutives)).toEqual([]);
      expect(emails.filter(isToDataTeam)).toHaveLength(1);
      expect(emails).toHaveLength(1);
      const [notice] = emails as [StoredEmail];
      expect(recipientsOf(notice)).toEqual([...DATA_TEAM]);
      expect(notice.subject).toBe(`File rejected: s3://${local.bucket}/${key}`);
      expect(notice.body.text).toContain(reason);
      expect(notice.body.text).toContain(`s3://${local.bucket}/${reportKey}`);

      expect(await local.readBytes(key)).toEqual(Buffer.from(body));
      expect((await local.uploadClaim(key, event))?.state).toBe('rejected');
      const stem = key.replace(/^incoming\/|\.csv$/g, '');
      expect((await local.keys('reports/upload/')).filter((archived) => archived.includes(stem))).toEqual([]);
    },
  );
});

describe("a file too large to read within the function's time", () => {
  it('is stopped before Lambda kills the run: a notice to the data team with what was read, nothing to the executives', async () => {
    const key = 'incoming/too-slow.csv';
    const event = await local.upload(key, SLICE);
    // Lambda says less time is left than the steps after reading need.
    const invocation = { awsRequestId: 'short-of-time', getRemainingTimeInMillis: () => 45_000 };

    const [outcome] = await local.uploadHandler()(event, invocation);

    expect(outcome).toMatchObject({ status: 'rejected' });
    const emails = await local.stack.emails();
    expect(emails.filter(isToExecutives)).toEqual([]);
    const [notice] = emails.filter(isToDataTeam);
    expect(notice?.body.text).toMatch(
      new RegExp(
        `s3://${local.bucket}/${key}: file too large for one function: [\\d,]+ lines read in [\\d.]+ s`,
      ),
    );
    expect((await local.uploadClaim(key, event))?.state).toBe('rejected');
  });
});

describe('a customers file larger than the attachment limit', () => {
  it('is linked with a pre-signed URL that downloads the archived CSV, not attached', async () => {
    const key = 'incoming/linked-customers.csv';
    const event = await local.upload(key, SLICE);
    const config = parseAppConfig({ ...TEST_CONFIG, maxAttachmentBytes: 1000 });

    const [outcome] = await local.uploadHandler({ config })(event, { awsRequestId: 'big-file' });

    expect(outcome?.status).toBe('sent');
    const emails = await local.stack.emails();
    expect(emails).toHaveLength(1);
    const [email] = emails as [StoredEmail];
    expect(email.attachments.filter(({ contentType }) => contentType !== 'image/png')).toEqual([]);
    const customersKey = `${archiveOf(key, event).folder}customers.csv`;
    const link = /href="([^"]*X-Amz-Signature[^"]*)"/
      .exec(email.body.html ?? '')?.[1]
      ?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    expect(link).toContain(`/${local.bucket}/${customersKey}?`);
    expect(link).toContain('X-Amz-Expires=604800');
    const download = await fetch(link ?? '');
    expect(download.status).toBe(200);
    const downloaded = await download.text();
    expect(downloaded.split('\n')[0]).toBe(CUSTOMERS_HEADER);
    expect(Buffer.byteLength(downloaded)).toBeGreaterThan(1000);
    expect(downloaded).toBe((await local.readBytes(customersKey))?.toString('utf8'));
  });
});
