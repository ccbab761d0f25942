/**
 * What the ledger keeps of each distinct order, by its number in the order table: the day of its first line and
 * the sum of its lines' amounts, in two growable typed arrays.
 */
import { MS_PER_DAY, type WallClockMs } from '../input/date-parsing.ts';
import { grown } from './grown-array.ts';

const INITIAL_CAPACITY = 1 << 10;

export class OrderFacts {
  #days = new Int32Array(INITIAL_CAPACITY);
  #amounts = new Float64Array(INITIAL_CAPACITY);

  /** A new order (numbers come in sequence): its day and its first line's amount. */
  start(order: number, ms: WallClockMs, amount: number): void {
    if (order >= this.#days.length) {
      this.#days = grown(this.#days, order * 2);
      this.#amounts = grown(this.#amounts, order * 2);
    }
    this.#days[order] = Math.floor(ms / MS_PER_DAY);
    this.#amounts[order] = amount;
  }

  /** Another line of a known order. */
  addAmount(order: number, amount: number): void {
    this.#amounts[order] = (this.#amounts[order] as number) + amount;
  }

  /** The days and amounts of the first `count` orders (views, not copies). */
  columns(count: number): { days: Int32Array; amounts: Float64Array } {
    return { days: this.#days.subarray(0, count), amounts: this.#amounts.subarray(0, count) };
  }
}
