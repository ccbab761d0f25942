// The fast record splitter (runs of quote-free lines kept as text, papaparse for the records with a quote) gives
// exactly the records papaparse gives for the whole piece, batch by batch and at the same lines, and refuses a
// malformed quote at the same line with the same words: checked on random texts made of the characters that
// matter (delimiters, quotes, every line break), cut into random pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textCutAt } from '../../support/byte-streams.ts';
import type { CsvDialect, Delimiter, Newline } from '../../../lambda/engine/input/csv-dialect.ts';
import { readTableBatches, recordsOf } from '../../../lambda/engine/input/record-reader.ts';
import type { RecordSplitting } from '../../../lambda/engine/input/record-splitters.ts';

/** Every batch's records with its first line, or the error's message: what a reader of the records sees. */
async function outcome(
  text: string,
  cuts: readonly number[],
  dialect: CsvDialect,
  splitting: RecordSplitting,
): Promise<unknown> {
  const batches: unknown[] = [];
  try {
    for await (const batch of readTableBatches(textCutAt(text, cuts), dialect, 'f.csv', 1, splitting)) {
      batches.push({ records: recordsOf(batch), firstLine: batch.firstLine });
    }
    return { records: batches.flatMap((batch) => (batch as { records: string[][] }).records), batches };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const DIALECTS: CsvDialect[] = (['\n', '\r\n', '\r'] as Newline[]).flatMap((newline) =>
  ([',', ';'] as Delimiter[]).map((delimiter) => ({ delimiter, newline })),
);

describe('the fast record splitter', () => {
  it('gives the records and the errors papaparse gives, on any text cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DIALECTS),
        fc.array(fc.constantFrom('a', 'b', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', 'é'), {
          maxLength: 60,
        }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (dialect, parts, cuts) => {
          const text = parts.join('');
          const fast = await outcome(text, cuts, dialect, 'fast');
          expect(fast).toEqual(await outcome(text, cuts, dialect, 'general'));
        },
      ),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('gives the same batches on lines where a few quoted fields hold delimiters and line breaks', async () => {
    const dialect: CsvDialect = { delimiter: ',', newline: '\n' };
    const lines = ['id,name,amount'];
    for (let row = 0; row < 2000; row++) {
      lines.push(
        row % 37 === 0 ? `${row},"Smith, ""Jo""\nsecond line",${row}.5` : `${row},plain ${row},${row}.5`,
      );
    }
    const text = `${lines.join('\n')}\n`;
    const cuts = [100, 4096, 4097, 20_000, 33_333];
    const fast = (await outcome(text, cuts, dialect, 'fast')) as { records: string[][] };
    expect(fast).toEqual(await outcome(text, cuts, dialect, 'general'));
    expect(fast.records[38]).toEqual(['37', 'Smith, "Jo"\nsecond line', '37.5']);
  });

  it('names the line of an unterminated quote as the general parser does', async () => {
    const dialect: CsvDialect = { delimiter: ',', newline: '\n' };
    const text = 'a,b\n1,2\n3,"4\n5,6\n';
    const fast = await outcome(text, [], dialect, 'fast');
    expect(fast).toEqual({ error: 'f.csv: line 3: unterminated quoted field' });
    expect(fast).toEqual(await outcome(text, [], dialect, 'general'));
  });
});
