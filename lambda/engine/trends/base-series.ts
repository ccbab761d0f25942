/**
 * The base's series, one value per period: revenue, distinct orders, customers who bought (active), of them those
 * whose first order in the file is in the period (new) and the others (returning), and the average order value.
 */
import { roundToTenThousandths } from '../numbers/round-sum.ts';
import type { OrdersByPeriod } from './orders-by-period.ts';

/** Aligned with the periods: entry p is period p's figure. */
export interface BaseSeries {
  /** Sum of the period's order amounts, rounded to 1e-4 (so that it does not depend on line order). */
  revenue: number[];
  orders: number[];
  /** Customers with at least one order in the period. */
  activeCustomers: number[];
  /** Active customers whose first order in the file is in the period. */
  newCustomers: number[];
  /** Active customers who had ordered in an earlier period. */
  returningCustomers: number[];
  /** Revenue / orders; null for a period without orders. */
  averageOrderValue: (number | null)[];
}

export function baseSeries(indexed: OrdersByPeriod): BaseSeries {
  const { grid, orders, periodOffsets, orderIndices, firstPeriod } = indexed;
  const series: BaseSeries = {
    revenue: [],
    orders: [],
    activeCustomers: [],
    newCustomers: [],
    returningCustomers: [],
    averageOrderValue: [],
  };
  // The last period each customer was counted in: one Int32 per customer instead of a set per period.
  const countedIn = new Int32Array(firstPeriod.length).fill(-1);
  for (let period = 0; period < grid.count; period++) {
    let revenue = 0;
    let active = 0;
    let newCustomers = 0;
    const first = periodOffsets[period] as number;
    const end = periodOffsets[period + 1] as number;
    for (let at = first; at < end; at++) {
      const order = orderIndices[at] as number;
      revenue += orders.amounts[order] as number;
      const customer = orders.customers[order] as number;
      if (countedIn[customer] === period) continue;
      countedIn[customer] = period;
      active++;
      if (firstPeriod[customer] === period) newCustomers++;
    }
    const rounded = roundToTenThousandths(revenue);
    series.revenue.push(rounded);
    series.orders.push(end - first);
    series.activeCustomers.push(active);
    series.newCustomers.push(newCustomers);
    series.returningCustomers.push(active - newCustomers);
    series.averageOrderValue.push(end > first ? rounded / (end - first) : null);
  }
  return series;
}
