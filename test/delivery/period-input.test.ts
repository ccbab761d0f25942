import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rejectionReportKey } from '../../lambda/delivery/archive-layout.ts';
import { concatenatedCsv, filesOfPeriod } from '../../lambda/delivery/period-input.ts';
import { analyzeCsv } from '../../lambda/engine/analyze-csv.ts';
import { collectBytes } from '../support/byte-streams.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';
import { InputError } from '../../lambda/errors/input-errors.ts';
import { DEFAULT_PREFIXES as PREFIXES } from '../support/default-prefixes.ts';

const CONFIG = { prefixes: PREFIXES, inputs: {} };
const HEADER = 'Invoice,Customer,Date,Amount';

async function concatenated(store: MemoryObjectStore, keys: string[]): Promise<string> {
  return (await collectBytes(concatenatedCsv(store, await stored(store, keys)))).toString('utf8');
}

/** The files as a listing gives them: key and ETag. */
async function stored(store: MemoryObjectStore, keys: string[]) {
  const listing = await store.list('');
  return keys.map((key) => ({ key, etag: listing.find((object) => object.key === key)?.etag ?? '' }));
}

const MARCH_WEEK = { startsAt: new Date('2025-03-03T00:00:00Z'), endsAt: new Date('2025-03-10T00:00:00Z') };

describe('concatenatedCsv', () => {
  it('reads two files, one gzipped, as one, without the second header', async () => {
    const store = new MemoryObjectStore();
    store.put('incoming/a.csv', `${HEADER}\n1,C1,2024-01-01,10\n2,C2,2024-01-02,20\n`);
    store.put('incoming/b.csv.gz', new Uint8Array(gzipSync(`${HEADER}\n3,C3,2024-01-03,30\n`)));

    expect(await concatenated(store, ['incoming/a.csv', 'incoming/b.csv.gz'])).toBe(
      `${HEADER}\n1,C1,2024-01-01,10\n2,C2,2024-01-02,20\n3,C3,2024-01-03,30\n`,
    );
  });

  it('gives the engine every line of both files', async () => {
    const store = new MemoryObjectStore();
    store.put('incoming/a.csv', `${HEADER}\n1,C1,2024-01-01,10\n`);
    store.put(
      'incoming/b.csv.gz',
      new Uint8Array(gzipSync(`${HEADER}\n2,C2,2024-01-02,20\n3,C1,2024-01-03,30\n`)),
    );

    const files = await stored(store, ['incoming/a.csv', 'incoming/b.csv.gz']);
    const result = await analyzeCsv(concatenatedCsv(store, files), {
      sourceName: 'two files',
      now: new Date('2024-06-01T00:00:00Z'),
    });

    expect(result.analysis.input.rowsUsed).toBe(3);
    expect(result.analysis.kpis.customers).toBe(2);
    expect(result.analysis.kpis.revenue).toBe(60);
  });

  it('does not glue the last line of a file without a final line break to the next file', async () => {
    const store = new MemoryObjectStore();
    store.put('incoming/a.csv', `${HEADER}\n1,C1,2024-01-01,10`);
    store.put('incoming/b.csv', `${HEADER}\n2,C2,2024-01-02,20`);
    store.put('incoming/c.csv', `${HEADER}\n3,C3,2024-01-03,30\n`);

    expect(await concatenated(store, ['incoming/a.csv', 'incoming/b.csv', 'incoming/c.csv'])).toBe(
      `${HEADER}\n1,C1,2024-01-01,10\n2,C2,2024-01-02,20\n3,C3,2024-01-03,30\n`,
    );
  });

  it('finds the header line across chunk boundaries and ignores a BOM on a later file', async () => {
    const store = new MemoryObjectStore('memory-bucket', 3);
    store.put('incoming/a.csv', `${HEADER}\r\n1,C1,2024-01-01,10\r\n`);
    store.put('incoming/b.csv', `\uFEFF${HEADER}\r\n2,C2,2024-01-02,20\r\n`);

    expect(await concatenated(store, ['incoming/a.csv', 'incoming/b.csv'])).toBe(
      `${HEADER}\r\n1,C1,2024-01-01,10\r\n2,C2,2024-01-02,20\r\n`,
    );
  });

  it('rejects a file whose header differs, naming it', async () => {
    const store = new MemoryObjectStore('data-bucket');
    store.put('incoming/a.csv', `${HEADER}\n1,C1,2024-01-01,10\n`);
    store.put('incoming/b.csv', 'Invoice,Client,Date,Montant\n2,C2,2024-01-02,20\n');

    const reading = concatenated(store, ['incoming/a.csv', 'incoming/b.csv']);

    await expect(reading).rejects.toBeInstanceOf(InputError);
    await expect(reading).rejects.toThrow(
      's3://data-bucket/incoming/b.csv: its header differs from the first file of the period',
    );
  });
});

