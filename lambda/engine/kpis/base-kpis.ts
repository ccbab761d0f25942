import {
  AT_RISK_SEGMENTS,
  LOST_SEGMENTS,
  RFM_SEGMENT_KEYS,
  type RfmSegmentKey,
} from '../rfm/rfm-segments.ts';
import {
  type CustomerFactColumns,
  type CustomerFacts,
  computeGroupKpisByGroup,
  factColumnsOf,
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

/** The distinct orders of a customer base: order i belongs to customer `customers[i]` and fell on `days[i]`. */
export interface OrderDayColumns {
  count: number;
  /** Any dense customer index below customerCount (rows or ledger indices alike). */
  customers: Int32Array;
  days: Int32Array;
}

/** The at-risk and lost groups of computeBaseKpisFromColumns's pass (any other number: neither). */
const AT_RISK_GROUP = 0;
const LOST_GROUP = 1;
const NO_GROUP = 2;

/** Computes the base KPIs from every customer's facts and RFM segment. */
export function computeBaseKpis(
  customers: readonly (CustomerFacts & { segment?: RfmSegmentKey | undefined })[],
  context: Omit<KpiContext, 'totalCustomers' | 'totalRevenue'>,
  retentionRate?: number,
): BaseKpis {
  const segments = customers.map((customer) =>
    customer.segment === undefined ? -1 : RFM_SEGMENT_KEYS.indexOf(customer.segment),
  );
  return computeBaseKpisFromColumns(factColumnsOf(customers), segments, context, retentionRate);
}

/**
 * computeBaseKpis on columns: `segments[r]` is an index into RFM_SEGMENT_KEYS (-1 or absent: no segment).
 * Revenue is summed in row order, the top fifth from the largest amount down, as the object version does.
 */
export function computeBaseKpisFromColumns(
  facts: CustomerFactColumns,
  segments: ArrayLike<number> | undefined,
  context: Omit<KpiContext, 'totalCustomers' | 'totalRevenue'>,
  retentionRate?: number,
): BaseKpis {
  const { count } = facts;
  let totalRevenue = 0;
  for (let row = 0; row < count; row++) totalRevenue += facts.monetary[row] as number;
  const fullContext = { ...context, totalCustomers: count, totalRevenue };
  const riskGroups = new Uint8Array(count).fill(NO_GROUP);
  for (let row = 0; row < count; row++) {
    const segment = RFM_SEGMENT_KEYS[segments?.[row] ?? -1];
    if (segment === undefined) continue;
    if (AT_RISK_SEGMENTS.includes(segment)) riskGroups[row] = AT_RISK_GROUP;
    else if (LOST_SEGMENTS.includes(segment)) riskGroups[row] = LOST_GROUP;
  }
  const [atRisk, lost] = computeGroupKpisByGroup(facts, riskGroups, 2, fullContext);
  const [everyone] = computeGroupKpisByGroup(facts, new Uint8Array(count), 1, fullContext);
  const revenues = Float64Array.from(facts.monetary).sort();
  let topFifth = 0;
  for (let index = count - 1; index >= count - Math.ceil(count / 5); index--)
    topFifth += revenues[index] as number;
  return {
    ...(everyone as GroupKpis),
    ...groupShares(atRisk, lost, count, totalRevenue),
    topFifthRevenueShare: ratio(topFifth, totalRevenue),
    ...(retentionRate !== undefined ? { retentionRate } : {}),
  };
}

function groupShares(
  atRisk: GroupKpis | undefined,
  lost: GroupKpis | undefined,
  count: number,
  totalRevenue: number,
): Pick<BaseKpis, 'atRiskCustomerShare' | 'atRiskRevenueShare' | 'lostCustomerShare' | 'lostRevenueShare'> {
  return {
    atRiskCustomerShare: ratio(atRisk?.customers ?? 0, count),
    atRiskRevenueShare: ratio(atRisk?.revenue ?? 0, totalRevenue),
    lostCustomerShare: ratio(lost?.customers ?? 0, count),
    lostRevenueShare: ratio(lost?.revenue ?? 0, totalRevenue),
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
  const customers: number[] = [];
  const days: number[] = [];
  let customer = 0;
  for (const orderDays of orderDaysPerCustomer) {
    for (const day of orderDays) {
      customers.push(customer);
      days.push(day);
    }
    customer++;
  }
  return computeRetentionFromOrders(
    { count: days.length, customers: Int32Array.from(customers), days: Int32Array.from(days) },
    customer,
    asOfDay,
    windowDays,
  );
}

/** computeRetentionRate from the distinct orders' days: one pass over the orders, two bits per customer. */
export function computeRetentionFromOrders(
  orders: OrderDayColumns,
  customerCount: number,
  asOfDay: number,
  windowDays: number,
): number | undefined {
  const BOUGHT_BEFORE = 1;
  const BOUGHT_LATELY = 2;
  const seen = new Uint8Array(customerCount);
  for (let order = 0; order < orders.count; order++) {
    const day = orders.days[order] as number;
    const customer = orders.customers[order] as number;
    if (day >= asOfDay - 2 * windowDays && day < asOfDay - windowDays) {
      seen[customer] = (seen[customer] as number) | BOUGHT_BEFORE;
    } else if (day >= asOfDay - windowDays && day < asOfDay) {
      seen[customer] = (seen[customer] as number) | BOUGHT_LATELY;
    }
  }
  let previous = 0;
  let retained = 0;
  for (const flags of seen) {
    if ((flags & BOUGHT_BEFORE) === 0) continue;
    previous++;
    if ((flags & BOUGHT_LATELY) !== 0) retained++;
  }
  return previous === 0 ? undefined : retained / previous;
}
