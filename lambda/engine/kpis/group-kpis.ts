/** What every KPI needs to know of one customer. */
export interface CustomerFacts {
  recencyDays: number;
  frequency: number;
  monetary: number;
  /** 1 when the customer answered the last campaign, 0 when not, undefined when the data does not say. */
  response?: number | undefined;
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
  let revenue = 0;
  let orders = 0;
  let recencySum = 0;
  let repeaters = 0;
  let active = 0;
  let responses = 0;
  let responseKnown = 0;
  for (const member of members) {
    revenue += member.monetary;
    orders += member.frequency;
    recencySum += member.recencyDays;
    if (member.frequency >= 2) repeaters++;
    if (member.recencyDays <= context.activeWindowDays) active++;
    if (member.response !== undefined) {
      responseKnown++;
      responses += member.response;
    }
  }
  const customers = members.length;
  return {
    customers,
    share: ratio(customers, context.totalCustomers),
    revenue,
    revenueShare: ratio(revenue, context.totalRevenue),
    orders,
    averageOrderValue: ratio(revenue, orders),
    ordersPerCustomer: ratio(orders, customers),
    meanRecencyDays: ratio(recencySum, customers),
    repeatRate: ratio(repeaters, customers),
    activeCustomers: active,
    historicalClv: ratio(revenue, customers),
    ...(responseKnown > 0 ? { responseRate: responses / responseKnown } : {}),
  };
}

/** numerator / denominator, or 0 when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
