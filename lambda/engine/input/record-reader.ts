import type { CsvDialect } from './csv-dialect.ts';
import {
  type BatchPart,
  plainRecords,
  type RecordSplitting,
  type SplitPiece,
  splitterFor,
} from './record-splitters.ts';
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
 * A piece's records in fast splitting (record-splitters.ts): runs of lines without a quote kept as text, records
 * holding a quote parsed. `recordsOf` gives its records; a reader that wants speed reads the text itself.
 */
export interface SplitBatch {
  parts: BatchPart[];
  recordCount: number;
  firstLine: number;
  dialect: CsvDialect;
}

/** What a table's reading yields after its header: records, or (fast splitting) parts of text and records. */
export type TableBatch = RecordBatch | SplitBatch;

/** The batch's records: those of its parts, a quote-free run split at the delimiter (what papaparse gives). */
export function recordsOf(batch: TableBatch): string[][] {
  if ('records' in batch) return batch.records;
  return batch.parts.flatMap((part) => (typeof part === 'string' ? plainRecords(part, batch.dialect) : part));
}

/** The batch's record count (a blank line counts: line numbers hold). */
export function recordCountOf(batch: TableBatch): number {
  return 'records' in batch ? batch.records.length : batch.recordCount;
}

/** The batches as records, for readers that read every field (customer tables, readRecords' callers). */
export async function* recordBatches(batches: AsyncIterable<TableBatch>): AsyncGenerator<RecordBatch> {
  for await (const batch of batches) yield { records: recordsOf(batch), firstLine: batch.firstLine };
}

/**
 * Splits streamed text into records with papaparse, in batches (one per chunk, so the per-record cost stays a
 * plain loop). Quoted fields with delimiters, doubled quotes and line breaks are handled. Blank lines stay in the
 * batch (see `isBlankRecord`) so that line numbers hold; they count records, so they are exact unless a quoted field
 * spans lines. `firstLine` is the file's line number of the text's first line.
 */
export async function* readRecords(
  text: AsyncIterable<string>,
  dialect: CsvDialect,
  sourceName: string,
  firstLine = 1,
): AsyncGenerator<RecordBatch> {
  yield* recordBatches(readTableBatches(text, dialect, sourceName, firstLine, 'general'));
}

/** As readRecords, splitting as `splitting` says: `fast` yields SplitBatches (record-splitters.ts). */
export async function* readTableBatches(
  text: AsyncIterable<string>,
  dialect: CsvDialect,
  sourceName: string,
  firstLine: number,
  splitting: RecordSplitting,
): AsyncGenerator<TableBatch> {
  const split = splitterFor(dialect, splitting);
  let partial = '';
  let nextLine = firstLine;
  for await (const chunk of text) {
    const input = partial + chunk;
    const piece = split(input, false, nextLine, sourceName);
    partial = input.slice(piece.consumed);
    if (partial.length > MAX_LINE_CHARACTERS) {
      throw overlongLineError(partial, dialect, nextLine + piece.recordCount, sourceName);
    }
    if (piece.recordCount > 0) yield batchOf(piece, nextLine, dialect);
    nextLine += piece.recordCount;
  }
  if (partial !== '') {
    const piece = split(partial, true, nextLine, sourceName);
    if (piece.recordCount > 0) yield batchOf(piece, nextLine, dialect);
  }
}

function batchOf(piece: SplitPiece, firstLine: number, dialect: CsvDialect): TableBatch {
  const [only] = piece.parts;
  if (piece.parts.length === 1 && typeof only !== 'string' && only !== undefined) {
    return { records: only, firstLine };
  }
  return { parts: piece.parts, recordCount: piece.recordCount, firstLine, dialect };
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

/** A blank line: no field, or one empty field. */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.length === 0 || (record.length === 1 && record[0]?.trim() === '');
}
