import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MalformedFileError } from '../errors.ts';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Yields the bytes of `source`, gunzipped when they start with the gzip magic number (whatever the file name). */
export async function* decompressIfGzip(
  source: AsyncIterable<Uint8Array>,
  sourceName: string,
): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const head = await readHead(iterator, GZIP_MAGIC.length);
  if (head.length === 0) return;
  const rest = restartedIterable(head, iterator);
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest;
    return;
  }
  yield* gunzipped(rest, sourceName);
}

async function* gunzipped(
  compressed: AsyncIterable<Uint8Array>,
  sourceName: string,
): AsyncGenerator<Uint8Array> {
  const input = Readable.from(compressed, { objectMode: false });
  const gunzip = createGunzip();
  let sourceError: unknown;
  input.on('error', (error) => {
    sourceError = error;
    gunzip.destroy(error);
  });
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    if (sourceError !== undefined) throw sourceError;
    throw new MalformedFileError(
      `${sourceName}: the gzip data is truncated or corrupt (${gzipReason(error)})`,
    );
  } finally {
    input.destroy();
  }
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
  return error instanceof Error ? error.message : String(error);
}
