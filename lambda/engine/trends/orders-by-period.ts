/**
 * The orders indexed by period: each period's orders (a counting sort of order numbers, the columns themselves
 * untouched, so that whoever reads or reorders them afterwards — the value step groups them in place — sees them
 * as they were) and each customer's first period. Every series of the trends reads the orders through this.
 */
import type { OrderColumns } from '../value/purchase-summary.ts';
import type { PeriodGrid } from './trend-periods.ts';

export interface OrdersByPeriod {
  readonly grid: PeriodGrid;
  readonly orders: OrderColumns;
  /** Period p's orders are orderIndices[periodOffsets[p] .. periodOffsets[p + 1] - 1], in the columns' order. */
  readonly periodOffsets: Int32Array;
  readonly orderIndices: Int32Array;
  /** Each customer's first period (the period of their first order), -1 for a customer without orders. */
  readonly firstPeriod: Int32Array;
}

/** Indexes `orders` (customers 0..customerCount-1) by the periods of `grid`; orders outside them are left out. */
export function ordersByPeriod(
  orders: OrderColumns,
  customerCount: number,
  grid: PeriodGrid,
): OrdersByPeriod {
  const periodOfOrder = new Int32Array(orders.count);
  const periodOffsets = new Int32Array(grid.count + 1);
  const firstPeriod = new Int32Array(customerCount).fill(-1);
  for (let order = 0; order < orders.count; order++) {
    const period = grid.periodOf(orders.days[order] as number);
    periodOfOrder[order] = period;
    if (period < 0) continue;
    periodOffsets[period + 1] = (periodOffsets[period + 1] as number) + 1;
    const customer = orders.customers[order] as number;
    const known = firstPeriod[customer] as number;
    if (known < 0 || period < known) firstPeriod[customer] = period;
  }
  for (let period = 0; period < grid.count; period++) {
    periodOffsets[period + 1] = (periodOffsets[period + 1] as number) + (periodOffsets[period] as number);
  }
  const orderIndices = new Int32Array(periodOffsets[grid.count] as number);
  const next = periodOffsets.slice(0, grid.count);
  for (let order = 0; order < orders.count; order++) {
    const period = periodOfOrder[order] as number;
    if (period < 0) continue;
    orderIndices[next[period] as number] = order;
    next[period] = (next[period] as number) + 1;
  }
  return { grid, orders, periodOffsets, orderIndices, firstPeriod };
}
