/** The characters that can separate the decimals: `1234.56` or `1234,56` (French, German exports). */
export const DECIMAL_MARKS = ['.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DECORATION = /[\s\u00a0\u202f'€$£¥]|EUR|USD|GBP/g;
/** Thousands grouped by the other mark: groups of exactly three digits, decimals only after the decimal mark. */
const GROUPED: Record<DecimalMark, RegExp> = {
  '.': /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/,
  ',': /^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$/,
};

/**
 * Reads a number as exports write it: decimal comma or point, thousands grouped with spaces, points, commas or
 * apostrophes, a currency sign, negatives as `-12` or `(12)`. Returns NaN when the text is not a number.
 */
export function parseDecimal(raw: string, decimalMark: DecimalMark): number {
  if (decimalMark === '.' && PLAIN_NUMBER.test(raw)) return Number(raw);
  let text = raw.replace(DECORATION, '');
  let sign = 1;
  if (text.startsWith('(') && text.endsWith(')')) {
    sign = -1;
    text = text.slice(1, -1);
  }
  const groupMark = decimalMark === '.' ? ',' : '.';
  if (text.includes(groupMark)) {
    if (!GROUPED[decimalMark].test(text)) return Number.NaN;
    text = text.split(groupMark).join('');
  }
  if (decimalMark === ',') text = text.replace(',', '.');
  return PLAIN_NUMBER.test(text) ? sign * Number(text) : Number.NaN;
}

const COMMA_DECIMAL_EVIDENCE = /\d,(\d{1,2}|\d{4,})$|\.\d{3},\d/;
const POINT_DECIMAL_EVIDENCE = /\d\.(\d{1,2}|\d{4,})$|,\d{3}\.\d/;

/**
 * Infers the decimal mark from sample values: `12,5` or `1.234,56` say comma, `12.5` or `1,234.56` say point;
 * `1,234` says nothing. With no evidence, a `;`-separated file is taken to use commas (the reason it uses `;`).
 */
export function inferDecimalMark(samples: Iterable<string>, delimiter: string): DecimalMark {
  let commaVotes = 0;
  let pointVotes = 0;
  for (const sample of samples) {
    const value = sample.trim();
    if (COMMA_DECIMAL_EVIDENCE.test(value)) commaVotes++;
    else if (POINT_DECIMAL_EVIDENCE.test(value)) pointVotes++;
  }
  if (commaVotes !== pointVotes) return commaVotes > pointVotes ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}
