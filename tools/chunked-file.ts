// Writing big generated files: in pieces with backpressure (gzipped or not), under a temporary name renamed into
// place once whole, so that memory stays small whatever the size and a half-written file is never taken for a
// whole one.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';

/** A file written in pieces, gzipped or not, with backpressure; `close` resolves once it is on disk. */
export interface ChunkWriter {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Bytes given to `write` so far (before compression). */
  readonly written: number;
  /** Bytes on disk so far (after compression). */
  readonly fileBytes: number;
}

/** What a generator wrote. */
export interface WrittenFile {
  path: string;
  /** Lines written, the header included. */
  lines: number;
  /** Bytes of text (before compression). */
  textBytes: number;
  /** Bytes on disk. */
  fileBytes: number;
}

/** Opens `path` for writing in pieces, through gzip at `gzipLevel` when one is given. */
export function openChunkWriter(path: string, gzipLevel?: number): ChunkWriter {
  const file: WriteStream = createWriteStream(path);
  const gzip: Gzip | undefined =
    gzipLevel === undefined ? undefined : createGzip({ level: gzipLevel, chunkSize: 1 << 16 });
  gzip?.pipe(file);
  const sink = gzip ?? file;
  let written = 0;
  return {
    async write(chunk) {
      written += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (!sink.write(chunk)) await once(sink, 'drain');
    },
    async close() {
      sink.end();
      await finished(file);
    },
    get written() {
      return written;
    },
    get fileBytes() {
      return file.bytesWritten;
    },
  };
}

/** Writes to `path.partial-PID` then renames, so that a half-written file is never taken for a whole one. */
export async function writeAtomically<T>(path: string, produce: (partial: string) => Promise<T>): Promise<T> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    const result = await produce(partial);
    await rename(partial, path);
    return result;
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Writes `path` through a chunk writer that `fill` feeds (gzip at `gzipLevel` when given), atomically, and
 * returns what was written; `fill` returns the number of lines it wrote, the header included.
 */
export function writeChunkedFile(
  path: string,
  fill: (writer: ChunkWriter) => Promise<number>,
  gzipLevel?: number,
): Promise<WrittenFile> {
  return writeAtomically(path, async (partial) => {
    const writer = openChunkWriter(partial, gzipLevel);
    const lines = await fill(writer);
    await writer.close();
    return { path, lines, textBytes: writer.written, fileBytes: writer.fileBytes };
  });
}
