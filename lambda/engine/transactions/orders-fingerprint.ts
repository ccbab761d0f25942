/**
 * A fingerprint of a transaction log's content that its layout does not change: a multiset hash of its distinct
 * orders (customer id, day, amount to 1e-4), so the same orders in another line order, with another delimiter,
 * column order, encoding or number format give the same fingerprint, and one order more or less gives another.
 * The hold's duplicate check (issue 15) compares it with the earlier files of a source.
 *
 * Two 32-bit lanes of murmur3's finaliser, summed over the orders (a sum does not depend on their order), and the
 * count: 64 bits of hash, so two different logs share one with a chance of about 1 in 2^64.
 */
import type { OrderColumns } from '../value/purchase-summary.ts';
import { FNV_OFFSET, fnv1a, mixBits } from '../numbers/bit-mixing.ts';
import type { LedgerCustomers } from './ledger-customers.ts';

const TWO_TO_32 = 2 ** 32;

/** The fingerprint of the orders, `orders` naming customers by ledger index as CustomerLedger.takeOrders() does. */
export function ordersFingerprint(orders: OrderColumns, customers: LedgerCustomers): string {
  const laneA = new Uint32Array(customers.count);
  const laneB = new Uint32Array(customers.count);
  for (let row = 0; row < customers.count; row++) {
    const id = customers.idAt(row);
    const ledger = customers.ledgerIndices[row] as number;
    laneA[ledger] = fnv1a(id, FNV_OFFSET);
    laneB[ledger] = fnv1a(id, 0x9747b28c);
  }
  let sumA = 0;
  let sumB = 0;
  for (let order = 0; order < orders.count; order++) {
    const customer = orders.customers[order] as number;
    const day = orders.days[order] as number;
    const units = Math.round((orders.amounts[order] as number) * 10_000);
    const low = units >>> 0;
    const high = Math.floor(units / TWO_TO_32) >>> 0;
    sumA = (sumA + mix(laneA[customer] as number, day, low, high)) >>> 0;
    sumB = (sumB + mix(laneB[customer] as number, day ^ 0x5bd1e995, high, low)) >>> 0;
  }
  return `${orders.count}-${hex(sumA)}${hex(sumB)}`;
}

/** One order's hash: its customer's, day and amount mixed with murmur3's 32-bit finaliser. */
function mix(customer: number, day: number, first: number, second: number): number {
  const hash = mixBits(mixBits(customer ^ Math.imul(day, 0x9e3779b1)) ^ first);
  return mixBits(hash ^ Math.imul(second, 0x85ebca6b));
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}
