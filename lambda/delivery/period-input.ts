/**
 * What a scheduled run analyses: the input files received during its period (in the configured time zone),
 * without those rejected in the version they have now, either the newest alone or all of them read as one file
 * (the header of each later file must match the first one's and is skipped).
 */
import { decompressIfGzip } from '../engine/input/decompress.ts';
import type { AppConfig } from '../config/app-config.ts';
import { type InputRule, inputRuleFor } from '../config/input-rules.ts';
import { isCsvKey, isIncomingObject, rejectionReportKey } from './archive-layout.ts';
import type { ObjectStore, StoredObject } from './ports.ts';
import type { ReportPeriod } from './report-period.ts';
import { InputError } from '../errors/input-errors.ts';

/**
 * Input files uploaded within [startsAt, endsAt) of the period, and all those uploaded before its end, oldest first, without those whose current
 * content (ETag) was rejected with the reading options their prefix has now: a corrected file under the same
 * key, or the same file once the configuration says how to read it, counts again.
 */
export async function filesOfPeriod(
  store: ObjectStore,
  config: Pick<AppConfig, 'prefixes' | 'inputs'>,
  period: Pick<ReportPeriod, 'startsAt' | 'endsAt'>,
): Promise<{ inPeriod: StoredObject[]; untilEnd: StoredObject[]; newestEver: StoredObject | null }> {
  const { prefixes } = config;
  const rejected = new Set((await store.list(prefixes.rejected)).map((object) => object.key));
  const isRejected = (object: StoredObject) =>
    rejected.has(
      rejectionReportKey(prefixes, object.key, object.etag, inputRuleFor(config, object.key).options),
    );
  const inputs = (await store.list(prefixes.incoming))
    .filter((object) => isIncomingObject(prefixes, object.key) && isCsvKey(object.key))
    .filter((object) => !isRejected(object))
    .sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || a.key.localeCompare(b.key));
  const start = period.startsAt.getTime();
  const end = period.endsAt.getTime();
  const untilEnd = inputs.filter((object) => object.lastModified.getTime() < end);
  const inPeriod = untilEnd.filter((object) => object.lastModified.getTime() >= start);
  return { inPeriod, untilEnd, newestEver: inputs.at(-1) ?? null };
}

/** The files a scheduled run reads as one, oldest first, and the rule they are read with. */
export interface PeriodFiles {
  files: StoredObject[];
  rule: InputRule;
}

/**
 * What a run reads (oldest first), and with which rule: the newest file's. With `scheduleSource: newest`, the
 * newest file of the period alone (each upload is a whole export); with `period`, every file of the period that
 * shares its rule; with `history`, every file up to the period's end that shares it (each upload holds the orders
 * since the one before, so the history is all of them).
 */
export function filesToAnalyse(
  config: Pick<AppConfig, 'prefixes' | 'inputs' | 'scheduleSource'>,
  { inPeriod, untilEnd }: { inPeriod: readonly StoredObject[]; untilEnd: readonly StoredObject[] },
  newest: StoredObject,
): PeriodFiles {
  const rule = inputRuleFor(config, newest.key);
  const sharesRule = (file: StoredObject) => inputRuleFor(config, file.key).prefix === rule.prefix;
  const files =
    config.scheduleSource === 'newest'
      ? [newest]
      : (config.scheduleSource === 'period' ? inPeriod : untilEnd).filter(sharesRule);
  return { files, rule };
}

/** How a run names the files it reads: the one file's location, or how many files of which period. */
export function filesName(
  bucket: string,
  files: readonly Pick<StoredObject, 'key'>[],
  periodId: string,
): string {
  return files.length === 1 ? `s3://${bucket}/${files[0]?.key}` : `${files.length} files of ${periodId}`;
}

/** The bytes of several CSV files read as one: the first file whole, the others without their header line. */
export async function* concatenatedCsv(
  store: ObjectStore,
  files: readonly Pick<StoredObject, 'key' | 'etag'>[],
): AsyncGenerator<Uint8Array> {
  let lastByte = 0x0a;
  for await (const chunk of filesInSequence(store, files)) {
    if (chunk === FILE_END) {
      if (lastByte !== 0x0a) yield LINE_BREAK;
      lastByte = 0x0a;
      continue;
    }
    if (chunk.length === 0) continue;
    yield chunk;
    lastByte = chunk[chunk.length - 1] ?? lastByte;
  }
}

/** Marks the end of one file, so that a file without a final line break does not run into the next one. */
const FILE_END = new Uint8Array(0);
const LINE_BREAK = Uint8Array.of(0x0a);

async function* filesInSequence(
  store: ObjectStore,
  files: readonly Pick<StoredObject, 'key' | 'etag'>[],
): AsyncGenerator<Uint8Array> {
  let firstHeader: string | undefined;
  for (const { key, etag } of files) {
    const bytes = decompressIfGzip(await store.readStream(key, { etag }), `s3://${store.bucket}/${key}`);
    if (firstHeader === undefined) {
      const { header, rest } = await splitHeader(bytes);
      firstHeader = normaliseHeader(header);
      yield header;
      yield* rest;
      yield FILE_END;
      continue;
    }
    const { header, rest } = await splitHeader(bytes);
    if (normaliseHeader(header) !== firstHeader) {
      throw new InputError(
        `s3://${store.bucket}/${key}: its header differs from the first file of the period, so the files cannot be read as one`,
        { file: `s3://${store.bucket}/${key}` },
      );
    }
    yield* rest;
    yield FILE_END;
  }
}

/** The first line (with its line break) and the bytes after it. */
async function splitHeader(
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ header: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { header: Buffer.concat(seen), rest: empty() };
    seen.push(next.value);
    const joined = Buffer.concat(seen);
    const newline = joined.indexOf(0x0a);
    if (newline >= 0) {
      const tail = joined.subarray(newline + 1);
      return { header: joined.subarray(0, newline + 1), rest: continueWith(tail, iterator) };
    }
  }
}

async function* continueWith(
  first: Uint8Array,
  iterator: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

async function* empty(): AsyncGenerator<Uint8Array> {}

function normaliseHeader(header: Uint8Array): string {
  return Buffer.from(header)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trim();
}
