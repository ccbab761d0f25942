// Synthetic order columns for the analyzeValue tests: a seeded BG/NBD purchase process (each customer buys at a
// Poisson rate of their own, drawn from a gamma, and after each purchase leaves for good with a probability of
// their own, drawn from a beta), which the model fits and beats the naive baseline on, with order values drawn
// per customer unless the test says how to set them.
import {
  createRandomSource,
  type RandomSource,
} from '../../../lambda/engine/clustering/kmeans/seeded-random.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';

/** One generated customer's hidden traits. */
export interface CustomerTraits {
  readonly customer: number;
  /** Purchases per day while alive. */
  readonly ratePerDay: number;
  /** Probability of leaving after each purchase. */
  readonly dropout: number;
  /** The mean of their order values. */
  readonly meanOrderValue: number;
}

export interface PurchaseProcess {
  readonly customers: number;
  /** Day number (days since 1970-01-01) of the earliest possible first purchase. */
  readonly firstDay: number;
  /** First purchases are spread uniformly over this many days from `firstDay`. */
  readonly acquisitionDays: number;
  /** No order after `firstDay + historyDays`. */
  readonly historyDays: number;
  readonly seed: number;
  /** Rate per day ~ Gamma(shape, scale = meanRatePerDay / shape). @default 1 / 30 and 1 */
  readonly meanRatePerDay?: number;
  readonly rateShape?: number;
  /** Dropout ~ Beta(a, b). @default 1 and 4 (a mean of 0.2) */
  readonly dropoutA?: number;
  readonly dropoutB?: number;
  /** An order's value. @default Gamma(6) around the customer's mean, which is Gamma(3) around 40, to the cent */
  readonly orderValue?: (traits: CustomerTraits, order: number, random: RandomSource) => number;
}

/** The generated orders, entries in customer then day order. */
export function generateOrders(process: PurchaseProcess): OrderColumns {
  const random = createRandomSource(process.seed);
  const rateShape = process.rateShape ?? 1;
  const meanRate = process.meanRatePerDay ?? 1 / 30;
  const orderValue = process.orderValue ?? defaultOrderValue;
  const lastDay = process.firstDay + process.historyDays;
  const entries: [number, number, number][] = [];
  for (let customer = 0; customer < process.customers; customer++) {
    const traits: CustomerTraits = {
      customer,
      ratePerDay: gamma(random, rateShape, meanRate / rateShape),
      dropout: beta(random, process.dropoutA ?? 1, process.dropoutB ?? 4),
      meanOrderValue: gamma(random, 3, 40 / 3),
    };
    let time = process.firstDay + random() * process.acquisitionDays;
    for (let order = 0; time <= lastDay + 1 && order < 1_000; order++) {
      entries.push([customer, Math.floor(time), orderValue(traits, order, random)]);
      if (random() < traits.dropout) break;
      time += -Math.log(1 - random()) / traits.ratePerDay;
    }
  }
  const kept = entries.filter(([, day]) => day <= lastDay);
  return ordersOf(kept);
}

/** Order columns from [customer, day, amount] entries. */
export function ordersOf(entries: readonly (readonly [number, number, number])[]): OrderColumns {
  return {
    count: entries.length,
    customers: Int32Array.from(entries, ([customer]) => customer),
    days: Int32Array.from(entries, ([, day]) => day),
    amounts: Float64Array.from(entries, ([, , amount]) => amount),
  };
}

/** The entries of order columns, as [customer, day, amount]. */
export function entriesOf(orders: OrderColumns): [number, number, number][] {
  return Array.from({ length: orders.count }, (_, order) => [
    orders.customers[order] as number,
    orders.days[order] as number,
    orders.amounts[order] as number,
  ]);
}

/** The orders whose day passes `keep`, cut by hand. */
export function ordersWhere(orders: OrderColumns, keep: (day: number) => boolean): OrderColumns {
  return ordersOf(entriesOf(orders).filter(([, day]) => keep(day)));
}

/** The same orders with each amount replaced. */
export function withAmounts(
  orders: OrderColumns,
  amountOf: (customer: number, day: number, amount: number) => number,
): OrderColumns {
  return ordersOf(
    entriesOf(orders).map(([customer, day, amount]) => [customer, day, amountOf(customer, day, amount)]),
  );
}

function defaultOrderValue(traits: CustomerTraits, _order: number, random: RandomSource): number {
  return Math.round(gamma(random, 6, traits.meanOrderValue / 6) * 100) / 100 + 0.01;
}

/** A standard normal draw (Box-Muller). */
function normal(random: RandomSource): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, scale) draw (Marsaglia and Tsang; shape below 1 boosted by a uniform power). */
export function gamma(random: RandomSource, shape: number, scale: number): number {
  if (shape < 1) return gamma(random, shape + 1, scale) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    if (Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

function beta(random: RandomSource, a: number, b: number): number {
  const x = gamma(random, a, 1);
  return x / (x + gamma(random, b, 1));
}
