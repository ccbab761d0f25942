import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLineBreaks } from '../../../lambda/engine/input/line-breaks.ts';
import { collectText, textChunks } from '../../support/byte-streams.ts';

const normalised = (...chunks: string[]) => collectText(normaliseLineBreaks(textChunks(...chunks)));

describe('normaliseLineBreaks', () => {
  it('makes every CRLF, LF and lone CR of one file an LF', async () => {
    expect(await normalised('a,b\r\n1,2\n3,4\r5,6\r\n')).toBe('a,b\n1,2\n3,4\n5,6\n');
  });

  it('leaves LF-only text unchanged', async () => {
    expect(await normalised('a,b\n', '1,2\n')).toBe('a,b\n1,2\n');
  });

  it('holds back a CR that ends a chunk until the next chunk says whether an LF follows', async () => {
    expect(await normalised('a,b\r', '\n1,2\r', '3,4\r')).toBe('a,b\n1,2\n3,4\n');
    expect(await normalised('\r', '\r', '\n', 'x')).toBe('\n\nx');
  });

  it('gives one LF per line break however the text is cut into chunks (property)', async () => {
    const piece = fc.constantFrom('a', ',', '\r\n', '\n', '\r', 'é');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (pieces, seeds) => {
          const text = pieces.join('');
          const cuts = [...new Set(seeds.map((seed) => seed % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...cuts].map((start, index) => text.slice(start, cuts[index] ?? text.length));
          expect(await normalised(...chunks)).toBe(text.replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
