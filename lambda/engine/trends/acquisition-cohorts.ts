/**
 * The acquisition cohorts: customers by the period of their first order in the file, and for each period since
 * (0 = the first period itself) the share of the cohort who bought and the revenue per cohort customer.
 */
import { roundToTenThousandths } from '../numbers/round-sum.ts';
import type { OrdersByPeriod } from './orders-by-period.ts';

/** One cohort; entry k of each list is the k-th period after the cohort's first (k = 0 .. periods left). */
export interface AcquisitionCohort {
  /** Index into the trends' periods of the cohort's first period. */
  period: number;
  /** Customers whose first order is in that period. */
  customers: number;
  /** Share of the cohort with an order in the period (1 at k = 0). */
  buyingShare: number[];
  /** The cohort's revenue in the period divided by the cohort's size. */
  revenuePerCustomer: number[];
}

/** One cohort per period with at least one new customer, oldest first. */
export function acquisitionCohorts(indexed: OrdersByPeriod): AcquisitionCohort[] {
  const { grid, orders, periodOffsets, orderIndices, firstPeriod } = indexed;
  const periods = grid.count;
  const sizes = new Int32Array(periods);
  for (const period of firstPeriod) if (period >= 0) sizes[period] = (sizes[period] as number) + 1;
  // Buyers and revenue by (cohort, period), row-major: periods x periods, only the upper triangle used.
  const buyers = new Int32Array(periods * periods);
  const revenue = new Float64Array(periods * periods);
  const countedIn = new Int32Array(firstPeriod.length).fill(-1);
  for (let period = 0; period < periods; period++) {
    for (let at = periodOffsets[period] as number; at < (periodOffsets[period + 1] as number); at++) {
      const order = orderIndices[at] as number;
      const customer = orders.customers[order] as number;
      const cell = (firstPeriod[customer] as number) * periods + period;
      revenue[cell] = (revenue[cell] as number) + (orders.amounts[order] as number);
      if (countedIn[customer] === period) continue;
      countedIn[customer] = period;
      buyers[cell] = (buyers[cell] as number) + 1;
    }
  }
  const cohorts: AcquisitionCohort[] = [];
  for (let cohort = 0; cohort < periods; cohort++) {
    const size = sizes[cohort] as number;
    if (size === 0) continue;
    const buyingShare: number[] = [];
    const revenuePerCustomer: number[] = [];
    for (let period = cohort; period < periods; period++) {
      buyingShare.push((buyers[cohort * periods + period] as number) / size);
      revenuePerCustomer.push(roundToTenThousandths(revenue[cohort * periods + period] as number) / size);
    }
    cohorts.push({ period: cohort, customers: size, buyingShare, revenuePerCustomer });
  }
  return cohorts;
}
