import Papa from 'papaparse';
import { type CsvDialect, splitOnWhitespace } from './csv-dialect.ts';
import { MalformedFileError } from '../../errors/input-errors.ts';

/** Records parsed from one chunk of text; `firstLine` is the 1-based line of the first (the header is line 1). */
export interface RecordBatch {
  records: string[][];
  firstLine: number;
}

/**
 * The longest line read, 1 MiB of characters (a quoted field's line breaks included, so also the longest field):
 * real lines are a few hundred characters, and a line still unfinished past this is refused before more of it is
 * held in memory (a header of a million names, a quote never closed, a file without line breaks).
 */
export const MAX_LINE_CHARACTERS = 1024 * 1024;

/**
 * Splits streamed text into records, in batches (one per chunk, so the per-record cost stays a plain loop).
 * Quoted fields with delimiters, doubled quotes and line breaks are handled by papaparse's parser. Blank lines stay
 * in the batch (see `isBlankRecord`) so that line numbers hold; they count records, so they are exact unless a
 * quoted field spans lines. `firstLine` is the file's line number of the text's first line.
 */
export async function* readRecords(
  text: AsyncIterable<string>,
  dialect: CsvDialect,
  sourceName: string,
  firstLine = 1,
): AsyncGenerator<RecordBatch> {
  const split = dialect.delimiter === 'whitespace' ? whitespaceSplitter(dialect) : quotedSplitter(dialect);
  let partial = '';
  let nextLine = firstLine;
  for await (const chunk of text) {
    const input = partial + chunk;
    const { records, consumed } = split(input, false, nextLine, sourceName);
    partial = input.slice(consumed);
    if (partial.length > MAX_LINE_CHARACTERS) {
      throw overlongLineError(partial, dialect, nextLine + records.length, sourceName);
    }
    if (records.length > 0) yield { records, firstLine: nextLine };
    nextLine += records.length;
  }
  if (partial !== '') {
    const { records } = split(partial, true, nextLine, sourceName);
    if (records.length > 0) yield { records, firstLine: nextLine };
  }
}

/** The record left unfinished is longer than the limit: one endless line, or a quote that is never closed. */
function overlongLineError(
  partial: string,
  dialect: CsvDialect,
  line: number,
  sourceName: string,
): MalformedFileError {
  const limit = MAX_LINE_CHARACTERS.toLocaleString('en-US');
  // Only an open quote keeps a record going past a line break.
  if (partial.includes(dialect.newline)) {
    return new MalformedFileError(
      `${sourceName}: line ${line}: unterminated quoted field (still open after ${limit} characters)`,
    );
  }
  return new MalformedFileError(
    `${sourceName}: line ${line}: longer than ${limit} characters (1 MiB), the longest line read`,
  );
}

type Splitter = (
  input: string,
  isLast: boolean,
  firstLine: number,
  sourceName: string,
) => { records: string[][]; consumed: number };

function quotedSplitter(dialect: CsvDialect): Splitter {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
  return (whole, isLast, firstLine, sourceName) => {
    // Until the last chunk, parse only up to the last line break: a chunk that ends inside a line break or right
    // after a closing quote would otherwise look like a malformed quote to the parser.
    const end = isLast ? whole.length : whole.lastIndexOf(dialect.newline) + dialect.newline.length;
    if (end < dialect.newline.length) return { records: [], consumed: 0 };
    const input = whole.slice(0, end);
    const result = parser.parse(input, 0, !isLast);
    const quoteError = result.errors.find((error: Papa.ParseError) => error.type === 'Quotes');
    if (quoteError) {
      const line = firstLine + (quoteError.row ?? 0);
      const what =
        quoteError.code === 'MissingQuotes' ? 'unterminated quoted field' : 'malformed quoted field';
      throw new MalformedFileError(`${sourceName}: line ${line}: ${what}`);
    }
    return { records: result.data as string[][], consumed: isLast ? input.length : result.meta.cursor };
  };
}

function whitespaceSplitter(dialect: CsvDialect): Splitter {
  return (input, isLast) => {
    if (isLast)
      return { records: input.split(dialect.newline).map(splitOnWhitespace), consumed: input.length };
    const lastNewline = input.lastIndexOf(dialect.newline);
    if (lastNewline < 0) return { records: [], consumed: 0 };
    const lines = input.slice(0, lastNewline).split(dialect.newline);
    return { records: lines.map(splitOnWhitespace), consumed: lastNewline + dialect.newline.length };
  };
}

/** A blank line: no field, or one empty field. */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.length === 0 || (record.length === 1 && record[0]?.trim() === '');
}
