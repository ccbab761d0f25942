import { withoutCurrencyMarks } from './currency-marks.ts';

/** The characters that can separate the decimals: `1234.56` or `1234,56` (French, German exports). */
export const DECIMAL_MARKS = ['.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/**
 * The largest amount, quantity or unit price a transaction line may hold, in magnitude: a trillion. Past it a line
 * is an export error (`1e308`, a barcode in the price column), not a sale, and is rejected as `implausibleAmount`,
 * so that every sum of amounts stays finite and meaningful.
 */
export const MAX_PLAUSIBLE_AMOUNT = 1e12;

/**
 * The largest magnitude a customer table's number may have: 1e15 (milliseconds since 1970 fit, 1e308 does not).
 * Past it a value is read as missing, so that no sum, mean or variance overflows.
 */
export const MAX_PLAUSIBLE_TABLE_VALUE = 1e15;

/** True for a finite number within ±MAX_PLAUSIBLE_AMOUNT. */
export function isPlausibleAmount(value: number): boolean {
  return Math.abs(value) <= MAX_PLAUSIBLE_AMOUNT;
}

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Spaces and apostrophes that group thousands; currency marks go with currency-marks.ts. */
const SPACING = /[\s\u00a0\u202f']/g;
/** Thousands grouped by the other mark: groups of exactly three digits, decimals only after the decimal mark. */
const GROUPED: Record<DecimalMark, RegExp> = {
  '.': /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/,
  ',': /^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$/,
};

/**
 * Reads a number as exports write it: decimal comma or point, thousands grouped with spaces, points, commas or
 * apostrophes, a currency sign or ISO code (currency-marks.ts), negatives as `-12` or `(12)`. Returns NaN when the text is not a number.
 */
export function parseDecimal(raw: string, decimalMark: DecimalMark): number {
  if (decimalMark === '.') {
    const short = parseShortDecimal(raw);
    if (!Number.isNaN(short)) return short;
    if (PLAIN_NUMBER.test(raw)) return Number(raw);
  }
  let text = withoutCurrencyMarks(raw).replace(SPACING, '');
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

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, exponent) => 10 ** exponent);

/**
 * The common case read fast: `1234`, `-12.50`, `.5`, at most 15 digits, point as the mark; NaN for anything else
 * (then the general rules apply). The digits make an integer below 2^53 and the decimals one division by an exact
 * power of ten: IEEE division rounds the exact quotient to the nearest double, as Number() rounds the decimal, so
 * the result is Number()'s, several times faster (a table of 20 million numbers spends most of its time here).
 */
function parseShortDecimal(text: string): number {
  const length = text.length;
  let index = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    index = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      mantissa = mantissa * 10 + (code - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === 0x2e && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = decimals > 0 ? mantissa / (POWERS_OF_TEN[decimals] as number) : mantissa;
  return negative ? -value : value;
}

const COMMA_DECIMAL_EVIDENCE = /\d,(\d{1,2}|\d{4,})$|\.\d{3},\d/;
const POINT_DECIMAL_EVIDENCE = /\d\.(\d{1,2}|\d{4,})$|,\d{3}\.\d/;

/**
 * Infers the decimal mark from sample values: `12,5` or `1.234,56` say comma, `12.5` or `1,234.56` say point;
 * `1,234` says nothing; currency marks are left out (`12,50 €` says comma). With no evidence, a `;`-separated file is taken to use commas (the reason it uses `;`).
 */
export function inferDecimalMark(samples: Iterable<string>, delimiter: string): DecimalMark {
  let commaVotes = 0;
  let pointVotes = 0;
  for (const sample of samples) {
    const value = withoutCurrencyMarks(sample).trim();
    if (COMMA_DECIMAL_EVIDENCE.test(value)) commaVotes++;
    else if (POINT_DECIMAL_EVIDENCE.test(value)) pointVotes++;
  }
  if (commaVotes !== pointVotes) return commaVotes > pointVotes ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}
