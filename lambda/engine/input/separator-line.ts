import type { Delimiter } from './csv-dialect.ts';
import { quoteName } from './message-text.ts';
import { MalformedFileError } from '../../errors/input-errors.ts';

/** The `sep=;` line Excel reads and writes before the header, to say which delimiter the file uses. */
export interface SeparatorLine {
  delimiter: Delimiter;
  /** Characters of the line, its line break included: the text to skip before the header. */
  length: number;
}

/** `sep=;`, quoted or not, maybe padded with more of the same delimiter (`sep=;;;`) as some tools write it. */
const SEPARATOR_LINE = /^"?sep=(.)"?\1*$/i;
const DECLARABLE: Record<string, Delimiter> = { ',': ',', ';': ';', '\t': '\t', '|': '|' };

/**
 * Reads Excel's delimiter line, `sep=;` (or `sep=,`, `sep=|`, `sep=` and a TAB, quoted or not), when the text starts
 * with one; undefined otherwise. `text` has LF line breaks (see line-breaks.ts). A `sep=` line naming another character is refused.
 * @example readSeparatorLine('sep=;\nClient;Montant\n', 'x.csv') // { delimiter: ';', length: 6 }
 */
export function readSeparatorLine(text: string, sourceName: string): SeparatorLine | undefined {
  const lineEnd = text.indexOf('\n');
  const line = lineEnd < 0 ? text : text.slice(0, lineEnd);
  if (!/^"?sep=/i.test(line)) return undefined;
  const match = SEPARATOR_LINE.exec(line.replace(/ +$/, ''));
  const delimiter = match?.[1] === undefined ? undefined : DECLARABLE[match[1]];
  if (delimiter === undefined) {
    throw new MalformedFileError(
      `${sourceName}: line 1: ${quoteName(line)} names no delimiter this reader knows (, ; TAB |)`,
    );
  }
  return { delimiter, length: lineEnd < 0 ? text.length : lineEnd + 1 };
}

/** The text without its first `count` characters (Excel's delimiter line). */
export async function* skipCharacters(text: AsyncIterable<string>, count: number): AsyncGenerator<string> {
  let left = count;
  for await (const chunk of text) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.slice(left) : chunk;
    left = 0;
  }
}
