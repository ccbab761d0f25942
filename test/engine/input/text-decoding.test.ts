import { describe, expect, it } from 'vitest';
import { SniffingTextDecoder } from '../../../lambda/engine/input/text-decoding.ts';
import { bytes, utf8, windows1252 } from '../../support/byte-streams.ts';

/** Decodes the chunks in order, the last one as final, as text-source does. */
function decodeChunks(...chunks: Uint8Array[]): { text: string; decoder: SniffingTextDecoder } {
  const decoder = new SniffingTextDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk);
  text += decoder.decode(new Uint8Array(0), true);
  return { text, decoder };
}

describe('SniffingTextDecoder', () => {
  it('reads pure ASCII as ascii', () => {
    const { text, decoder } = decodeChunks(utf8('a,b\n1,2\n'));
    expect(text).toBe('a,b\n1,2\n');
    expect(decoder.encoding).toBe('ascii');
  });

  it('reads UTF-8 without BOM', () => {
    const { text, decoder } = decodeChunks(utf8('Quantité;Prix\n€12;Noël\n'));
    expect(text).toBe('Quantité;Prix\n€12;Noël\n');
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.replacementCount).toBe(0);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const { text, decoder } = decodeChunks(bytes(0xef, 0xbb, 0xbf), utf8('Désignation,Prix\n'));
    expect(text).toBe('Désignation,Prix\n');
    expect(decoder.encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252: 0xE9 is é and 0x80 is €', () => {
    const { text, decoder } = decodeChunks(bytes(0x43, 0x61, 0x66, 0xe9, 0x3b, 0x80, 0x31, 0x32, 0x0a));
    expect(text).toBe('Café;€12\n');
    expect(decoder.encoding).toBe('windows-1252');
    expect(decoder.replacementCount).toBe(0);
  });

  it('reads a latin-1 byte that ends one chunk', () => {
    const { text, decoder } = decodeChunks(windows1252('Qt'), windows1252('é;'), windows1252('Prix\n'));
    expect(text).toBe('Qté;Prix\n');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('reads a latin-1 byte that is the very last byte of the file', () => {
    const { text, decoder } = decodeChunks(windows1252('a;b\nCaf'), windows1252('é'));
    expect(text).toBe('a;b\nCafé');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('joins a UTF-8 character split across chunks, whatever the cut', () => {
    const whole = utf8('x,€,é,😀\n');
    for (let cut = 1; cut < whole.length; cut++) {
      const { text, decoder } = decodeChunks(whole.subarray(0, cut), whole.subarray(cut));
      expect(text, `cut at byte ${cut}`).toBe('x,€,é,😀\n');
      expect(decoder.encoding).toBe('utf-8');
    }
  });

  it('decides at the first non-ASCII byte: ASCII chunks first, latin-1 later', () => {
    const asciiChunks = Array.from({ length: 5 }, (_, index) => utf8(`line ${index},plain\n`));
    const { text, decoder } = decodeChunks(...asciiChunks, windows1252('Crème brûlée,9\n'));
    expect(text.endsWith('Crème brûlée,9\n')).toBe(true);
    expect(text.startsWith('line 0,plain\n')).toBe(true);
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('counts bytes that break UTF-8 after UTF-8 was chosen, and replaces them', () => {
    const { text, decoder } = decodeChunks(utf8('é,1\n'), windows1252('è,2\n'));
    expect(text).toBe('é,1\n\uFFFD,2\n');
    expect(decoder.replacementCount).toBe(1);
  });
});

/** UTF-16 bytes with their byte order mark, as Excel's "Unicode text" writes them (little-endian). */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const littleEndian = Buffer.from(`\ufeff${text}`, 'utf16le');
  return new Uint8Array(order === 'le' ? littleEndian : Buffer.from(littleEndian).swap16());
}

describe('SniffingTextDecoder on UTF-16 with a byte order mark', () => {
  const text = 'Client\tMontant\r\nZoë 😀\t12,50\r\n王小明\t3\r\n';

  it.each([
    ['le', 'utf-16le'],
    ['be', 'utf-16be'],
  ] as const)('reads UTF-16 %s and drops the mark', (order, encoding) => {
    const { text: decoded, decoder } = decodeChunks(utf16(text, order));
    expect(decoded).toBe(text);
    expect(decoder.encoding).toBe(encoding);
    expect(decoder.replacementCount).toBe(0);
  });

  it('reads it whatever the chunk boundaries: inside the mark, between the bytes of a unit, in an emoji', () => {
    for (const order of ['le', 'be'] as const) {
      const whole = utf16(text, order);
      for (let cut = 1; cut < whole.length; cut++) {
        const { text: decoded, decoder } = decodeChunks(whole.subarray(0, cut), whole.subarray(cut));
        expect(decoded, `${order}, cut at byte ${cut}`).toBe(text);
        expect(decoder.encoding).toBe(`utf-16${order}`);
      }
    }
  });

  it('reads a mark split over chunks, after an empty chunk', () => {
    const whole = utf16('a;b\n', 'le');
    const { text: decoded } = decodeChunks(new Uint8Array(0), whole.subarray(0, 1), whole.subarray(1));
    expect(decoded).toBe('a;b\n');
  });

  it('counts an unpaired surrogate as one undecodable character', () => {
    const { text: decoded, decoder } = decodeChunks(bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00));
    expect(decoded).toBe('A\uFFFDB');
    expect(decoder.replacementCount).toBe(1);
  });

  it('reads a latin-1 file starting with ÿ (0xFF) not followed by 0xFE as Windows-1252', () => {
    const { text: decoded, decoder } = decodeChunks(windows1252('ÿa;b\n'));
    expect(decoded).toBe('ÿa;b\n');
    expect(decoder.encoding).toBe('windows-1252');
  });
});

describe('SniffingTextDecoder on UTF-16 without a byte order mark', () => {
  it.each(['le', 'be'] as const)('reads UTF-16 %s whose first characters are ASCII', (order) => {
    const littleEndian = Buffer.from('Client;Montant\nZoë;12,50\n', 'utf16le');
    const encoded = new Uint8Array(order === 'le' ? littleEndian : Buffer.from(littleEndian).swap16());
    const { text, decoder } = decodeChunks(encoded.subarray(0, 3), encoded.subarray(3));
    expect(text).toBe('Client;Montant\nZoë;12,50\n');
    expect(decoder.encoding).toBe(`utf-16${order}`);
  });

  it('leaves a file of fewer than four bytes to the usual rules', () => {
    expect(decodeChunks(utf8('a;b')).text).toBe('a;b');
    expect(decodeChunks(bytes(0x41, 0x00)).text).toBe('A\u0000');
  });
});
