/** The per-customer accumulator of a transaction log's used lines, in typed arrays rather than objects. */
import { MS_PER_DAY, type WallClockMs } from '../input/date-parsing.ts';
import { sortedKeyOrder } from './customer-id-order.ts';
import { grown } from './grown-array.ts';
import { InternTable } from './intern-table.ts';
import { OrderFacts } from './order-facts.ts';
import type { OrderColumns } from '../value/purchase-summary.ts';
import { roundToTenThousandths } from '../numbers/round-sum.ts';
import type { CustomerHistory, LedgerCustomers } from './ledger-customers.ts';

const INITIAL_CAPACITY = 1 << 10;
/** Per customer in #amounts: last purchase (ms), then the sum of amounts. */
const AMOUNT_STRIDE = 2;
/** Per customer in #orderState: distinct orders, its last order's index, that order's hash (see InternTable). */
const ORDER_STRIDE = 3;

/**
 * Accumulates used transaction lines into per-customer columns: memory grows with customers and their distinct
 * orders, never with lines, and holds no object per customer. Customer ids are interned once (InternTable);
 * each customer has a slot in two typed arrays (last purchase and amount; distinct orders and its last order),
 * each slot one cache line, because at millions of customers every look-up elsewhere is a cache miss. Distinct
 * orders are (customer, order id) pairs interned in a second table, looked up only when a line's order differs
 * from the previous line's (lines of one order are usually contiguous) and then from its customer's previous one
 * (whose hash, kept in the slot, tells most differences without reading it), so that a customer's orders may interleave with
 * others' or come back later and still count once.
 */
export class CustomerLedger {
  readonly #ids = new InternTable();
  #orders = new InternTable({ grouped: true });
  /** Per distinct order: its day and amount (what the retention KPI and the customer-value model read). */
  #orderFacts = new OrderFacts();
  #amounts = new Float64Array(INITIAL_CAPACITY * AMOUNT_STRIDE);
  #orderState = new Int32Array(INITIAL_CAPACITY * ORDER_STRIDE);
  /** The previous line's customer and order: a line of the same skips their look-ups. */
  #previousId: string | undefined;
  #previousCustomer = -1;
  #previousOrderKey: string | undefined;
  #firstMs = Number.POSITIVE_INFINITY;
  #periodLastMs = Number.NEGATIVE_INFINITY;
  #revenue = 0;
  #closed = false;
  #closedOrders: OrderColumns | undefined;

