/** The per-customer accumulator of a transaction log's used lines, in typed arrays rather than objects. */
import { MS_PER_DAY, type WallClockMs } from '../input/date-parsing.ts';
import { CustomerAmounts } from './customer-amounts.ts';
import { sortedKeyOrder } from './customer-id-order.ts';
import { grown } from './grown-array.ts';
import { InternTable } from './intern-table.ts';
import { OrderFacts } from './order-facts.ts';
import { ProductSpend } from './product-spend.ts';
import type { OrderColumns } from '../value/purchase-summary.ts';
import { roundToTenThousandths } from '../numbers/round-sum.ts';
import type { CustomerHistory, LedgerCustomers } from './ledger-customers.ts';

const INITIAL_CAPACITY = 1 << 10;
/** Per customer in #orderState: distinct orders, its last order's index, that order's hash (see InternTable). */
const ORDER_STRIDE = 3;

/**
 * Accumulates used transaction lines into per-customer columns: memory grows with customers and their distinct
 * orders, never with lines, and holds no object per customer. Customer ids are interned once (InternTable);
 * each customer has a slot in two typed arrays (last purchase and amount in CustomerAmounts; distinct orders
 * and its last order), each slot one cache line, because at millions of customers every look-up elsewhere is a
 * cache miss. Distinct orders are (customer, order id) pairs interned in a second table, looked up only when a
 * line's order differs from the previous line's (lines of one order are usually contiguous) and then from its
 * customer's previous one (whose hash, kept in the slot, tells most differences without reading it), so that a
 * customer's orders may interleave with others' or come back later and still count once.
 */
export class CustomerLedger {
  readonly #ids = new InternTable();
  #orders = new InternTable({ grouped: true });
  /** Per distinct order: its day and amount (what the retention KPI and the customer-value model read). */
  #orderFacts = new OrderFacts();
  readonly #amounts = new CustomerAmounts();
  #orderState = new Int32Array(INITIAL_CAPACITY * ORDER_STRIDE);
  /** The previous line's customer and order: a line of the same skips their look-ups. */
  #previousId: string | undefined;
  #previousCustomer = -1;
  #previousOrderKey: string | undefined;
  #closed = false;
  #closedOrders: OrderColumns | undefined;
  /** What each customer bought, when the log has a product column (see addProduct()). */
  #products: ProductSpend | undefined;

  /** `products`: the log names each line's product (and `categories`, its category); see addProduct(). */
  constructor(options: { products?: boolean; categories?: boolean } = {}) {
    this.#products = options.products === true ? new ProductSpend(options.categories === true) : undefined;
  }

  /** Records one line: `orderKey` identifies the order (lines of one order share it). */
  add(customerId: string, orderKey: string, ms: WallClockMs, amount: number): void {
    if (this.#closed) throw new Error('CustomerLedger: add() after customersInIdOrder()');
    let customer = this.#previousCustomer;
    if (customerId === this.#previousId && orderKey === this.#previousOrderKey) {
      // The previous line's order again, so its customer's last order: no look-up.
      this.#amounts.add(customer, ms, amount);
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
    this.#amounts.add(customer, ms, amount);
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

  /** The trimmed product (and category) of the line add() just recorded, in a ledger made with `products`. */
  addProduct(product: string, category: string | undefined, amount: number): void {
    (this.#products as ProductSpend).add(this.#previousCustomer, product, category, amount);
  }

  get customerCount(): number {
    return this.#ids.size;
  }

  /** Earliest and latest purchase over all used lines (NaN when there are none). */
  get period(): { firstMs: WallClockMs; lastMs: WallClockMs } {
    return this.#amounts.period;
  }

  get revenue(): number {
    return roundToTenThousandths(this.#amounts.revenue);
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
    const amounts = this.#amounts;
    for (let row = 0; row < count; row++) {
      const customer = order[row] as number;
      lastPurchaseDays[row] = Math.floor(amounts.lastPurchaseMs(customer) / MS_PER_DAY);
      monetary[row] = roundToTenThousandths(amounts.spendOf(customer));
      frequency[row] = this.#orderState[customer * ORDER_STRIDE] as number;
    }
    const diversity = this.#products?.diversity(order, (customer) => amounts.spendOf(customer));
    this.#products = undefined;
    this.#closedOrders = this.#orderColumns();
    this.#orders = new InternTable({ grouped: true });
    this.#orderFacts = new OrderFacts();
    amounts.release();
    this.#orderState = new Int32Array(0);
    return {
      count,
      idAt: (row) => ids.keyAt(order[row] as number),
      lastPurchaseDays,
      frequency,
      monetary,
      ledgerIndices: order,
      diversity,
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
      lastPurchaseMs: this.#amounts.lastPurchaseMs(customer),
      monetary: roundToTenThousandths(this.#amounts.spendOf(customer)),
      orderDays: orderDays[customer] ?? [],
    }));
  }

  #addCustomer(customer: number, orderKey: string, ms: WallClockMs, amount: number): void {
    if ((customer + 1) * ORDER_STRIDE > this.#orderState.length) {
      this.#orderState = grown(this.#orderState, this.#orderState.length * 2);
    }
    this.#amounts.start(customer, ms, amount);
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
