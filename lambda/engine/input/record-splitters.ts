/**
 * How a piece of text becomes records: papaparse's parser for any line with a quote (a quoted field may hold the
 * delimiter, doubled quotes or line breaks), and a plain split for the runs of lines without one, which is what
 * papaparse itself does for a whole piece without a quote. Real exports quote a few lines here and there (Online
 * Retail: about 1 line in 90, so nearly every 64 KiB piece has one and papaparse would walk all of it character by
 * character); split line by line, the same records come out several times faster. `general` keeps papaparse for
 * every piece: the path the fast one is tested against (test/engine/input/record-splitters.test.ts and the
 * whole-output comparison in test/engine/fast-path-identity.test.ts).
 */
import Papa from 'papaparse';
import type { CsvDialect } from './csv-dialect.ts';
import { MalformedFileError } from '../../errors/input-errors.ts';

/** `fast` (the default): quote-free lines split directly, papaparse for the others; `general`: papaparse only. */
export type RecordSplitting = 'fast' | 'general';

/** Records from the text up to its last line break (all of it when `isLast`), and how much of it they used. */
export type Splitter = (
  input: string,
  isLast: boolean,
  firstLine: number,
  sourceName: string,
) => { records: string[][]; consumed: number };

const QUOTE = '"';

/** The splitter of a quoting dialect: papaparse for every piece, or only for the lines that have a quote. */
export function quotedSplitter(dialect: CsvDialect, splitting: RecordSplitting): Splitter {
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
    if (end < dialect.newline.length) return { records: [], consumed: 0 };
    const input = whole.slice(0, end);
    const result = parser.parse(input, 0, !isLast);
    throwOnQuoteError(result.errors, firstLine, sourceName);
    return { records: result.data as string[][], consumed: isLast ? input.length : result.meta.cursor };
  };
}

/**
 * Walks the piece from record to record: the lines before the next quote are split as they are; the record that
 * holds the quote (it may run over several lines) is parsed by papaparse alone, from its first line, and the walk
 * goes on after it. Every step starts at a record's start, so the records are those papaparse gives for the whole
 * piece, and a malformed quote is refused at the same line.
 */
function fastSplitter(dialect: CsvDialect): Splitter {
  const { newline } = dialect;
  const delimiter = dialect.delimiter;
  const oneRecord = new Papa.Parser({ delimiter, newline, quoteChar: QUOTE, preview: 1 });
  return (whole, isLast, firstLine, sourceName) => {
    const end = isLast ? whole.length : whole.lastIndexOf(newline) + newline.length;
    if (end < newline.length) return { records: [], consumed: 0 };
    const records: string[][] = [];
    let at = 0;
    while (at < end) {
      const quotedLineStart = lineStartOfNextQuote(whole, at, end, newline);
      if (quotedLineStart > at) {
        splitPlainLines(whole.slice(at, quotedLineStart), newline, delimiter, records);
        at = quotedLineStart;
        continue;
      }
      const result = oneRecord.parse(whole.slice(at, end), 0, !isLast);
      throwOnQuoteError(result.errors, firstLine + records.length, sourceName);
      const record = (result.data as string[][])[0];
      // Not finished before the piece's end: it is read again with the next piece.
      if (record === undefined) break;
      records.push(record);
      at += result.meta.cursor;
    }
    // papaparse ends the file's last piece by an empty record when it ends with a line break.
    if (isLast && at === end && whole.endsWith(newline)) records.push(['']);
    return { records, consumed: at };
  };
}

/** Where the line holding the next quote starts (`end` when there is none before it), at `at` or after. */
function lineStartOfNextQuote(whole: string, at: number, end: number, newline: string): number {
  const quote = whole.indexOf(QUOTE, at);
  if (quote < 0 || quote >= end) return end;
  const lineBreak = whole.lastIndexOf(newline, quote);
  return lineBreak < at ? at : lineBreak + newline.length;
}

/** Whole lines without a quote, each ending with a line break but maybe the last: one record each. */
function splitPlainLines(text: string, newline: string, delimiter: string, records: string[][]): void {
  const lines = text.split(newline);
  const count = text.endsWith(newline) ? lines.length - 1 : lines.length;
  for (let index = 0; index < count; index++) records.push((lines[index] as string).split(delimiter));
}

/** papaparse's first quote error, as the line it is on: `firstLine` is the line of the parse's first record. */
function throwOnQuoteError(errors: readonly Papa.ParseError[], firstLine: number, sourceName: string): void {
  const quoteError = errors.find((error) => error.type === 'Quotes');
  if (quoteError === undefined) return;
  const line = firstLine + (quoteError.row ?? 0);
  const what = quoteError.code === 'MissingQuotes' ? 'unterminated quoted field' : 'malformed quoted field';
  throw new MalformedFileError(`${sourceName}: line ${line}: ${what}`);
}
