/**
 * The amounts side of the customer ledger: per customer (by ledger index) the last purchase and the sum of
 * amounts, side by side in one typed array so that a line touches one cache line; over the whole log, the first
 * and last purchase and the revenue.
 */
import type { WallClockMs } from '../input/date-parsing.ts';
import { grown } from './grown-array.ts';

const INITIAL_CAPACITY = 1 << 10;
/** Per customer: last purchase (ms), then the sum of amounts. */
const STRIDE = 2;

export class CustomerAmounts {
  #amounts = new Float64Array(INITIAL_CAPACITY * STRIDE);
  #firstMs = Number.POSITIVE_INFINITY;
  #lastMs = Number.NEGATIVE_INFINITY;
  #revenue = 0;

  /** A new customer's first line (customers are numbered in sequence). */
  start(customer: number, ms: WallClockMs, amount: number): void {
    this.#addToLog(ms, amount);
    if ((customer + 1) * STRIDE > this.#amounts.length) {
      this.#amounts = grown(this.#amounts, this.#amounts.length * 2);
    }
    this.#amounts[customer * STRIDE] = ms;
    this.#amounts[customer * STRIDE + 1] = amount;
  }

  /** A known customer's line: its last purchase and its amount. */
  add(customer: number, ms: WallClockMs, amount: number): void {
    this.#addToLog(ms, amount);
    const amounts = this.#amounts;
    const at = customer * STRIDE;
    if (ms > (amounts[at] as number)) amounts[at] = ms;
    amounts[at + 1] = (amounts[at + 1] as number) + amount;
  }

  lastPurchaseMs(customer: number): WallClockMs {
    return this.#amounts[customer * STRIDE] as number;
  }

  /** The sum of the customer's amounts, unrounded. */
  spendOf(customer: number): number {
    return this.#amounts[customer * STRIDE + 1] as number;
  }

  /** Earliest and latest purchase over all lines (NaN when there are none). */
  get period(): { firstMs: WallClockMs; lastMs: WallClockMs } {
    if (this.#firstMs > this.#lastMs) return { firstMs: Number.NaN, lastMs: Number.NaN };
    return { firstMs: this.#firstMs, lastMs: this.#lastMs };
  }

  /** The sum of all amounts, unrounded. */
  get revenue(): number {
    return this.#revenue;
  }

  /** Lets go of the per-customer array (the log's totals stay). */
  release(): void {
    this.#amounts = new Float64Array(0);
  }

  #addToLog(ms: WallClockMs, amount: number): void {
    if (ms < this.#firstMs) this.#firstMs = ms;
    if (ms > this.#lastMs) this.#lastMs = ms;
    this.#revenue += amount;
  }
}
