/**
 * The currency an amount names: a sign (`£12.50`, `12,50 €`, `US$3`) or an ISO 4217 code (`EUR 12.50`,
 * `12.50 USD`, `CHF 10`) around the number, or a currency column's code. Only what the cell says: a bare number
 * names no currency, and nothing here guesses one.
 */

/** Where the currency of the analysis came from: a currency column, the amounts' signs or codes, or nowhere. */
export const CURRENCY_SOURCES = ['column', 'symbol', 'none'] as const;
export type CurrencySource = (typeof CURRENCY_SOURCES)[number];

/** The currency of the amounts, as the analysis states it. */
export interface InputCurrency {
  /** ISO 4217; null when the file names none (the report then uses the configured one, or plain numbers). */
  code: string | null;
  source: CurrencySource;
  /** Lines rejected because they name another currency, by its ISO code. */
  otherLines: Record<string, number>;
}

/** Amounts that name no currency: a customer table's plain numbers, or what an SQL engine read as plain decimals. */
export const NO_CURRENCY: Readonly<InputCurrency> = { code: null, source: 'none', otherLines: {} };

/** ISO 4217 codes as Intl knows them (the report formats with Intl, so a code it does not know is no use). */
const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Signs read as one currency. `$` alone is the US dollar (the convention of the exports we read; a Canadian or
 * Australian export writes C$ or A$, or has a currency column); `¥` is the yen. Signs shared by several
 * currencies with no convention (`kr`, `Fr.`) are not read: such a file names its currency with a code or column.
 */
const SIGNS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  R$: 'BRL',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₺': 'TRY',
  '₪': 'ILS',
};

/** A sign, or three letters not touching another letter: the mark, wherever it sits around the number. */
const MARK = /[A-Z]{0,2}\$|[€£¥₹₩₺₪]|(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])/g;

/** The characters of a number as exports write it: digits, signs, marks, grouping and parentheses. */
function isNumberCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e || // .
    code === 0x2c || // ,
    code === 0x2d || // -
    code === 0x2b || // +
    code === 0x28 || // (
    code === 0x29 || // )
    code === 0x20 ||
    code === 0x27 || // '
    code === 0xa0 ||
    code === 0x202f
  );
}

/** The ISO code of a currency code or sign (`eur`, `EUR`, `€`), or '' when it is none. */
export function currencyCodeOf(text: string): string {
  const trimmed = text.trim();
  const sign = SIGNS[trimmed];
  if (sign !== undefined) return sign;
  const upper = trimmed.toUpperCase();
  return upper.length === 3 && ISO_CODES.has(upper) ? upper : '';
}

/**
 * The currency an amount cell names, '' when it names none (a bare number, or text that is no currency: the number
 * parser then decides whether the cell is a number at all). Fast on a bare number: one pass over its characters.
 */
export function currencyMarkOf(cell: string): string {
  let plain = true;
  for (let index = 0; index < cell.length && plain; index++)
    plain = isNumberCharacter(cell.charCodeAt(index));
  if (plain) return '';
  let code = '';
  for (const mark of cell.match(MARK) ?? []) {
    const found = currencyCodeOf(mark);
    // Two different marks in one cell (`12 EUR $`) name no one currency.
    if (found !== '' && code !== '' && found !== code) return '';
    if (found !== '') code = found;
  }
  return code;
}

/** The cell without its currency marks (only marks that name a currency: `12 abc` keeps its `abc`). */
export function withoutCurrencyMarks(cell: string): string {
  return cell.replace(MARK, (mark) => (currencyCodeOf(mark) === '' ? mark : ''));
}
