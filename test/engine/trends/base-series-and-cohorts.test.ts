// The base's monthly series and the acquisition cohorts on five customers over four months, every figure
// computed by hand (the orders below, in the comments).
import { describe, expect, it } from 'vitest';
import { computeTrends, type Trends } from '../../../lambda/engine/trends/compute-trends.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** [customer, day, amount]; in no particular order, as the ledger hands them over. */
const ORDERS: readonly [number, string, number][] = [
  [3, '2024-04-30', 80],
  [0, '2024-01-01', 10],
  [2, '2024-02-05', 50],
  [1, '2024-01-15', 40],
  [0, '2024-02-03', 20],
  [2, '2024-02-06', 5],
  [3, '2024-02-20', 70],
  [2, '2024-03-01', 60],
  [0, '2024-04-10', 30],
  [4, '2024-04-02', 90],
  // On the as-of day: left out.
  [4, '2024-05-01', 1000],
];

function columns(orders: readonly [number, string, number][]): OrderColumns {
  return {
    count: orders.length,
    customers: Int32Array.from(orders, ([customer]) => customer),
    days: Int32Array.from(orders, ([, day]) => dayOf(day)),
    amounts: Float64Array.from(orders, ([, , amount]) => amount),
  };
}

function trendsOf(orders: readonly [number, string, number][]): Trends {
  const trends = computeTrends({
    orders: columns(orders),
    customerCount: 5,
    asOfDay: dayOf('2024-05-01'),
    activeWindowDays: 90,
  });
  if (trends === null) throw new Error('expected trends');
  return trends;
}

describe('computeTrends: the base series', () => {
  it('counts revenue, orders, active, new and returning customers and the average order value by month', () => {
    const trends = trendsOf(ORDERS);
    expect(trends.unit).toBe('month');
    expect(trends.periods.map((period) => [period.start, period.end, period.partial])).toEqual([
      ['2024-01-01', '2024-02-01', false],
      ['2024-02-01', '2024-03-01', false],
      ['2024-03-01', '2024-04-01', false],
      ['2024-04-01', '2024-05-01', false],
    ]);
    expect(trends.base).toEqual({
      // Jan: 10 + 40; Feb: 20 + 50 + 5 + 70; Mar: 60; Apr: 30 + 90 + 80.
      revenue: [50, 145, 60, 200],
      orders: [2, 4, 1, 3],
      // Feb: customers 0, 2, 3 (2 twice); Apr: 0, 3, 4.
      activeCustomers: [2, 3, 1, 3],
      // Jan: 0 and 1; Feb: 2 and 3; Apr: 4.
      newCustomers: [2, 2, 0, 1],
      returningCustomers: [0, 1, 1, 2],
      averageOrderValue: [25, 36.25, 60, 200 / 3],
    });
  });

  it('gives a null average order value for a month without orders', () => {
    const trends = trendsOf([
      [0, '2024-01-01', 10],
      [0, '2024-03-01', 30],
      [1, '2024-04-15', 20],
    ]);
    expect(trends.base.orders).toEqual([1, 0, 1, 1]);
    expect(trends.base.averageOrderValue).toEqual([10, null, 30, 20]);
  });

  it('is null when no order is before the as-of day', () => {
    const orders = columns([[0, '2024-05-02', 10]]);
    expect(
      computeTrends({ orders, customerCount: 1, asOfDay: dayOf('2024-05-01'), activeWindowDays: 90 }),
    ).toBe(null);
  });

  it('leaves the order columns as they were', () => {
    const orders = columns(ORDERS);
    const before = [Array.from(orders.customers), Array.from(orders.days), Array.from(orders.amounts)];
    computeTrends({ orders, customerCount: 5, asOfDay: dayOf('2024-05-01'), activeWindowDays: 90 });
    expect([Array.from(orders.customers), Array.from(orders.days), Array.from(orders.amounts)]).toEqual(
      before,
    );
  });
});

describe('computeTrends: the acquisition cohorts', () => {
  it('gives each first-order month its size, share buying and revenue per customer in each month since', () => {
    expect(trendsOf(ORDERS).cohorts).toEqual([
      // January: customers 0 and 1; 0 buys again in February (20) and April (30).
      { period: 0, customers: 2, buyingShare: [1, 0.5, 0, 0.5], revenuePerCustomer: [25, 10, 0, 15] },
      // February: customers 2 (50 + 5, then 60 in March) and 3 (70, then 80 in April).
      { period: 1, customers: 2, buyingShare: [1, 0.5, 0.5], revenuePerCustomer: [62.5, 30, 40] },
      // March: nobody new. April: customer 4 (90; its order of May 1 is on the as-of day).
      { period: 3, customers: 1, buyingShare: [1], revenuePerCustomer: [90] },
    ]);
  });
});
