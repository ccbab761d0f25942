import { describe, expect, it } from 'vitest';
import { periodActivity } from '../../../lambda/engine/kpis/period-activity.ts';
import { MS_PER_DAY, parseIsoDay } from '../../../lambda/engine/input/date-parsing.ts';

/** Distinct orders as the ledger hands them over: customer, day, amount. */
function ordersOf(rows: readonly [customer: number, day: string, amount: number][]) {
  return {
    count: rows.length,
    customers: Int32Array.from(rows.map(([customer]) => customer)),
    days: Int32Array.from(rows.map(([, day]) => Math.floor(parseIsoDay(day) / MS_PER_DAY))),
    amounts: Float64Array.from(rows.map(([, , amount]) => amount)),
  };
}

const WINDOWS = {
  current: { first: '2025-03-10', end: '2025-03-17' },
  previous: { first: '2025-03-03', end: '2025-03-10' },
  yearAgo: { first: '2024-03-11', end: '2024-03-18' },
};

describe('periodActivity', () => {
  it('counts orders, revenue, new and returning customers of each window, its last day included, its end not', () => {
    const orders = ordersOf([
      [0, '2024-03-11', 10], // customer 0 first buys a year before
      [0, '2025-03-10', 20],
      [0, '2025-03-16', 5], // the window's last day
      [1, '2025-03-12', 7.5], // customer 1: first order in the week
      [2, '2025-03-05', 40], // customer 2: new the week before, not back in the week
      [2, '2025-03-17', 99], // the day after the week: not in it
    ]);
    expect(periodActivity(orders, 3, WINDOWS)).toEqual({
      current: {
        ...WINDOWS.current,
        orders: 3,
        revenue: 32.5,
        customers: 2,
        newCustomers: 1,
        returningCustomers: 1,
      },
      previous: {
        ...WINDOWS.previous,
        orders: 1,
        revenue: 40,
        customers: 1,
        newCustomers: 1,
        returningCustomers: 0,
      },
      yearAgo: {
        ...WINDOWS.yearAgo,
        orders: 1,
        revenue: 10,
        customers: 1,
        newCustomers: null,
        returningCustomers: null,
      },
    });
  });

  it('compares with no window the file does not hold from its first day, and tells no first order it cannot know', () => {
    const orders = ordersOf([
      [0, '2025-03-04', 10],
      [1, '2025-03-11', 20],
    ]);
    const activity = periodActivity(orders, 2, WINDOWS);
    expect(activity.previous).toBeNull();
    expect(activity.yearAgo).toBeNull();
    expect(activity.current).toMatchObject({
      orders: 1,
      customers: 1,
      newCustomers: null,
      returningCustomers: null,
    });
  });

  it('tells new from returning customers only with 180 days of history before the window', () => {
    const withHistoryFrom = (day: string) =>
      periodActivity(
        ordersOf([
          [0, day, 10],
          [1, '2025-03-11', 20],
        ]),
        2,
        WINDOWS,
      ).current;
    expect(withHistoryFrom('2024-09-11')).toMatchObject({ newCustomers: 1, returningCustomers: 0 }); // 180 days
    expect(withHistoryFrom('2024-09-12')).toMatchObject({ newCustomers: null, returningCustomers: null });
  });

  it('counts nothing, and nothing is compared, when the file has no order', () => {
    const activity = periodActivity(ordersOf([]), 0, WINDOWS);
    expect(activity).toEqual({
      current: {
        ...WINDOWS.current,
        orders: 0,
        revenue: 0,
        customers: 0,
        newCustomers: null,
        returningCustomers: null,
      },
      previous: null,
      yearAgo: null,
    });
  });
});
