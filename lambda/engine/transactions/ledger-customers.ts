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
}
