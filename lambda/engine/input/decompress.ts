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
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const rest = restartedIterable(head, iterator);
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest;
    return;
  }
  const gunzip = Readable.from(rest, { objectMode: false }).pipe(createGunzip());
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    throw new MalformedFileError(
      `${sourceName}: the gzip data is truncated or corrupt (${gzipReason(error)})`,
    );
  }
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
