/**
 * The currency of a transaction log, from the log itself: a currency column's codes, else the signs or codes
 * around the amounts (or unit prices). A log names one currency or none; a line in another one is rejected as
 * `otherCurrency` (a sum of pounds and euros means nothing) and counted by its currency, so that the report can
 * say which. The log's currency is the one most lines of the first batch name (as the decimal mark is inferred
 * there), or, when that batch names none, the first one a line names.
 *
 * Rejecting the minority rather than refusing the file: like every other cleaning rule, a few stray lines (a
 * foreign invoice in a shop's export) should not stop the executives' report, and nothing is dropped silently:
 * the lines are counted under their reason, with the first one's line number, and the report names the currencies.
 */
import type { TransactionColumns } from '../input/column-roles.ts';
import {
  currencyCodeOf,
  currencyMarkOf,
  type CurrencySource,
  type InputCurrency,
} from '../input/currency-marks.ts';

/** How many lines of the first batch are read to find the log's currency. */
const SAMPLE_LINES = 5_000;

export class LogCurrency {
  #code: string | undefined;
  #sampled = false;
  #fromColumn = false;
  readonly #columns: TransactionColumns;
  readonly #otherLines = new Map<string, number>();

  constructor(columns: TransactionColumns) {
    this.#columns = columns;
  }

  /** The currency a line names: its currency column's code, else the mark of its amount (or unit price); ''. */
  of(record: readonly string[]): string {
    const { currency, amount, price } = this.#columns;
    if (currency !== undefined) {
      const code = currencyCodeOf(record[currency] ?? '');
      if (code !== '') {
        this.#fromColumn = true;
        return code;
      }
    }
    const cell = record[amount ?? price ?? -1];
    return cell === undefined ? '' : currencyMarkOf(cell);
  }

  /** Takes the currency most of the first batch's lines name, once; later batches change nothing. */
  sample(records: readonly (readonly string[])[]): void {
    if (this.#sampled) return;
    this.#sampled = true;
    const votes = new Map<string, number>();
    for (const record of records.slice(0, SAMPLE_LINES)) {
      const code = this.of(record);
      if (code !== '') votes.set(code, (votes.get(code) ?? 0) + 1);
    }
    let most = 0;
    for (const [code, count] of votes) {
      if (count > most) [this.#code, most] = [code, count];
    }
  }

  /** True when the line names a currency other than the log's (the first one named becomes the log's). */
  isOther(record: readonly string[]): boolean {
    const code = this.of(record);
    if (code === '') return false;
    this.#code ??= code;
    if (code === this.#code) return false;
    this.#otherLines.set(code, (this.#otherLines.get(code) ?? 0) + 1);
    return true;
  }

  summary(): InputCurrency {
    const source: CurrencySource = this.#code === undefined ? 'none' : this.#fromColumn ? 'column' : 'symbol';
    return {
      code: this.#code ?? null,
      source,
      otherLines: Object.fromEntries(
        [...this.#otherLines].sort(([left], [right]) => (left < right ? -1 : 1)),
      ),
    };
  }
}

/** The note of lines left out for their currency (none when every line names the log's currency, or none). */
export function otherCurrencyNotes(currency: InputCurrency, firstLine: number | undefined): string[] {
  const others = Object.entries(currency.otherLines);
  if (others.length === 0 || currency.code === null) return [];
  const lines = others.map(([code, count]) => `${count} in ${code}`).join(', ');
  return [
    `the amounts are in ${currency.code}; lines in another currency were left out, not added up: ${lines}` +
      ` (first at line ${firstLine ?? '?'})`,
  ];
}
