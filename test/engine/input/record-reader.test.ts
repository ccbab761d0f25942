import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvDialect } from '../../../lambda/engine/input/csv-dialect.ts';
import {
  isBlankRecord,
  MAX_LINE_CHARACTERS,
  type RecordBatch,
  readRecords,
} from '../../../lambda/engine/input/record-reader.ts';
import { textChunks } from '../../support/byte-streams.ts';
import { MalformedFileError } from '../../../lambda/errors/input-errors.ts';

const COMMA_LF: CsvDialect = { delimiter: ',', newline: '\n' };
const COMMA_CRLF: CsvDialect = { delimiter: ',', newline: '\r\n' };

async function readAll(chunks: string[], dialect: CsvDialect): Promise<RecordBatch[]> {
  const batches: RecordBatch[] = [];
  for await (const batch of readRecords(textChunks(...chunks), dialect, 'test.csv')) batches.push(batch);
  return batches;
}

async function records(chunks: string[], dialect: CsvDialect): Promise<string[][]> {
  return (await readAll(chunks, dialect)).flatMap((batch) => batch.records);
}

/** Every record with its line number, from the batches' firstLine. */
async function numbered(chunks: string[], dialect: CsvDialect): Promise<[number, string[]][]> {
  return (await readAll(chunks, dialect)).flatMap((batch) =>
    batch.records.map((record, index): [number, string[]] => [batch.firstLine + index, record]),
  );
}

