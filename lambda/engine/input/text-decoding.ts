import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { assertUnreachable } from '../../errors/segment-report-error.ts';

/**
 * Decodes bytes to text when the encoding is not declared: UTF-16 when the file starts with its byte order mark
 * (Excel's "Unicode text": `FF FE` little-endian, `FE FF` big-endian) or, without one, with ASCII characters
 * each beside a NUL byte, else UTF-8 (with or without BOM) unless the
 * bytes are not valid UTF-8, then Windows-1252 (a superset of latin-1 for printable text, what French ERPs export).
 * The choice between UTF-8 and Windows-1252 is made at the first non-ASCII character, so a file that is ASCII for
 * its first gigabyte and latin-1 after that is still read right. Bytes after the choice that break it become U+FFFD
 * and are counted.
 */
export const DETECTED_ENCODINGS = ['ascii', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type DetectedEncoding = (typeof DETECTED_ENCODINGS)[number];

/**
 * UTF-16 from the file's first bytes: its byte order mark (`FF FE` little-endian, `FE FF` big-endian; a UTF-8 BOM
 * needs no rule, UTF-8 decoding drops it), or, without one, two ASCII characters each with a NUL byte beside it
 * (`C 00 u 00`, `00 C 00 u`): a text file never starts with a NUL byte otherwise.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const [first, second, third, fourth] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  const ascii = (byte: number | undefined) => byte !== undefined && byte > 0 && byte < 0x80;
  if (ascii(first) && second === 0 && ascii(third) && fourth === 0) return 'utf-16le';
  if (first === 0 && ascii(second) && third === 0 && ascii(fourth)) return 'utf-16be';
  return undefined;
}

export class SniffingTextDecoder {
  #encoding: DetectedEncoding = 'ascii';
  #decoder: TextDecoder = new TextDecoder('utf-8', { fatal: true });
  #pending: Uint8Array = new Uint8Array(0);
  #replacements = 0;
  /** Until the first four bytes are known, the file may be UTF-16 (utf16Encoding). */
  #atStart = true;

  get encoding(): DetectedEncoding {
    return this.#encoding;
  }

  /** Characters that could not be decoded in the chosen encoding (U+FFFD written in their place). */
  get replacementCount(): number {
    return this.#replacements;
  }

  /** Decodes one chunk; pass `final` on the last call so a split multi-byte sequence is flushed. */
  decode(bytes: Uint8Array, final = false): string {
    switch (this.#encoding) {
      case 'ascii':
        return this.#decodeUndecided(bytes, final);
      case 'windows-1252':
        return this.#decoder.decode(bytes, { stream: !final });
      case 'utf-16le':
      case 'utf-16be':
        return this.#decodeCounting(bytes, final);
      case 'utf-8':
        try {
          return this.#decoder.decode(bytes, { stream: !final });
        } catch {
          this.#decoder = new TextDecoder('utf-8', { fatal: false });
          return this.#decodeCounting(bytes, final);
        }
      default:
        return assertUnreachable(this.#encoding);
    }
  }

  /** Decodes with the chosen (non-fatal) decoder, counting the U+FFFD it writes for what it cannot decode. */
  #decodeCounting(bytes: Uint8Array, final: boolean): string {
    const text = this.#decoder.decode(bytes, { stream: !final });
    this.#replacements += countReplacementCharacters(text);
    return text;
  }

  #decodeUndecided(chunk: Uint8Array, final: boolean): string {
    const bytes = this.#pending.length > 0 ? concatenate(this.#pending, chunk) : chunk;
    this.#pending = new Uint8Array(0);
    if (this.#atStart) {
      if (bytes.length < 4 && !final) {
        // The first four bytes tell UTF-16 (with or without its mark) from the rest.
        this.#pending = bytes;
        return '';
      }
      this.#atStart = false;
      const utf16 = utf16Encoding(bytes);
      if (utf16 !== undefined) {
        this.#encoding = utf16;
        // Not fatal: a lone surrogate becomes U+FFFD and is counted, as a broken UTF-8 sequence is.
        this.#decoder = new TextDecoder(utf16);
        return this.#decodeCounting(bytes, final);
      }
    }
    if (isAscii(bytes)) return asciiText(bytes);
    const firstNonAscii = firstNonAsciiIndex(bytes);
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

function firstNonAsciiIndex(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; index++) if ((bytes[index] as number) >= 0x80) return index;
  return -1;
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