describe('filesOfPeriod', () => {
  it('keeps the input files modified within the period, oldest first, without rejected ones', async () => {
    const store = new MemoryObjectStore();
    const at = (moment: string) => new Date(moment);
    store.put('incoming/before.csv', HEADER, at('2025-03-02T23:59:59Z'));
    store.put('incoming/late.csv', HEADER, at('2025-03-09T23:59:59Z'));
    store.put('incoming/early.csv.gz', HEADER, at('2025-03-03T00:00:00Z'));
    store.put('incoming/rejected.csv', `${HEADER}\nbad`, at('2025-03-04T00:00:00Z'));
    const [rejected] = await stored(store, ['incoming/rejected.csv']);
    store.put(
      rejectionReportKey(PREFIXES, 'incoming/rejected.csv', rejected?.etag ?? '', {}),
      '{}',
      at('2025-03-04T00:00:01Z'),
    );
    store.put('incoming/notes.txt', 'not an input', at('2025-03-05T00:00:00Z'));
    store.put('incoming/after.csv', HEADER, at('2025-03-10T00:00:00Z'));

    const { inPeriod, newestEver } = await filesOfPeriod(store, CONFIG, MARCH_WEEK);

    expect(inPeriod.map((file) => file.key)).toEqual(['incoming/early.csv.gz', 'incoming/late.csv']);
    expect(newestEver?.key).toBe('incoming/after.csv');
  });

  it('counts a corrected file uploaded under the key of a rejected one', async () => {
    const store = new MemoryObjectStore();
    store.put('incoming/sales.csv', `${HEADER}\nbroken`, new Date('2025-03-04T00:00:00Z'));
    const [bad] = await stored(store, ['incoming/sales.csv']);
    store.put(rejectionReportKey(PREFIXES, 'incoming/sales.csv', bad?.etag ?? '', {}), '{}');
    expect((await filesOfPeriod(store, CONFIG, MARCH_WEEK)).inPeriod).toEqual([]);

    store.put('incoming/sales.csv', `${HEADER}\n1,C1,2025-03-04,10`, new Date('2025-03-05T00:00:00Z'));

    expect((await filesOfPeriod(store, CONFIG, MARCH_WEEK)).inPeriod.map((file) => file.key)).toEqual([
      'incoming/sales.csv',
    ]);
  });

  it('counts a rejected file again once its prefix is configured to read it', async () => {
    const store = new MemoryObjectStore();
    store.put('incoming/erp/march.csv', `${HEADER}\n1,C1,03/03/2025,10`, new Date('2025-03-04T00:00:00Z'));
    const [file] = await stored(store, ['incoming/erp/march.csv']);
    store.put(rejectionReportKey(PREFIXES, 'incoming/erp/march.csv', file?.etag ?? '', {}), '{}');
    expect((await filesOfPeriod(store, CONFIG, MARCH_WEEK)).inPeriod).toEqual([]);

    const configured = { prefixes: PREFIXES, inputs: { 'incoming/erp/': { dateFormat: 'DD/MM/YYYY' } } };

    expect((await filesOfPeriod(store, configured, MARCH_WEEK)).inPeriod.map((object) => object.key)).toEqual(
      ['incoming/erp/march.csv'],
    );
  });

  it('takes the period as instants: a Sunday-evening upload west of UTC is in the week it was made', async () => {
    const store = new MemoryObjectStore();
    // Sunday 9 March 2025, 20:00 in Los Angeles (PDT, UTC-7) is Monday 03:00 UTC.
    store.put('incoming/sunday-evening.csv', HEADER, new Date('2025-03-10T03:00:00Z'));
    const losAngelesWeek = {
      startsAt: new Date('2025-03-03T08:00:00Z'),
      endsAt: new Date('2025-03-10T07:00:00Z'),
    };

    expect((await filesOfPeriod(store, CONFIG, losAngelesWeek)).inPeriod.map((file) => file.key)).toEqual([
      'incoming/sunday-evening.csv',
    ]);
  });

  it('finds nothing in an empty bucket', async () => {
    expect(await filesOfPeriod(new MemoryObjectStore(), CONFIG, MARCH_WEEK)).toEqual({
      inPeriod: [],
      untilEnd: [],
      newestEver: null,
    });
  });
});
