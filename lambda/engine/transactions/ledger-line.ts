/**
 * How a line that broke no cleaning rule goes into the customer ledger: its customer id and order key (the order
 * id, or the day when the log has no order column), trimmed, then, when the log has a product column, its product
 * and category (trimmed too).
 */
import type { TransactionColumns } from '../input/column-roles.ts';
import { MS_PER_DAY, type WallClockMs } from '../input/date-parsing.ts';
import { CustomerLedger } from './customer-ledger.ts';

/** The ledger of a log with `columns`: one that keeps what each customer bought when the log names products. */
export function ledgerFor(columns: TransactionColumns): CustomerLedger {
  return new CustomerLedger({
    products: columns.product !== undefined,
    categories: columns.category !== undefined,
  });
}

/** Adds a used line of `ledger` (made by ledgerFor(columns)), its moment and amount as the rules read them. */
export function addUsedLine(
  ledger: CustomerLedger,
  record: readonly string[],
  columns: TransactionColumns,
  ms: WallClockMs,
  amount: number,
): void {
  const customer = (record[columns.customer] ?? '').trim();
  const orderKey =
    columns.order === undefined ? String(Math.floor(ms / MS_PER_DAY)) : (record[columns.order] ?? '').trim();
  ledger.add(customer, orderKey, ms, amount);
  if (columns.product === undefined) return;
  const category = columns.category === undefined ? undefined : (record[columns.category] ?? '').trim();
  ledger.addProduct((record[columns.product] ?? '').trim(), category, amount);
}
