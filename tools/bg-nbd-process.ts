// Customers who follow the customer-value models' own story, drawn in memory: BG/NBD purchases (Fader, Hardie &
// Lee 2005) and Gamma-Gamma spend, from known parameters, so that a fit can be checked against the truth
// (test/engine/value/parameter-recovery.test.ts) and the benchmark has a large file whose backtest shows the
// predictions (tools/bg-nbd-log.ts writes it). Gamma and Beta draws come from @stdlib/random-base-gamma and
// @stdlib/random-base-beta (stdlib, the project's source of special functions already, maintained and tested)
// fed our seeded mulberry32 through their `prng` option, so the draws are reproducible from the seed alone:
// Marsaglia–Tsang for Gamma, with the U^(1/shape) boost below shape 1 and its normals from stdlib's improved
// ziggurat on the same source (instead of Box–Muller); Beta with a < 1 < b (CDNOW's) as G_a / (G_a + G_b). The
// rejection steps are where a hand-written sampler goes subtly wrong. The lockfile pins their versions: a new one
// may draw other numbers, so bump BG_NBD_GENERATOR_VERSION (tools/bg-nbd-log.ts) when updating them.
import gammaFactory from '@stdlib/random-base-gamma';
import betaFactory from '@stdlib/random-base-beta';
import { createRandomSource } from '../lambda/engine/clustering/kmeans/seeded-random.ts';
import { MS_PER_DAY } from '../lambda/engine/input/date-parsing.ts';
import type { BgNbdParameters } from '../lambda/engine/value/bg-nbd-likelihood.ts';
import type { GammaGammaParameters } from '../lambda/engine/value/gamma-gamma-likelihood.ts';
import type { OrderColumns } from '../lambda/engine/value/purchase-summary.ts';

/** The parameters customers are drawn from: purchase rate and dropout (weeks), then spend per order. */
export interface PurchaseProcessParameters {
  readonly purchases: BgNbdParameters;
  readonly spend: GammaGammaParameters;
}

/** The published CDNOW fits: BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma (Fader & Hardie's 2013 note). */
export const CDNOW_PROCESS: PurchaseProcessParameters = {
  purchases: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  spend: { p: 6.25, q: 3.74, v: 15.44 },
};

/** The period: 104 weeks from 2010-12-01 (the Online Retail export's first day), first purchases in its first 78. */
export const PERIOD_WEEKS = 104;
const FIRST_PURCHASE_WEEKS = 78;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** The period's first and last day, as days since 1970-01-01 (the last inclusive). */
export const PERIOD_FIRST_DAY = Date.UTC(2010, 11, 1) / MS_PER_DAY;
export const PERIOD_LAST_DAY = PERIOD_FIRST_DAY + PERIOD_WEEKS * 7 - 1;
/** The seed when none is given (the paper's year). */
export const DEFAULT_PROCESS_SEED = 2005;
/**
 * A customer's purchases stop here whatever their rate: a bound on the loop, never reached in practice (it takes
 * a rate near 100 a week; CDNOW's Gamma(0.243, 4.414) rate exceeds 2 a week for 1 customer in 140,000).
 */
const MAX_PURCHASES_PER_CUSTOMER = 10_000;
/** Order values are written in cents, at least one (the cleaning rules drop prices of 0). */
const SMALLEST_AMOUNT = 0.01;

/** The drawn orders (customers 0 .. customerCount - 1, in draw order) and each order's minute in the period. */
export interface DrawnOrders {
  readonly customerCount: number;
  readonly orders: OrderColumns;
  /** Minutes since the period's first midnight (UTC): the day is PERIOD_FIRST_DAY + floor(minute / 1440). */
  readonly minutes: Int32Array;
}

export interface DrawOptions {
  /** @default DEFAULT_PROCESS_SEED */
  readonly seed?: number;
  /** @default CDNOW_PROCESS */
  readonly parameters?: PurchaseProcessParameters;
}

