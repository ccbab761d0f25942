/**
 * How a piece of text becomes records. `general`: papaparse's parser for the whole piece. `fast` (the default):
 * the runs of lines without a quote are kept as text, for a reader that cuts out only the fields it reads
 * (transactions/plain-line-record.ts), and papaparse parses only the records that hold a quote (a quoted field may
 * hold the delimiter, doubled quotes or line breaks). Real exports quote a line here and there (Online Retail:
 * about 1 in 90), so papaparse would otherwise walk nearly every piece character by character and make an array
 * and a string per field of every line. A quote-free line is exactly its text split at the delimiter, which is what
 * papaparse gives for it; the records are the same either way (test/engine/input/record-splitters.test.ts), and
 * so is every output (test/cli/record-splitting-identity.test.ts).
 */
import Papa from 'papaparse';
import { type CsvDialect, splitOnWhitespace } from './csv-dialect.ts';
import { MalformedFileError } from '../../errors/input-errors.ts';

/** `fast` (the default): quote-free lines kept as text, papaparse for the others; `general`: papaparse only. */
export type RecordSplitting = 'fast' | 'general';

/**
 * One piece's lines in line order: a string holds whole lines without a quote, each ending with the line break
 * (the file's last line may not); an array holds records parsed by papaparse (one per line, unless a quoted field
 * spans lines).
 */
export type BatchPart = string | string[][];

/** What a splitter made of a piece: its parts, how many records they hold, and how much of the text they used. */
export interface SplitPiece {
  parts: BatchPart[];
  recordCount: number;
  consumed: number;
}

/** Splits the text up to its last line break (all of it when `isLast`). */
export type Splitter = (input: string, isLast: boolean, firstLine: number, sourceName: string) => SplitPiece;

const QUOTE = '"';

/** The splitter of the dialect: whitespace-separated files are split on runs of blanks, others as `splitting` says. */
export function splitterFor(dialect: CsvDialect, splitting: RecordSplitting): Splitter {
  if (dialect.delimiter === 'whitespace') return whitespaceSplitter(dialect);
  return splitting === 'general' ? generalSplitter(dialect) : fastSplitter(dialect);
}

function generalSplitter(dialect: CsvDialect): Splitter {
  const parser = new Papa.Parser({
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    quoteChar: QUOTE,
  });
  return (whole, isLast, firstLine, sourceName) => {
    // Until the last chunk, parse only up to the last line break: a chunk that ends inside a line break or right
    // after a closing quote would otherwise look like a malformed quote to the parser.
    const end = isLast ? whole.length : whole.lastIndexOf(dialect.newline) + dialect.newline.length;
    if (end < dialect.newline.length) return { parts: [], recordCount: 0, consumed: 0 };
    const input = whole.slice(0, end);
    const result = parser.parse(input, 0, !isLast);
    throwOnQuoteError(result.errors, firstLine, sourceName);
    const records = result.data as string[][];
    return {
      parts: [records],
      recordCount: records.length,
      consumed: isLast ? input.length : result.meta.cursor,
    };
  };
}

/**
 * Walks the piece from record to record: the lines before the next quote are kept as text; the record that holds
 * the quote (it may run over several lines) is parsed by papaparse alone, from its first line, and the walk goes on
 * after it. Every step starts at a record's start, so the records are those papaparse gives for the whole piece,
 * and a malformed quote is refused at the same line.
 */
function fastSplitter(dialect: CsvDialect): Splitter {
  const { newline } = dialect;
  const oneRecord = new Papa.Parser({ delimiter: dialect.delimiter, newline, quoteChar: QUOTE, preview: 1 });
  return (whole, isLast, firstLine, sourceName) => {
    const end = isLast ? whole.length : whole.lastIndexOf(newline) + newline.length;
    const piece: SplitPiece = { parts: [], recordCount: 0, consumed: 0 };
    if (end < newline.length) return piece;
    let quoted: string[][] | undefined;
    let at = 0;
    while (at < end) {
      const quotedLineStart = lineStartOfNextQuote(whole, at, end, newline);
      if (quotedLineStart > at) {
        const lines = whole.slice(at, quotedLineStart);
        piece.parts.push(lines);
        piece.recordCount += lineCount(lines, newline);
        quoted = undefined;
        at = quotedLineStart;
        continue;
      }
      const result = oneRecord.parse(whole.slice(at, end), 0, !isLast);
      throwOnQuoteError(result.errors, firstLine + piece.recordCount, sourceName);
      const record = (result.data as string[][])[0];
      // Not finished before the piece's end: it is read again with the next piece.
      if (record === undefined) break;
      if (quoted === undefined) piece.parts.push((quoted = []));
      quoted.push(record);
      piece.recordCount++;
      at += result.meta.cursor;
    }
    // papaparse ends the file's last piece by an empty record when it ends with a line break.
    if (isLast && at === end && whole.endsWith(newline)) {
      piece.parts.push([['']]);
      piece.recordCount++;
    }
    piece.consumed = at;
    return piece;
  };
}

/** Where the line holding the next quote starts (`end` when there is none before it), at `at` or after. */
function lineStartOfNextQuote(whole: string, at: number, end: number, newline: string): number {
  const quote = whole.indexOf(QUOTE, at);
  if (quote < 0 || quote >= end) return end;
  const lineBreak = whole.lastIndexOf(newline, quote);
  return lineBreak < at ? at : lineBreak + newline.length;
}

/** The lines of a run of whole lines (the last may have no line break). */
export function lineCount(lines: string, newline: string): number {
  let count = 0;
  for (let at = lines.indexOf(newline); at >= 0; at = lines.indexOf(newline, at + newline.length)) count++;
  return lines.endsWith(newline) ? count : count + 1;
}

/** A run of whole lines without a quote as papaparse would parse it: one record per line, split at the delimiter. */
export function plainRecords(lines: string, dialect: CsvDialect): string[][] {
  const texts = lines.split(dialect.newline);
  if (lines.endsWith(dialect.newline)) texts.pop();
  return texts.map((line) => line.split(dialect.delimiter));
}

function whitespaceSplitter(dialect: CsvDialect): Splitter {
  return (input, isLast) => {
    const end = isLast ? input.length : input.lastIndexOf(dialect.newline);
    if (end < 0) return { parts: [], recordCount: 0, consumed: 0 };
    const records = input.slice(0, end).split(dialect.newline).map(splitOnWhitespace);
    const consumed = isLast ? input.length : end + dialect.newline.length;
    return { parts: [records], recordCount: records.length, consumed };
  };
}

/** papaparse's first quote error, as the line it is on: `firstLine` is the line of the parse's first record. */
function throwOnQuoteError(errors: readonly Papa.ParseError[], firstLine: number, sourceName: string): void {
  const quoteError = errors.find((error) => error.type === 'Quotes');
  if (quoteError === undefined) return;
  const line = firstLine + (quoteError.row ?? 0);
  const what = quoteError.code === 'MissingQuotes' ? 'unterminated quoted field' : 'malformed quoted field';
  throw new MalformedFileError(`${sourceName}: line ${line}: ${what}`);
}
