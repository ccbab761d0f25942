/**
 * The fast path's reading of lines without a quote (input/record-splitters.ts): a line with the header's number
 * of fields becomes one record, reused from line to line, in which only the columns the cleaning rules and the
 * ledger read (customer, order, date, amounts, currency) are cut out of the text; the others stay empty, and no
 * array is made per line. (Keeping the previous line's string when a field repeats was measured slower than
 * cutting it again: startsWith at an offset costs more than a short slice.) Any other line (a blank line, a wrong number of fields) is
 * split at the delimiter whole, which is what papaparse gives for a line without a quote, and read as the general
 * path reads it.
 */
import type { TransactionColumns } from '../input/column-roles.ts';
import type { TableBatch } from '../input/record-reader.ts';

/** Reads one record at its 1-based line (PlainLineRecord's own record is reused: copy it to keep it). */
export type RecordRead = (record: string[], line: number) => void;

export class PlainLineRecord {
  /** The record reused from line to line: copy it to keep it. */
  readonly record: string[];
  readonly #fieldCount: number;
  readonly #roleColumns: Int32Array;
  /** Where each field of the current line ends (its delimiter, or the line's end). */
  readonly #fieldEnds: Int32Array;
  readonly #delimiter: string;
  #nextDelimiter = -1;

  constructor(fieldCount: number, columns: TransactionColumns, delimiter: string) {
    this.#fieldCount = fieldCount;
    this.record = Array.from({ length: fieldCount }, () => '');
    const roles = Object.values(columns).filter((column): column is number => column !== undefined);
    this.#roleColumns = Int32Array.from(new Set(roles.filter((column) => column < fieldCount)));
    this.#fieldEnds = new Int32Array(fieldCount);
    this.#delimiter = delimiter;
  }

  /** Reads every record of the batch, in line order: its quote-free runs of lines through `readLines`. */
  readBatch(batch: TableBatch, read: RecordRead): void {
    if ('records' in batch) return readRecords(batch.records, batch.firstLine, read);
    let line = batch.firstLine;
    for (const part of batch.parts) {
      if (typeof part === 'string') {
        line = this.readLines(part, batch.dialect.newline, line, read);
      } else {
        readRecords(part, line, read);
        line += part.length;
      }
    }
  }

  /** Reads every line of `lines` (whole lines, the last maybe without its line break); returns the next line. */
  readLines(lines: string, newline: string, firstLine: number, read: RecordRead): number {
    let line = firstLine;
    let start = 0;
    // The first delimiter at or after the line's start: each search goes on from where the last one ended, so
    // lines with too few delimiters are not searched again and again up to the next one.
    this.#nextDelimiter = -1;
    while (start < lines.length) {
      let end = lines.indexOf(newline, start);
      if (end < 0) end = lines.length;
      if (this.#nextDelimiter < start) this.#nextDelimiter = this.#delimiterFrom(lines, start);
      if (this.#cut(lines, end) === this.#fieldCount) read(this.#fillRoles(lines, start), line);
      else read(lines.slice(start, end).split(this.#delimiter), line);
      line++;
      start = end + newline.length;
    }
    return line;
  }

  /** The first delimiter at or after `from`, or past the text's end when there is none. */
  #delimiterFrom(lines: string, from: number): number {
    const at = lines.indexOf(this.#delimiter, from);
    return at < 0 ? lines.length + 1 : at;
  }

  /**
   * Cuts the line ending at `end` from #nextDelimiter on, leaving #nextDelimiter at the first delimiter after the
   * line: returns its number of fields, or -1 when it has more than fieldCount or the log has one column (then a
   * blank line is one empty field: the line is split whole).
   */
  #cut(lines: string, end: number): number {
    const fieldCount = this.#fieldCount;
    if (fieldCount < 2) return -1;
    const ends = this.#fieldEnds;
    let field = 0;
    while (this.#nextDelimiter < end) {
      if (field === fieldCount - 1) return -1;
      ends[field++] = this.#nextDelimiter;
      this.#nextDelimiter = this.#delimiterFrom(lines, this.#nextDelimiter + 1);
    }
    ends[field++] = end;
    return field;
  }

  /** The role columns of the line cut by #cut, into the reused record. */
  #fillRoles(lines: string, lineStart: number): string[] {
    const { record } = this;
    const ends = this.#fieldEnds;
    const roles = this.#roleColumns;
    for (let index = 0; index < roles.length; index++) {
      const column = roles[index] as number;
      const start = column === 0 ? lineStart : (ends[column - 1] as number) + 1;
      const end = ends[column] as number;
      record[column] = lines.slice(start, end);
    }
    return record;
  }
}

function readRecords(records: readonly string[][], firstLine: number, read: RecordRead): void {
  for (let index = 0; index < records.length; index++) read(records[index] as string[], firstLine + index);
}