  /** Records one line: `orderKey` identifies the order (lines of one order share it). */
  add(customerId: string, orderKey: string, ms: WallClockMs, amount: number): void {
    if (this.#closed) throw new Error('CustomerLedger: add() after customersInIdOrder()');
    if (ms < this.#firstMs) this.#firstMs = ms;
    if (ms > this.#periodLastMs) this.#periodLastMs = ms;
    this.#revenue += amount;
    let customer = this.#previousCustomer;
    if (customerId === this.#previousId && orderKey === this.#previousOrderKey) {
      // The previous line's order again, so its customer's last order: no look-up.
      this.#addAmount(customer, ms, amount);
      this.#orderFacts.addAmount(this.#orderState[customer * ORDER_STRIDE + 1] as number, amount);
      return;
    }
    this.#previousOrderKey = orderKey;
    if (customerId !== this.#previousId) {
      customer = this.#ids.intern(customerId);
      this.#previousId = customerId;
      this.#previousCustomer = customer;
      if (this.#ids.added) {
        this.#addCustomer(customer, orderKey, ms, amount);
        return;
      }
    }
    this.#addAmount(customer, ms, amount);
    const state = this.#orderState;
    const slot = customer * ORDER_STRIDE;
    const orders = this.#orders;
    const hash = orders.hash(orderKey, customer);
    const lastOrder = state[slot + 1] as number;
    if (hash === state[slot + 2] && orders.equals(lastOrder, orderKey)) {
      this.#orderFacts.addAmount(lastOrder, amount);
      return;
    }
    // A customer's first order is not in the hash table (most customers have one): with a second one, it goes in.
    if (state[slot] === 1) orders.index(lastOrder, state[slot + 2] as number);
    const order = orders.intern(orderKey, customer, hash);
    state[slot + 1] = order;
    state[slot + 2] = hash;
    if (!orders.added) {
      this.#orderFacts.addAmount(order, amount);
      return;
    }
    state[slot] = (state[slot] as number) + 1;
    this.#orderFacts.start(order, ms, amount);
  }

  get customerCount(): number {
    return this.#ids.size;
  }

  /** Earliest and latest purchase over all used lines (NaN when there are none). */
  get period(): { firstMs: WallClockMs; lastMs: WallClockMs } {
    if (this.#ids.size === 0) return { firstMs: Number.NaN, lastMs: Number.NaN };
    return { firstMs: this.#firstMs, lastMs: this.#periodLastMs };
  }

  get revenue(): number {
    return roundToTenThousandths(this.#revenue);
  }

  /**
   * Ends the ledger (add() throws afterwards): its customers sorted by id, so that results never depend on line
   * order. What only the reading needed (the order ids and every hash slot) is released; the days and amounts
   * of the distinct orders stay until takeOrders().
   */
  customersInIdOrder(): LedgerCustomers {
    this.#closed = true;
    const ids = this.#ids;
    ids.freeze();
    const count = ids.size;
    const order = sortedKeyOrder(ids);
    const lastPurchaseDays = new Int32Array(count);
    const frequency = new Int32Array(count);
    const monetary = new Float64Array(count);
    for (let row = 0; row < count; row++) {
      const customer = order[row] as number;
      lastPurchaseDays[row] = Math.floor((this.#amounts[customer * AMOUNT_STRIDE] as number) / MS_PER_DAY);
      monetary[row] = roundToTenThousandths(this.#amounts[customer * AMOUNT_STRIDE + 1] as number);
      frequency[row] = this.#orderState[customer * ORDER_STRIDE] as number;
    }
    this.#closedOrders = this.#orderColumns();
    this.#orders = new InternTable({ grouped: true });
    this.#orderFacts = new OrderFacts();
    this.#amounts = new Float64Array(0);
    this.#orderState = new Int32Array(0);
    return {
      count,
      idAt: (row) => ids.keyAt(order[row] as number),
      lastPurchaseDays,
      frequency,
      monetary,
      ledgerIndices: order,
    };
  }

  /**
   * The distinct orders with their days and amounts (customers as ledger indices, not rows), once the ledger is
   * ended; the ledger lets go of them, so that they are garbage as soon as the caller is done.
   */
  takeOrders(): OrderColumns {
    const orders = this.#closedOrders;
    if (orders === undefined) throw new Error('CustomerLedger: takeOrders() before customersInIdOrder()');
    this.#closedOrders = {
      count: 0,
      customers: new Int32Array(0),
      days: new Int32Array(0),
      amounts: new Float64Array(0),
    };
    return orders;
  }

  /** The histories as objects, sorted by customer id: for tests and small ledgers. */
  histories(): CustomerHistory[] {
    if (this.#closed) throw new Error('CustomerLedger: histories() after customersInIdOrder()');
    const { count, customers, days } = this.#orderColumns();
    const orderDays = Array.from({ length: this.#ids.size }, (): number[] => []);
    for (let order = 0; order < count; order++) {
      orderDays[customers[order] as number]?.push(days[order] as number);
    }
    return Array.from(sortedKeyOrder(this.#ids), (customer) => ({
      id: this.#ids.keyAt(customer),
      lastPurchaseMs: this.#amounts[customer * AMOUNT_STRIDE] as number,
      monetary: roundToTenThousandths(this.#amounts[customer * AMOUNT_STRIDE + 1] as number),
      orderDays: orderDays[customer] ?? [],
    }));
  }

  /** A known customer's line: its last purchase and its amount. */
  #addAmount(customer: number, ms: WallClockMs, amount: number): void {
    const amounts = this.#amounts;
    const at = customer * AMOUNT_STRIDE;
    if (ms > (amounts[at] as number)) amounts[at] = ms;
    amounts[at + 1] = (amounts[at + 1] as number) + amount;
  }

  #addCustomer(customer: number, orderKey: string, ms: WallClockMs, amount: number): void {
    if ((customer + 1) * ORDER_STRIDE > this.#orderState.length) {
      this.#amounts = grown(this.#amounts, this.#amounts.length * 2);
      this.#orderState = grown(this.#orderState, this.#orderState.length * 2);
    }
    this.#amounts[customer * AMOUNT_STRIDE] = ms;
    this.#amounts[customer * AMOUNT_STRIDE + 1] = amount;
    const hash = this.#orders.hash(orderKey, customer);
    const order = this.#orders.append(orderKey, customer);
    this.#orderState.set([1, order, hash], customer * ORDER_STRIDE);
    this.#orderFacts.start(order, ms, amount);
  }

  #orderColumns(): OrderColumns {
    const count = this.#orders.size;
    return {
      count,
      customers: this.#orders.groups(),
      ...this.#orderFacts.columns(count),
    };
  }
}
