import { TextDecoder } from 'node:util';

/**
 * Decodes bytes to text when the encoding is not declared: UTF-8 (with or without BOM) unless the bytes are not
 * valid UTF-8, then Windows-1252 (a superset of latin-1 for printable text, what French ERPs export).
 * The choice is made at the first non-ASCII character, so a file that is ASCII for its first gigabyte and
 * latin-1 after that is still read right. Bytes after the choice that break it become U+FFFD and are counted.
 */
export type DetectedEncoding = 'ascii' | 'utf-8' | 'windows-1252';

export class SniffingTextDecoder {
  #encoding: DetectedEncoding = 'ascii';
  #decoder: TextDecoder = new TextDecoder('utf-8', { fatal: true });
  #pending: Uint8Array = new Uint8Array(0);
  #replacements = 0;

  get encoding(): DetectedEncoding {
    return this.#encoding;
  }

  /** Characters that could not be decoded in the chosen encoding (U+FFFD written in their place). */
  get replacementCount(): number {
    return this.#replacements;
  }

  /** Decodes one chunk; pass `final` on the last call so a split multi-byte sequence is flushed. */
  decode(bytes: Uint8Array, final = false): string {
    if (this.#encoding === 'ascii') return this.#decodeUndecided(bytes, final);
    if (this.#encoding === 'windows-1252') return this.#decoder.decode(bytes, { stream: !final });
    try {
      return this.#decoder.decode(bytes, { stream: !final });
    } catch {
      this.#decoder = new TextDecoder('utf-8', { fatal: false });
      const text = this.#decoder.decode(bytes, { stream: !final });
      this.#replacements += countReplacementCharacters(text);
      return text;
    }
  }

  #decodeUndecided(chunk: Uint8Array, final: boolean): string {
    const bytes = this.#pending.length > 0 ? concatenate(this.#pending, chunk) : chunk;
    this.#pending = new Uint8Array(0);
    const firstNonAscii = bytes.findIndex((byte) => byte >= 0x80);
    if (firstNonAscii < 0) return asciiText(bytes);
    const cut = final ? bytes.length : startOfIncompleteTail(bytes);
    if (firstNonAscii >= cut) {
      // The only non-ASCII bytes may be the start of a character split across chunks: decide with the next chunk.
      this.#pending = bytes.slice(cut);
      return asciiText(bytes.subarray(0, cut));
    }
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, cut));
      this.#encoding = 'utf-8';
      return text + this.#decoder.decode(bytes.subarray(cut), { stream: !final });
    } catch {
      // Everything before this chunk was ASCII, so nothing already decoded changes meaning.
      this.#encoding = 'windows-1252';
      this.#decoder = new TextDecoder('windows-1252');
      return this.#decoder.decode(bytes, { stream: !final });
    }
  }
}

const asciiDecoder = new TextDecoder('utf-8');

function asciiText(bytes: Uint8Array): string {
  return asciiDecoder.decode(bytes);
}

/** Index where a UTF-8 sequence that the chunk cuts short begins (the length of `bytes` when none is cut). */
function startOfIncompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return sequenceLength > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

function concatenate(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}

function countReplacementCharacters(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) count++;
  return count;
}