describe('readRecords', () => {
  it('reads quoted fields with delimiters, doubled quotes and embedded line breaks', async () => {
    const text = 'id,description,amount\r\n1,"Mug, blue",3.5\r\n2,"Lamp\r\nwith ""shade""",12\r\n3,,""\r\n';
    expect(await records([text], COMMA_CRLF)).toEqual([
      ['id', 'description', 'amount'],
      ['1', 'Mug, blue', '3.5'],
      ['2', 'Lamp\r\nwith "shade"', '12'],
      ['3', '', ''],
    ]);
  });

  it('keeps blank lines in place so that line numbers hold', async () => {
    const lines = await numbered(['a,b\n1,2\n\n3,4\n'], COMMA_LF);
    expect(lines.filter(([, record]) => !isBlankRecord(record))).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
  });

  it('reads a last line without a line break', async () => {
    expect(await records(['a,b\n1,2\n3,', '4'], COMMA_LF)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('rejects an unterminated quoted field with its line number', async () => {
    const reading = records(['a,b,c\n1,2,3\n4,"5,6\n7,8,9\n'], COMMA_LF);
    await expect(reading).rejects.toBeInstanceOf(MalformedFileError);
    await expect(reading).rejects.toThrow('test.csv: line 3: unterminated quoted field');
  });

  it('rejects a malformed quote (text after the closing quote) with its line number', async () => {
    await expect(records(['a,b\n1,2\n3,"x"y\n'], COMMA_LF)).rejects.toThrow(
      'test.csv: line 3: malformed quoted field',
    );
  });

  it('reads a CRLF line whose last field is quoted when a chunk ends between CR and LF', async () => {
    expect(await records(['a,b\r\n"7","x"\r', '\n8,9\r\n'], COMMA_CRLF)).toEqual([
      ['a', 'b'],
      ['7', 'x'],
      ['8', '9'],
    ]);
  });

  it('reads whitespace-aligned lines, a chunk boundary anywhere', async () => {
    const dialect: CsvDialect = { delimiter: 'whitespace', newline: '\r\n' };
    const text = ' id  date  value\r\n 00001 19970101 11.77\r\n 00002 19970112 12.00\r\n';
    const whole = await records([text], dialect);
    expect(whole.filter((record) => !isBlankRecord(record))).toEqual([
      ['id', 'date', 'value'],
      ['00001', '19970101', '11.77'],
      ['00002', '19970112', '12.00'],
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      const split = await records([text.slice(0, cut), text.slice(cut)], dialect);
      expect(
        split.filter((record) => !isBlankRecord(record)),
        `cut at ${cut}`,
      ).toEqual(whole.filter((record) => !isBlankRecord(record)));
    }
  });

  it('gives the same records however the text is cut into chunks (property)', async () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zé0-9 ]{0,4}$/),
      fc.constantFrom('"', ',', '\r\n', '\n', '""', 'x,y', 'a"b'),
    );
    const row = fc.array(field, { minLength: 3, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (rows, cutSeeds) => {
          const text = `${rows.map((fields) => fields.map(quote).join(',')).join('\r\n')}\r\n`;
          const cuts = [...new Set(cutSeeds.map((seed) => seed % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...cuts].map((start, index) => text.slice(start, cuts[index] ?? text.length));
          expect(await records(chunks, COMMA_CRLF)).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** RFC 4180 quoting: always quoted here, so that the chunk boundaries fall next to quotes often. */
function quote(field: string): string {
  return `"${field.replaceAll('"', '""')}"`;
}

describe('isBlankRecord', () => {
  it('is true for no field or one empty field only', () => {
    expect(isBlankRecord([])).toBe(true);
    expect(isBlankRecord(['  '])).toBe(true);
    expect(isBlankRecord(['', ''])).toBe(false);
    expect(isBlankRecord(['x'])).toBe(false);
  });
});

describe('readRecords refuses a line longer than 1 MiB, before holding more of it', () => {
  /** 64 KiB pieces of a text that `make` builds lazily, counting the pieces the reader asked for. */
  function counted(pieces: number, make: (index: number) => string) {
    const stats = { pulled: 0 };
    async function* text(): AsyncGenerator<string> {
      for (let index = 0; index < pieces; index++) {
        stats.pulled++;
        yield make(index);
      }
    }
    return { text: text(), stats };
  }
  const PIECE = 64 * 1024;

  async function failure(text: AsyncIterable<string>, firstLine = 1): Promise<Error> {
    try {
      for await (const _ of readRecords(text, COMMA_LF, 'big.csv', firstLine)) void _;
    } catch (error) {
      return error as Error;
    }
    throw new Error('no error');
  }

  it('a header of a million one-letter names (2 MB): refused at line 1 after about 1 MiB was read', async () => {
    expect(MAX_LINE_CHARACTERS).toBe(1024 * 1024);
    const { text, stats } = counted(32, () => 'a,'.repeat(PIECE / 2));
    const error = await failure(text);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toBe(
      'big.csv: line 1: longer than 1,048,576 characters (1 MiB), the longest line read',
    );
    expect(stats.pulled).toBeLessThanOrEqual(MAX_LINE_CHARACTERS / PIECE + 1);
  });

  it('a long line after good ones is named by its own line number', async () => {
    const { text, stats } = counted(1_000, (index) => (index === 0 ? 'a,b\n1,2\n3,' : 'x'.repeat(PIECE)));
    const error = await failure(text, 2);
    expect(error.message).toBe(
      'big.csv: line 4: longer than 1,048,576 characters (1 MiB), the longest line read',
    );
    expect(stats.pulled).toBeLessThanOrEqual(MAX_LINE_CHARACTERS / PIECE + 2);
  });

  it('a quote that never closes: refused where it opened, once 1 MiB is past', async () => {
    const { text, stats } = counted(1_000, (index) =>
      index === 0 ? 'a,b\n1,"open\n' : 'more text, and more\n'.repeat(PIECE / 20),
    );
    const error = await failure(text);
    expect(error.message).toBe(
      'big.csv: line 2: unterminated quoted field (still open after 1,048,576 characters)',
    );
    expect(stats.pulled).toBeLessThanOrEqual(MAX_LINE_CHARACTERS / PIECE + 2);
  });

  it('reads a line just under the limit', async () => {
    const field = 'y'.repeat(MAX_LINE_CHARACTERS - 64 * 1024);
    const read = await records(['a,b\n', `1,${field}\n`, '2,3\n'], COMMA_LF);
    expect(read.map((record) => record[1]?.length)).toEqual([1, field.length, 1]);
  });
});
