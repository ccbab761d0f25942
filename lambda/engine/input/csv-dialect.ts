import Papa from 'papaparse';
import { MalformedFileError } from '../../errors/input-errors.ts';

export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';
export type Newline = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: Delimiter;
  newline: Newline;
}

const CHARACTER_DELIMITERS = [',', ';', '\t', '|'] as const;
const MIN_CONSISTENT_SHARE = 0.9;

/** The line ending the sample uses: CRLF, LF or (old Mac exports) CR. */
export function detectNewline(sample: string): Newline {
  const firstLineFeed = sample.indexOf('\n');
  if (firstLineFeed > 0 && sample[firstLineFeed - 1] === '\r') return '\r\n';
  if (firstLineFeed < 0 && sample.includes('\r')) return '\r';
  return '\n';
}

/**
 * Finds the delimiter that splits the sample's lines into the same number (at least two) of fields, quotes
 * respected: `,` `;` TAB `|`, else columns aligned with runs of spaces (CDNOW). Works on any characters, since
 * it only counts fields. The sample's last line may be cut short and is not counted. A `declared` delimiter (Excel's
 * `sep=` line) is taken as it is.
 */
export function detectDialect(sample: string, sourceName: string, declared?: Delimiter): CsvDialect {
  const newline = detectNewline(sample);
  if (declared !== undefined) return { delimiter: declared, newline };
  const completeText = sample.slice(0, Math.max(sample.lastIndexOf(newline), 0)) || sample;
  let best: { delimiter: Delimiter; fields: number; consistency: number } | undefined;
  let unterminatedQuoteLine: number | undefined;
  for (const delimiter of CHARACTER_DELIMITERS) {
    const parsed = Papa.parse<string[]>(completeText, { delimiter, newline, skipEmptyLines: true });
    const rows = parsed.data;
    const missingQuote = parsed.errors.find((error) => error.code === 'MissingQuotes');
    if (missingQuote && (rows[0]?.length ?? 0) >= 2) unterminatedQuoteLine ??= (missingQuote.row ?? 0) + 1;
    const candidate = { delimiter, ...fieldCountConsistency(rows.map((row) => row.length)) };
    if (candidate.fields < 2 || candidate.consistency < MIN_CONSISTENT_SHARE) continue;
    if (!best || candidate.consistency > best.consistency || isWiderAndAsConsistent(candidate, best)) {
      best = candidate;
    }
  }
  if (best) return { delimiter: best.delimiter, newline };
  const whitespaceRows = completeText
    .split(newline)
    .filter((line) => line.trim() !== '')
    .map((line) => splitOnWhitespace(line).length);
  const whitespace = fieldCountConsistency(whitespaceRows);
  if (whitespace.fields >= 2 && whitespace.consistency >= MIN_CONSISTENT_SHARE) {
    return { delimiter: 'whitespace', newline };
  }
  if (unterminatedQuoteLine !== undefined) {
    throw new MalformedFileError(`${sourceName}: line ${unterminatedQuoteLine}: unterminated quoted field`);
  }
  throw new MalformedFileError(
    `${sourceName}: not a CSV file: no delimiter (, ; TAB | or aligned spaces) splits its first lines into the same columns`,
  );
}

/** Splits a whitespace-aligned line into its fields. */
export function splitOnWhitespace(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(/[ \t]+/);
}

function isWiderAndAsConsistent(
  candidate: { fields: number; consistency: number },
  best: { fields: number; consistency: number },
): boolean {
  return candidate.consistency === best.consistency && candidate.fields > best.fields;
}

/** The header's field count and the share of lines that have it. */
function fieldCountConsistency(counts: number[]): { fields: number; consistency: number } {
  const fields = counts[0] ?? 0;
  if (counts.length <= 1) return { fields, consistency: counts.length };
  const matching = counts.filter((count) => count === fields).length;
  return { fields, consistency: matching / counts.length };
}
