import { decompressIfGzip } from './decompress.ts';
import { normaliseLineBreaks } from './line-breaks.ts';
import { SniffingTextDecoder } from './text-decoding.ts';
import { MalformedFileError } from '../../errors/input-errors.ts';

/** Characters read ahead to detect the dialect before the streaming parse starts. */
const SAMPLE_CHARACTERS = 64 * 1024;

/**
 * Text is parsed in pieces of at most this many bytes, whatever the chunks the source delivers: each piece's
 * records are garbage once counted, and small pieces keep that garbage small (Online Retail, 47 MB: peak RSS
 * 111 MB with 64 KiB pieces, 270 MB with 1 MiB ones, for the same speed).
 */
const PARSE_CHUNK_BYTES = 64 * 1024;

export interface TextSource {
  /** The first characters of the file (at least 64 KiB, or all of a smaller file). */
  sample: string;
  /** The whole text, sample included, as it streams in; every line break (CRLF, LF, CR) is LF. */
  text: AsyncIterable<string>;
  /** The decoder, to read the detected encoding once the text is consumed. */
  decoder: SniffingTextDecoder;
}

/**
 * Opens a byte stream (gzip or not, any supported encoding, any mix of line breaks) as text with LF line breaks,
 * and reads ahead a sample.
 */
export async function openTextSource(
  bytes: AsyncIterable<Uint8Array>,
  sourceName: string,
): Promise<TextSource> {
  const decoder = new SniffingTextDecoder();
  const decoded = decodedChunks(decompressIfGzip(bytes, sourceName), decoder);
  const chunks = normaliseLineBreaks(decoded)[Symbol.asyncIterator]();
  const head: string[] = [];
  let sampleLength = 0;
  let done = false;
  while (sampleLength < SAMPLE_CHARACTERS) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    sampleLength += next.value.length;
  }
  const sample = head.join('');
  if (sample.trim() === '') throw new MalformedFileError(`${sourceName}: the file is empty`);
  if (sample.includes('\u0000')) {
    throw new MalformedFileError(`${sourceName}: not a CSV file: it holds binary data (NUL bytes)`);
  }
  return { sample, text: prepend(sample, done ? undefined : chunks), decoder };
}

async function* decodedChunks(
  bytes: AsyncIterable<Uint8Array>,
  decoder: SniffingTextDecoder,
): AsyncGenerator<string> {
  for await (const chunk of bytes) {
    for (let offset = 0; offset < chunk.length; offset += PARSE_CHUNK_BYTES) {
      const text = decoder.decode(chunk.subarray(offset, offset + PARSE_CHUNK_BYTES));
      if (text !== '') yield text;
    }
  }
  const rest = decoder.decode(new Uint8Array(0), true);
  if (rest !== '') yield rest;
}

async function* prepend(first: string, rest: AsyncIterator<string> | undefined): AsyncGenerator<string> {
  yield first;
  if (rest === undefined) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}
