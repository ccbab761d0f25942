/**
 * The distinct (customer, item) pairs of a log, an item being an interned product or category, each with the sum of
 * its lines' amounts: numbers in one typed array found again by open addressing, no string and no object per pair.
 * A slot holds the whole pair (customer, item, spend: 16 bytes), so that a look-up reads one cache line, which at
 * hundreds of thousands of pairs is the cost that counts. Memory grows with the distinct pairs, never with
 * customers x items: at most three quarters of the slots are used, so 21 to 43 bytes a pair.
 *
 * @example
 * const pairs = new CustomerItemPairs();
 * pairs.add(0, 7, 2.5);
 * pairs.add(0, 7, 1); // the same pair: its spend is 3.5
 * pairs.add(1, 7, 4);
 * pairs.size; // 2
 */
import { mixBits } from '../numbers/bit-mixing.ts';

const INITIAL_SLOTS = 1 << 10;
/** Knuth's multiplicative constant (2^32 / golden ratio): spreads the customer before the item is mixed in. */
const GOLDEN = 0x9e3779b1;

export class CustomerItemPairs {
  /** Per slot, as int32: customer + 1 (0: empty), item, then the spend's 8 bytes (#spend's view). */
  #keys = new Int32Array(4 * INITIAL_SLOTS);
  /** The same bytes as float64: a slot's spend at 2 * slot + 1. */
  #spend = new Float64Array(this.#keys.buffer);
  #size = 0;
  /** The slot of the previous add(): a line of the same customer and item skips the look-up. */
  #lastCustomer = -1;
  #lastItem = -1;
  #lastSlot = -1;

  get size(): number {
    return this.#size;
  }

  /** Adds `amount` to the spend of (customer, item), the pair added when new. */
  add(customer: number, item: number, amount: number): void {
    if (customer !== this.#lastCustomer || item !== this.#lastItem) {
      this.#lastSlot = this.#find(customer, item);
      this.#lastCustomer = customer;
      this.#lastItem = item;
    }
    const at = 2 * this.#lastSlot + 1;
    this.#spend[at] = (this.#spend[at] as number) + amount;
  }

  /** Calls `visit` with the customer and spend of every pair (in no particular order). */
  forEach(visit: (customer: number, spend: number) => void): void {
    const keys = this.#keys;
    for (let slot = 0; slot < keys.length / 4; slot++) {
      const customer = (keys[4 * slot] as number) - 1;
      if (customer >= 0) visit(customer, this.#spend[2 * slot + 1] as number);
    }
  }

  /** The slot of (customer, item), taken with no spend when new. */
  #find(customer: number, item: number): number {
    const keys = this.#keys;
    const mask = keys.length / 4 - 1;
    for (let slot = hashOf(customer, item) & mask; ; slot = (slot + 1) & mask) {
      const found = keys[4 * slot] as number;
      if (found === customer + 1 && keys[4 * slot + 1] === item) return slot;
      if (found === 0) {
        if ((this.#size + 1) * 4 > (keys.length / 4) * 3) {
          this.#grow();
          return this.#find(customer, item);
        }
        this.#size++;
        // Its spend is 0: slots are never emptied, and new ones are zeros.
        keys[4 * slot] = customer + 1;
        keys[4 * slot + 1] = item;
        return slot;
      }
    }
  }

  /** Twice the slots, every pair moved to its place in them. */
  #grow(): void {
    const previous = this.#keys;
    const previousSpend = this.#spend;
    const keys = new Int32Array(previous.length * 2);
    const spend = new Float64Array(keys.buffer);
    const mask = keys.length / 4 - 1;
    for (let from = 0; from < previous.length; from += 4) {
      const customer = previous[from] as number;
      if (customer === 0) continue;
      const item = previous[from + 1] as number;
      let slot = hashOf(customer - 1, item) & mask;
      while (keys[4 * slot] !== 0) slot = (slot + 1) & mask;
      keys[4 * slot] = customer;
      keys[4 * slot + 1] = item;
      spend[2 * slot + 1] = previousSpend[from / 2 + 1] as number;
    }
    this.#keys = keys;
    this.#spend = spend;
  }
}

function hashOf(customer: number, item: number): number {
  return mixBits(Math.imul(customer, GOLDEN) ^ item);
}
