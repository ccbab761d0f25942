import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompressIfGzip, GZIP_LIMITS } from '../../../lambda/engine/input/decompress.ts';
import { chunksOf, collectBytes, inPieces, utf8 } from '../../support/byte-streams.ts';
import { MalformedFileError } from '../../../lambda/errors/input-errors.ts';

const CSV = 'customer,date,amount\nA,2024-01-02,10.50\nB,2024-01-03,4.00\n';
const GZIPPED = new Uint8Array(gzipSync(Buffer.from(CSV)));

describe('decompressIfGzip', () => {
  it('gunzips bytes that start with the gzip magic number, whatever the name', async () => {
    const out = await collectBytes(decompressIfGzip(chunksOf(GZIPPED), 'export.csv'));
    expect(out.toString('utf8')).toBe(CSV);
  });

  it('passes plain bytes through unchanged, even under a .gz name', async () => {
    const out = await collectBytes(decompressIfGzip(chunksOf(utf8(CSV)), 'export.csv.gz'));
    expect(out.toString('utf8')).toBe(CSV);
  });

  it('gunzips a stream delivered in 7-byte pieces', async () => {
    const out = await collectBytes(decompressIfGzip(inPieces(GZIPPED, 7), 'x.csv.gz'));
    expect(out.toString('utf8')).toBe(CSV);
  });

  it('recognises the magic number when the first chunk holds only its first byte', async () => {
    const out = await collectBytes(
      decompressIfGzip(chunksOf(GZIPPED.subarray(0, 1), GZIPPED.subarray(1)), 'x.csv.gz'),
    );
    expect(out.toString('utf8')).toBe(CSV);
  });

  it('recognises the magic number after an empty first chunk', async () => {
    const out = await collectBytes(decompressIfGzip(chunksOf(new Uint8Array(0), GZIPPED), 'x.csv.gz'));
    expect(out.toString('utf8')).toBe(CSV);
  });

  it('yields nothing for an empty source', async () => {
    const out = await collectBytes(decompressIfGzip(chunksOf(), 'empty.csv'));
    expect(out.length).toBe(0);
  });

  it('rejects truncated gzip data with a MalformedFileError naming the file', async () => {
    const truncated = GZIPPED.subarray(0, GZIPPED.length - 12);
    const reading = collectBytes(decompressIfGzip(chunksOf(truncated), 'sales.csv.gz'));
    await expect(reading).rejects.toBeInstanceOf(MalformedFileError);
    await expect(reading).rejects.toThrow(/^sales\.csv\.gz: the gzip data is truncated or corrupt/);
  });

  it('rejects corrupt gzip data after a valid magic number', async () => {
    const corrupt = Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xff, 0xff, 0xff, 0xff]);
    await expect(collectBytes(decompressIfGzip(chunksOf(corrupt), 'bad.gz'))).rejects.toThrow(
      /^bad\.gz: the gzip data is truncated or corrupt/,
    );
  });

  it('passes on the error of a source that fails mid-stream, instead of hanging or crashing', async () => {
    const failure = new Error('socket reset by peer');
    async function* failingSource(): AsyncGenerator<Uint8Array> {
      yield GZIPPED.subarray(0, 20);
      throw failure;
    }
    await expect(collectBytes(decompressIfGzip(failingSource(), 's3://bucket/key.csv.gz'))).rejects.toBe(
      failure,
    );
  });
});

/** A bomb: `members` gzip members, each 1 MiB of one transaction line over and over (about 400 times smaller). */
function gzipBomb(members: number): Uint8Array {
  const line = '536365,17850,2011-01-01,1\n';
  const member = gzipSync(Buffer.from(line.repeat(Math.floor((1 << 20) / line.length))), { level: 9 });
  return new Uint8Array(
    Buffer.concat([gzipSync('InvoiceNo,CustomerID,InvoiceDate,Amount\n'), ...Array(members).fill(member)]),
  );
}

/** Reads until the end or the error, counting what was read on each side. */
async function readCounting(
  compressed: Uint8Array,
  limits = GZIP_LIMITS,
): Promise<{ error: unknown; outputBytes: number; compressedChunksPulled: number }> {
  let compressedChunksPulled = 0;
  async function* source(): AsyncGenerator<Uint8Array> {
    for (let offset = 0; offset < compressed.length; offset += 4096) {
      compressedChunksPulled++;
      yield compressed.subarray(offset, offset + 4096);
    }
  }
  let outputBytes = 0;
  try {
    for await (const chunk of decompressIfGzip(source(), 'bomb.csv.gz', limits)) outputBytes += chunk.length;
    return { error: undefined, outputBytes, compressedChunksPulled };
  } catch (error) {
    return { error, outputBytes, compressedChunksPulled };
  }
}

describe('decompressIfGzip refuses a decompression bomb', () => {
  it('stops once the output passes the ratio-free size at more than 100 times the compressed bytes', async () => {
    const bomb = gzipBomb(64); // 64 MiB expanded from about 170 KB
    const limits = { maxRatio: 100, ratioFreeBytes: 1 << 20 };
    const { error, outputBytes, compressedChunksPulled } = await readCounting(bomb, limits);
    expect(error).toBeInstanceOf(MalformedFileError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^bomb\.csv\.gz: gzip expands more than 100 times \(\d+(\.\d)? KiB gave over 1(\.\d)? MiB\): refused as a decompression bomb$/,
    );
    // The bound, shown by what was read rather than by a clock: 1 MiB out, and one zlib chunk (16 KiB) more at most;
    // of the compressed stream, a few pieces past the 1 MiB's worth, never the whole.
    expect(outputBytes).toBeLessThanOrEqual((1 << 20) + 16 * 1024);
    expect(compressedChunksPulled * 4096).toBeLessThan(bomb.length / 8);
  });

  it('with the defaults: refused after 32 MiB of output, not the 256 MiB the bomb holds', async () => {
    expect(GZIP_LIMITS).toEqual({ maxRatio: 100, ratioFreeBytes: 32 * 1024 * 1024 });
    const bomb = gzipBomb(256);
    const { error, outputBytes, compressedChunksPulled } = await readCounting(bomb);
    expect((error as Error).message).toMatch(
      /^bomb\.csv\.gz: gzip expands more than 100 times .* MiB\): refused/,
    );
    expect(outputBytes).toBeLessThanOrEqual(32 * 1024 * 1024 + 16 * 1024);
    expect(compressedChunksPulled * 4096).toBeLessThan(bomb.length / 4);
  });

  it('reads a very compressible file whole while it stays under the ratio-free size', async () => {
    const text = '0,0,0,0,0,0,0,0\n'.repeat(100_000); // 1.6 MB, compresses about 500 times
    const { error, outputBytes } = await readCounting(new Uint8Array(gzipSync(text, { level: 9 })));
    expect(error).toBeUndefined();
    expect(outputBytes).toBe(text.length);
  });

  it('reads a file of an ordinary ratio whole, however large against the ratio-free size', async () => {
    const lines = Array.from(
      { length: 40_000 },
      (_, index) => `${536_365 + index},C${(index * 7919) % 4_339},2011-01-01,${(index % 997) / 10}`,
    );
    const text = `${lines.join('\n')}\n`;
    const compressed = new Uint8Array(gzipSync(text));
    expect(text.length / compressed.length).toBeLessThan(100);
    const { error, outputBytes } = await readCounting(compressed, {
      maxRatio: 100,
      ratioFreeBytes: 64 * 1024,
    });
    expect(error).toBeUndefined();
    expect(outputBytes).toBe(text.length);
  });
});
