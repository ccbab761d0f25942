import { MS_PER_DAY, type WallClockMs } from '../input/date-parsing.ts';

/** What the analysis keeps per customer: memory grows with customers and their orders, never with lines. */
export interface CustomerHistory {
  id: string;
  firstPurchaseMs: WallClockMs;
  lastPurchaseMs: WallClockMs;
  monetary: number;
  /** Day number (days since 1970) of each distinct order, in the order first seen. */
  orderDays: number[];
}

interface MutableHistory extends CustomerHistory {
  lastOrderKey: string;
  orderKeys: Set<string> | undefined;
}

/** Accumulates used transaction lines into per-customer histories. */
export class CustomerLedger {
  readonly #customers = new Map<string, MutableHistory>();
  #firstMs = Number.POSITIVE_INFINITY;
  #lastMs = Number.NEGATIVE_INFINITY;
  #revenue = 0;

  /** Records one line: `orderKey` identifies the order (lines of one order share it). */
  add(customerId: string, orderKey: string, ms: WallClockMs, amount: number): void {
    if (ms < this.#firstMs) this.#firstMs = ms;
    if (ms > this.#lastMs) this.#lastMs = ms;
    this.#revenue += amount;
    const history = this.#customers.get(customerId);
    if (history === undefined) {
      const day = Math.floor(ms / MS_PER_DAY);
      this.#customers.set(customerId, {
        id: customerId,
        firstPurchaseMs: ms,
        lastPurchaseMs: ms,
        monetary: amount,
        orderDays: [day],
        lastOrderKey: orderKey,
        orderKeys: undefined,
      });
      return;
    }
    history.monetary += amount;
    if (ms < history.firstPurchaseMs) history.firstPurchaseMs = ms;
    if (ms > history.lastPurchaseMs) history.lastPurchaseMs = ms;
    if (orderKey === history.lastOrderKey) return;
    history.orderKeys ??= new Set([history.lastOrderKey]);
    history.lastOrderKey = orderKey;
    if (history.orderKeys.has(orderKey)) return;
    history.orderKeys.add(orderKey);
    history.orderDays.push(Math.floor(ms / MS_PER_DAY));
  }

  get customerCount(): number {
    return this.#customers.size;
  }

  /** Earliest and latest purchase over all used lines (NaN when there are none). */
  get period(): { firstMs: WallClockMs; lastMs: WallClockMs } {
    if (this.#customers.size === 0) return { firstMs: Number.NaN, lastMs: Number.NaN };
    return { firstMs: this.#firstMs, lastMs: this.#lastMs };
  }

  get revenue(): number {
    return roundToTenThousandths(this.#revenue);
  }

  /** The histories, sorted by customer id so that results never depend on line order. */
  histories(): CustomerHistory[] {
    return [...this.#customers.values()]
      .map(({ id, firstPurchaseMs, lastPurchaseMs, monetary, orderDays }) => ({
        id,
        firstPurchaseMs,
        lastPurchaseMs,
        monetary: roundToTenThousandths(monetary),
        orderDays,
      }))
      .sort((left, right) => compareIds(left.id, right.id));
  }
}

/** Sums of floats depend on their order in the last bits; rounding keeps equal totals equal (ties stay ties). */
export function roundToTenThousandths(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Numeric ids in numeric order, others in code-point order. */
export function compareIds(left: string, right: string): number {
  const leftNumber = Number(left);
  const rightNumber = Number(right);
  if (Number.isFinite(leftNumber) && Number.isFinite(rightNumber) && leftNumber !== rightNumber) {
    return leftNumber - rightNumber;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}
