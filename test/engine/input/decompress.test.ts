import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MalformedFileError } from '../../../lambda/engine/errors.ts';
import { decompressIfGzip } from '../../../lambda/engine/input/decompress.ts';
import { chunksOf, collectBytes, inPieces, utf8 } from '../../support/byte-streams.ts';

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
