import { describe, expect, it } from 'vitest';
import { readEnvironment } from '../../lambda/handlers/environment.ts';
import { lazily } from '../../lambda/handlers/handler-dependencies.ts';
import { TEST_CONFIG } from '../support/local-delivery.ts';
import { InvalidOptionError } from '../../lambda/errors/input-errors.ts';

const VALID = { SEGMENT_REPORT_CONFIG: JSON.stringify(TEST_CONFIG), DATA_BUCKET: 'data-bucket' };

function errorOf(env: Record<string, string | undefined>): Error {
  try {
    readEnvironment(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error('readEnvironment accepted the environment');
}

describe('readEnvironment', () => {
  it('reads the configuration, the bucket and the region, with the defaults filled in', () => {
    const environment = readEnvironment({ ...VALID, AWS_REGION: 'eu-west-3' });

    expect(environment.bucket).toBe('data-bucket');
    expect(environment.endpoints).toEqual({ region: 'eu-west-3' });
    expect(environment.config).toMatchObject({
      sender: TEST_CONFIG.sender,
      recipients: TEST_CONFIG.recipients,
      prefixes: { incoming: 'incoming/', reports: 'reports/', rejected: 'rejected/', runs: 'runs/' },
      scheduleSource: 'newest',
      segmentationRefit: 'monthly',
      maxAttachmentBytes: 2_000_000,
      linkExpiryDays: 7,
    });
    expect(environment.config).not.toHaveProperty('claimLeaseSeconds');
    expect(environment.config.report).toMatchObject({
      locale: 'en',
      currency: 'GBP',
      timeZone: 'Europe/London',
    });
    expect(environment.config.configurationSetName).toBeUndefined();
  });

  it('takes the local endpoints when they are set, and the default region otherwise', () => {
    const environment = readEnvironment({
      ...VALID,
      AWS_DEFAULT_REGION: 'us-west-2',
      SEGMENT_REPORT_S3_ENDPOINT: 'http://127.0.0.1:4568',
      SEGMENT_REPORT_SES_ENDPOINT: 'http://127.0.0.1:8005',
    });
    expect(environment.endpoints).toEqual({
      region: 'us-west-2',
      s3Endpoint: 'http://127.0.0.1:4568',
      sesEndpoint: 'http://127.0.0.1:8005',
    });
    expect(readEnvironment({ ...VALID, SEGMENT_REPORT_S3_ENDPOINT: '' }).endpoints).toEqual({
      region: 'us-east-1',
    });
  });

  it.each([
    [{ DATA_BUCKET: 'data-bucket' }, 'Environment variable SEGMENT_REPORT_CONFIG is required'],
    [{ ...VALID, SEGMENT_REPORT_CONFIG: '   ' }, 'Environment variable SEGMENT_REPORT_CONFIG is required'],
    [{ SEGMENT_REPORT_CONFIG: VALID.SEGMENT_REPORT_CONFIG }, 'Environment variable DATA_BUCKET is required'],
    [{ ...VALID, DATA_BUCKET: '' }, 'Environment variable DATA_BUCKET is required'],
  ])('names a missing variable: %j', (env, message) => {
    const error = errorOf(env);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toBe(message);
  });

  it('says when the configuration is not JSON', () => {
    const error = errorOf({ ...VALID, SEGMENT_REPORT_CONFIG: '{"sender": ' });

    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toMatch(/^Environment variable SEGMENT_REPORT_CONFIG is not valid JSON: /);
  });

  it.each([
    [
      { recipients: { executives: ['not an address'], dataTeam: ['d@shop.example'] } },
      'configuration: recipients.executives.0: must be an email address',
    ],
    [
      { recipients: { executives: [], dataTeam: ['d@shop.example'] } },
      'configuration: recipients.executives: needs at least one executive address',
    ],
    [
      { prefixes: { incoming: 'incoming' } },
      'configuration: prefixes.incoming: must be a key prefix ending with /, such as incoming/',
    ],
    [{ maxAttachmentBytes: 0 }, 'configuration: maxAttachmentBytes: '],
    // A fixed lease is gone: a claim expires with the invocation that holds it.
    [{ claimLeaseSeconds: 900 }, 'configuration: '],
    [
      { prefixes: { incoming: 'data/', reports: 'data/reports/' } },
      'configuration: prefixes.reports: must not overlap the input prefix data/',
    ],
    [{ scheduleSource: 'oldest' }, 'configuration: scheduleSource: '],
    [{ segmentationRefit: 'weekly' }, 'configuration: segmentationRefit: '],
    [
      { report: { currency: 'EURO' } },
      'configuration: report.currency: must be a three-letter ISO 4217 code',
    ],
    [{ report: { timeZone: 'Mars/Base' } }, 'configuration: report.timeZone: must be an IANA time zone'],
    [{ report: { alerts: { maxInactiveShare: 2 } } }, 'configuration: report.alerts.maxInactiveShare: '],
  ])('names the wrong field of the configuration: %j', (override, message) => {
    const error = errorOf({
      ...VALID,
      SEGMENT_REPORT_CONFIG: JSON.stringify({ ...TEST_CONFIG, ...override }),
    });

    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('refuses a field it does not know, rather than ignore a typo', () => {
    const error = errorOf({
      ...VALID,
      SEGMENT_REPORT_CONFIG: JSON.stringify({ ...TEST_CONFIG, maxAttachmentByte: 10 }),
    });

    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toBe('configuration: Unrecognized key: "maxAttachmentByte"');
  });
});

describe('lazily', () => {
  it('builds on first use only, then keeps what it built', () => {
    let builds = 0;
    const get = lazily(() => ({ build: ++builds }));

    expect(builds).toBe(0);
    expect(get()).toBe(get());
    expect(builds).toBe(1);
  });
});