/**
 * Draws `customers` customers, every one with a first purchase, and their orders in the period. Each customer:
 * rate lambda ~ Gamma(r, rate alpha) per week, dropout p ~ Beta(a, b), spend nu ~ Gamma(q, rate v); the first
 * purchase uniform in the first 78 weeks, then purchases at exponential gaps of rate lambda, after each repeat
 * purchase a dropout with probability p (none after the first: BG/NBD's likelihood has P(alive | x = 0) = 1),
 * until dropout or the period's end. Each order's value ~ Gamma(p, rate nu), in cents. Every purchase is an
 * order, two on one day included (the summary merges them into one purchase day, as it does for real files).
 */
export function drawBgNbdOrders(customers: number, options: DrawOptions = {}): DrawnOrders {
  const { purchases, spend } = options.parameters ?? CDNOW_PROCESS;
  const random = createRandomSource(options.seed ?? DEFAULT_PROCESS_SEED);
  const gamma = gammaFactory.factory({ prng: random });
  const beta = betaFactory.factory({ prng: random });
  const buffer = new OrderBuffer(customers * 4);
  for (let customer = 0; customer < customers; customer++) {
    const rate = gamma(purchases.r, purchases.alpha);
    const dropout = beta(purchases.a, purchases.b);
    const spendRate = gamma(spend.q, spend.v);
    let weeks = random() * FIRST_PURCHASE_WEEKS;
    buffer.push(customer, weeks, gamma(spend.p, spendRate));
    for (let purchase = 1; purchase < MAX_PURCHASES_PER_CUSTOMER; purchase++) {
      weeks += -Math.log(1 - random()) / rate;
      if (weeks >= PERIOD_WEEKS) break;
      buffer.push(customer, weeks, gamma(spend.p, spendRate));
      if (random() < dropout) break;
    }
  }
  return buffer.toOrders(customers);
}

/** Orders in growing typed arrays: three numbers per order, no object per order. */
class OrderBuffer {
  #count = 0;
  #customers: Int32Array;
  #minutes: Int32Array;
  #amounts: Float64Array;

  constructor(capacity: number) {
    this.#customers = new Int32Array(Math.max(capacity, 16));
    this.#minutes = new Int32Array(this.#customers.length);
    this.#amounts = new Float64Array(this.#customers.length);
  }

  /** Adds one order at `weeks` into the period worth `value`, rounded to cents. */
  push(customer: number, weeks: number, value: number): void {
    if (this.#count === this.#customers.length) this.#grow();
    this.#customers[this.#count] = customer;
    this.#minutes[this.#count] = Math.floor(weeks * MINUTES_PER_WEEK);
    this.#amounts[this.#count] = Math.max(SMALLEST_AMOUNT, Math.round(value * 100) / 100);
    this.#count++;
  }

  /** The orders as exact-length columns, with their days. */
  toOrders(customerCount: number): DrawnOrders {
    const count = this.#count;
    const minutes = this.#minutes.slice(0, count);
    const days = new Int32Array(count);
    for (let order = 0; order < count; order++) {
      days[order] = PERIOD_FIRST_DAY + Math.floor((minutes[order] as number) / MINUTES_PER_DAY);
    }
    const orders = {
      count,
      customers: this.#customers.slice(0, count),
      days,
      amounts: this.#amounts.slice(0, count),
    };
    return { customerCount, orders, minutes };
  }

  #grow(): void {
    const capacity = Math.ceil(this.#customers.length * 1.5);
    const grown = <T extends Int32Array | Float64Array>(column: T, make: (size: number) => T): T => {
      const larger = make(capacity);
      larger.set(column);
      return larger;
    };
    this.#customers = grown(this.#customers, (size) => new Int32Array(size));
    this.#minutes = grown(this.#minutes, (size) => new Int32Array(size));
    this.#amounts = grown(this.#amounts, (size) => new Float64Array(size));
  }
}
