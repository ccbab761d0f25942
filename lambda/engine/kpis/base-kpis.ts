import { AT_RISK_SEGMENTS, LOST_SEGMENTS, type RfmSegmentKey } from '../rfm/rfm-segments.ts';
import {
  type CustomerFacts,
  computeGroupKpis,
  type GroupKpis,
  type KpiContext,
  ratio,
} from './group-kpis.ts';

/** The KPIs of the whole customer base: a group's KPIs plus what only makes sense for everyone. */
export interface BaseKpis extends GroupKpis {
  /** Share of customers (and of revenue) in the at-risk segments: At risk, Can't lose them, About to sleep. */
  atRiskCustomerShare: number;
  atRiskRevenueShare: number;
  /** Share of customers (and of revenue) in the lost segments: Hibernating, Lost. */
  lostCustomerShare: number;
  lostRevenueShare: number;
  /** Share of revenue from the top 20% of customers by revenue (ties at the cut taken in id order). */
  topFifthRevenueShare: number;
  /**
   * Of the customers who bought in the window before the last one, the share who bought again in the last
   * window (windows of `activeWindowDays`), when order dates are known.
   */
  retentionRate?: number | undefined;
}

/** Computes the base KPIs from every customer's facts and RFM segment. */
export function computeBaseKpis(
  customers: readonly (CustomerFacts & { segment?: RfmSegmentKey | undefined })[],
  context: Omit<KpiContext, 'totalCustomers' | 'totalRevenue'>,
  retentionRate?: number,
): BaseKpis {
  const totalRevenue = customers.reduce((sum, customer) => sum + customer.monetary, 0);
  const fullContext = { ...context, totalCustomers: customers.length, totalRevenue };
  const atRisk = customers.filter(
    (customer) => customer.segment && AT_RISK_SEGMENTS.includes(customer.segment),
  );
  const lost = customers.filter((customer) => customer.segment && LOST_SEGMENTS.includes(customer.segment));
  const revenues = customers.map((customer) => customer.monetary).sort((left, right) => right - left);
  const topFifth = revenues.slice(0, Math.ceil(revenues.length / 5)).reduce((sum, value) => sum + value, 0);
  return {
    ...computeGroupKpis(customers, fullContext),
    atRiskCustomerShare: ratio(atRisk.length, customers.length),
    atRiskRevenueShare: ratio(sumOfRevenue(atRisk), totalRevenue),
    lostCustomerShare: ratio(lost.length, customers.length),
    lostRevenueShare: ratio(sumOfRevenue(lost), totalRevenue),
    topFifthRevenueShare: ratio(topFifth, totalRevenue),
    ...(retentionRate !== undefined ? { retentionRate } : {}),
  };
}

/**
 * Retention between two consecutive windows ending at the as-of day: of the customers with an order in
 * [asOf - 2w, asOf - w), the share with an order in [asOf - w, asOf). Undefined when nobody bought in the first.
 */
export function computeRetentionRate(
  orderDaysPerCustomer: Iterable<readonly number[]>,
  asOfDay: number,
  windowDays: number,
): number | undefined {
  let previous = 0;
  let retained = 0;
  for (const days of orderDaysPerCustomer) {
    const boughtBefore = days.some((day) => day >= asOfDay - 2 * windowDays && day < asOfDay - windowDays);
    if (!boughtBefore) continue;
    previous++;
    if (days.some((day) => day >= asOfDay - windowDays && day < asOfDay)) retained++;
  }
  return previous === 0 ? undefined : retained / previous;
}

function sumOfRevenue(customers: readonly CustomerFacts[]): number {
  return customers.reduce((sum, customer) => sum + customer.monetary, 0);
}
