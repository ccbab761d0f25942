/**
 * What a CustomerLedger hands over once read: its customers in id order as columns, their histories as objects
 * (for tests and small ledgers), and the rounding that keeps equal sums equal.
 */
import type { WallClockMs } from '../input/date-parsing.ts';

/** One customer's history, as an object: for tests and small ledgers (the analysis reads LedgerCustomers). */
export interface CustomerHistory {
  id: string;
  lastPurchaseMs: WallClockMs;
  monetary: number;
  /** Day number (days since 1970) of each distinct order, in the order first seen. */
  orderDays: number[];
}

/** Every customer of a ledger in id order (compareIds), column by column: row r of each array is one customer. */
export interface LedgerCustomers {
  count: number;
  /** The id of the customer at `row`. */
  idAt(row: number): string;
  /** Day number (days since 1970) of the last purchase. */
  lastPurchaseDays: Int32Array;
  /** Distinct orders. */
  frequency: Int32Array;
  /** Sum of amounts, rounded to 1e-4 (see roundToTenThousandths). */
  monetary: Float64Array;
  /** The ledger index of the customer at `row`: takeOrders() names customers by ledger index. */
  ledgerIndices: Int32Array;
  /** What each customer bought (product-spend.ts); undefined when the log has no product column. */
  diversity: PurchaseDiversity | undefined;
}

/**
 * Purchase diversity, row r of each array one customer (as in LedgerCustomers). A line with an empty product
 * (after trimming) counts as no product, its amount still in the customer's spend; an empty category, as none.
 */
export interface PurchaseDiversity {
  /** Distinct products bought (0 when every line's product was empty). */
  distinctProducts: Int32Array;
  /** Distinct categories bought; undefined when the log has no category column. */
  distinctCategories: Int32Array | undefined;
  /**
   * The customer's spend (sum of the amounts of their used lines) in their top product (the one of largest
   * spend), over their whole spend: in (0, 1], 1 for a single product; 0 when no line named a product.
   */
  topProductShare: Float64Array;
}
