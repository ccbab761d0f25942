import { messageOf } from '../../errors/segment-report-error.ts';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MalformedFileError } from '../../errors/input-errors.ts';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** When a gzip is refused as a decompression bomb. */
export interface DecompressionLimits {
  /** Output larger than this many times the compressed bytes read so far is refused... */
  maxRatio: number;
  /** ...once the output is past this many bytes, so that a small, very repetitive file is never refused. */
  ratioFreeBytes: number;
}

/**
 * Real CSV exports compress 3 to 20 times (Online Retail: 47 MB to 7.5 MB, 6x; CDNOW 4.8x); a gzip of a few
 * megabytes that expands to gigabytes is a decompression bomb, which would keep the function busy past its 5
 * minutes. Refused as soon as its output passes 32 MiB at more than 100 times the compressed bytes consumed: at
 * most 32 MiB (about a second of reading) is spent on it, and any file under 32 MiB expanded is never refused.
 */
export const GZIP_LIMITS: DecompressionLimits = { maxRatio: 100, ratioFreeBytes: 32 * 1024 * 1024 };

/** Yields the bytes of `source`, gunzipped when they start with the gzip magic number (whatever the file name). */
export async function* decompressIfGzip(
  source: AsyncIterable<Uint8Array>,
  sourceName: string,
  limits: DecompressionLimits = GZIP_LIMITS,
): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const head = await readHead(iterator, GZIP_MAGIC.length);
  if (head.length === 0) return;
  const rest = restartedIterable(head, iterator);
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest;
    return;
  }
  yield* gunzipped(rest, sourceName, limits);
}

async function* gunzipped(
  compressed: AsyncIterable<Uint8Array>,
  sourceName: string,
  limits: DecompressionLimits,
): AsyncGenerator<Uint8Array> {
  const input = Readable.from(compressed, { objectMode: false });
  const gunzip = createGunzip();
  let sourceError: unknown;
  input.on('error', (error) => {
    sourceError = error;
    gunzip.destroy(error);
  });
  input.pipe(gunzip);
  let outputBytes = 0;
  try {
    for await (const chunk of gunzip) {
      outputBytes += (chunk as Uint8Array).length;
      // bytesWritten: the compressed bytes zlib has consumed so far (not those read ahead and still queued).
      if (outputBytes > limits.ratioFreeBytes && outputBytes > limits.maxRatio * gunzip.bytesWritten) {
        throw bombError(sourceName, limits, gunzip.bytesWritten, outputBytes);
      }
      yield chunk as Uint8Array;
    }
  } catch (error) {
    if (sourceError !== undefined) throw sourceError;
    if (error instanceof MalformedFileError) throw error;
    throw new MalformedFileError(
      `${sourceName}: the gzip data is truncated or corrupt (${gzipReason(error)})`,
    );
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function bombError(
  sourceName: string,
  limits: DecompressionLimits,
  compressedBytes: number,
  outputBytes: number,
): MalformedFileError {
  return new MalformedFileError(
    `${sourceName}: gzip expands more than ${limits.maxRatio} times (${formatSize(compressedBytes)} gave over ` +
      `${formatSize(outputBytes)}): refused as a decompression bomb`,
  );
}

/** `61 KiB`, `32 MiB`: sizes to one decimal at most. */
function formatSize(bytes: number): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / 1024 / 1024, 'MiB'];
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
}

/** Reads chunks until at least `length` bytes are known (or the source ends), skipping empty chunks. */
async function readHead(iterator: AsyncIterator<Uint8Array>, length: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < length) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.length;
  }
  return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
}

async function* restartedIterable(
  head: Uint8Array,
  iterator: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield head;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

function gzipReason(error: unknown): string {
  return messageOf(error);
}
