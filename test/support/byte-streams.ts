/**
 * Byte and text streams for the engine tests: the engine reads `AsyncIterable<Uint8Array>`, and chunk
 * boundaries are where streaming code goes wrong, so every helper lets the test choose them.
 */

/** Yields the given chunks as they are (an empty chunk included). */
export async function* chunksOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

/** Yields `bytes` in pieces of `size` bytes (the last one shorter). */
export async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** Yields the given strings, for the stages that take text. */
export async function* textChunks(...chunks: string[]): AsyncGenerator<string> {
  for (const chunk of chunks) yield chunk;
}

/** Yields `text` cut at each of `cuts` (taken modulo its length + 1; repeats and order do not matter). */
export async function* textCutAt(text: string, cuts: readonly number[]): AsyncGenerator<string> {
  let start = 0;
  for (const cut of [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b)) {
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

/** Reads a whole byte stream into one buffer. */
export async function collectBytes(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** Reads a whole text stream into one string. */
export async function collectText(source: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of source) text += chunk;
  return text;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** Bytes from a list of byte values, for hand-written encodings (0xE9 is `é` in Windows-1252). */
export function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

const WINDOWS_1252_EXTRAS: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c, Œ: 0x8c };

/**
 * Encodes text as Windows-1252 (what French ERPs export); Node has no encoder for it. Covers ASCII, latin-1
 * (U+00A0..U+00FF, the same byte values) and the few Windows-1252 extras the tests use; throws on anything else.
 */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const extra = WINDOWS_1252_EXTRAS[character];
    if (extra === undefined) throw new Error(`no Windows-1252 byte for ${JSON.stringify(character)}`);
    return extra;
  });
}
