import { isActive } from '../rfm/active-window.ts';

/** What every KPI needs to know of one customer. */
export interface CustomerFacts {
  recencyDays: number;
  frequency: number;
  monetary: number;
  /** 1 when the customer answered the last campaign, 0 when not, undefined when the data does not say. */
  response?: number | undefined;
}

/** CustomerFacts of every customer, column by column (row r of each array is one customer). */
export interface CustomerFactColumns {
  count: number;
  recencyDays: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  /** 1 answered, 0 did not, NaN unknown; absent when the data never says. */
  response?: ArrayLike<number> | undefined;
}

/** KPIs of a group of customers (a segment, a cluster, or everyone). */
export interface GroupKpis {
  customers: number;
  /** Share of all customers, 0..1. */
  share: number;
  revenue: number;
  /** Share of all revenue, 0..1. */
  revenueShare: number;
  orders: number;
  averageOrderValue: number;
  ordersPerCustomer: number;
  /** Mean days since the last purchase. */
  meanRecencyDays: number;
  /** Share of customers with two orders or more. */
  repeatRate: number;
  /** Customers who bought within the active window (default 90 days). */
  activeCustomers: number;
  /** Historical customer lifetime value: revenue per customer over the period observed. */
  historicalClv: number;
  /** Share of customers who answered the last campaign, when the data says. */
  responseRate?: number | undefined;
}

export interface KpiContext {
  totalCustomers: number;
  totalRevenue: number;
  activeWindowDays: number;
}

/** Computes a group's KPIs; ratios of an empty group are 0, not NaN. */
export function computeGroupKpis(members: readonly CustomerFacts[], context: KpiContext): GroupKpis {
  const [kpis] = computeGroupKpisByGroup(factColumnsOf(members), new Uint8Array(members.length), 1, context);
  return kpis as GroupKpis;
}

/**
 * The KPIs of every group in one pass over the columns: row r belongs to group `groupOf[r]` (0..groupCount-1;
 * any other value: to none). Members are summed in row order, as computeGroupKpis sums a group's list.
 */
export function computeGroupKpisByGroup(
  facts: CustomerFactColumns,
  groupOf: ArrayLike<number>,
  groupCount: number,
  context: KpiContext,
): GroupKpis[] {
  const sums = Array.from({ length: groupCount }, emptySums);
  const { recencyDays, frequency, monetary, response } = facts;
  for (let row = 0; row < facts.count; row++) {
    const group = sums[groupOf[row] as number];
    if (group === undefined) continue;
    const recency = recencyDays[row] as number;
    const orders = frequency[row] as number;
    group.customers++;
    group.revenue += monetary[row] as number;
    group.orders += orders;
    group.recencySum += recency;
    if (orders >= 2) group.repeaters++;
    if (isActive(recency, context.activeWindowDays)) group.active++;
    const answer = response?.[row];
    if (answer !== undefined && !Number.isNaN(answer)) {
      group.responseKnown++;
      group.responses += answer;
    }
  }
  return sums.map((group) => kpisOf(group, context));
}

/** Object facts as columns (responses NaN where unknown). */
export function factColumnsOf(members: readonly CustomerFacts[]): CustomerFactColumns {
  return {
    count: members.length,
    recencyDays: members.map((member) => member.recencyDays),
    frequency: members.map((member) => member.frequency),
    monetary: members.map((member) => member.monetary),
    response: members.map((member) => member.response ?? Number.NaN),
  };
}

/** numerator / denominator, or 0 when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

interface GroupSums {
  customers: number;
  revenue: number;
  orders: number;
  recencySum: number;
  repeaters: number;
  active: number;
  responses: number;
  responseKnown: number;
}

function emptySums(): GroupSums {
  return {
    customers: 0,
    revenue: 0,
    orders: 0,
    recencySum: 0,
    repeaters: 0,
    active: 0,
    responses: 0,
    responseKnown: 0,
  };
}

function kpisOf(group: GroupSums, context: KpiContext): GroupKpis {
  const { customers, revenue, orders } = group;
  return {
    customers,
    share: ratio(customers, context.totalCustomers),
    revenue,
    revenueShare: ratio(revenue, context.totalRevenue),
    orders,
    averageOrderValue: ratio(revenue, orders),
    ordersPerCustomer: ratio(orders, customers),
    meanRecencyDays: ratio(group.recencySum, customers),
    repeatRate: ratio(group.repeaters, customers),
    activeCustomers: group.active,
    historicalClv: ratio(revenue, customers),
    ...(group.responseKnown > 0 ? { responseRate: group.responses / group.responseKnown } : {}),
  };
}
