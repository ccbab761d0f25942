import { describe, expect, it } from 'vitest';
import {
  computeBaseKpis,
  computeBaseKpisFromColumns,
  computeRetentionFromOrders,
  computeRetentionRate,
} from '../../../lambda/engine/kpis/base-kpis.ts';
import { factColumnsOf } from '../../../lambda/engine/kpis/group-kpis.ts';
import { RFM_SEGMENT_KEYS, type RfmSegmentKey } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { TEN_CUSTOMERS_RFM } from '../../fixtures/ten-customers.ts';

/** The segments worked out by hand in test/engine/rfm/score-rfm.test.ts. */
const SEGMENTS: Record<keyof typeof TEN_CUSTOMERS_RFM, RfmSegmentKey> = {
  C01: 'champions',
  C02: 'champions',
  C03: 'loyal',
  C04: 'potentialLoyalists',
  C05: 'loyal',
  C06: 'aboutToSleep',
  C07: 'atRisk',
  C08: 'hibernating',
  C09: 'hibernating',
  C10: 'cantLoseThem',
};

const CUSTOMERS = Object.entries(TEN_CUSTOMERS_RFM).map(([id, [recencyDays, frequency, monetary]]) => ({
  recencyDays,
  frequency,
  monetary,
  segment: SEGMENTS[id as keyof typeof SEGMENTS],
}));

describe('computeBaseKpis', () => {
  it('computes the whole base’s KPIs of the ten-customer fixture', () => {
    const kpis = computeBaseKpis(CUSTOMERS, { activeWindowDays: 90 }, 4 / 6);
    expect(kpis).toMatchObject({
      customers: 10,
      revenue: 3710,
      orders: 23,
      averageOrderValue: 3710 / 23,
      ordersPerCustomer: 2.3,
      repeatRate: 0.6,
      activeCustomers: 5,
      historicalClv: 371,
      // at risk: C06 (About to sleep, 20), C07 (At risk, 150), C10 (Can't lose them, 900)
      atRiskCustomerShare: 0.3,
      atRiskRevenueShare: (20 + 150 + 900) / 3710,
      // lost: C08 and C09 (Hibernating, 30 and 60)
      lostCustomerShare: 0.2,
      lostRevenueShare: (30 + 60) / 3710,
      // top 20% = ceil(10 / 5) = 2 customers: 1000 + 900
      topFifthRevenueShare: 1900 / 3710,
      retentionRate: 4 / 6,
    });
  });

  it('rounds the top fifth up: 3 customers of 11 count', () => {
    const eleven = [...CUSTOMERS, { recencyDays: 5, frequency: 1, monetary: 10, segment: 'new' as const }];
    // ceil(11 / 5) = 3: 1000 + 900 + 800 of 3720
    expect(computeBaseKpis(eleven, { activeWindowDays: 90 }).topFifthRevenueShare).toBe(2700 / 3720);
  });

  it('leaves the retention rate out when it is unknown, and gives zeros for no customer', () => {
    expect(computeBaseKpis(CUSTOMERS, { activeWindowDays: 90 })).not.toHaveProperty('retentionRate');
    const empty = computeBaseKpis([], { activeWindowDays: 90 });
    expect(empty.customers).toBe(0);
    expect(empty.topFifthRevenueShare).toBe(0);
    expect(empty.atRiskRevenueShare).toBe(0);
  });

  it('counts customers without a segment (a customer table without RFM) in neither at-risk nor lost', () => {
    const unsegmented = CUSTOMERS.map(({ recencyDays, frequency, monetary }) => ({
      recencyDays,
      frequency,
      monetary,
    }));
    const kpis = computeBaseKpis(unsegmented, { activeWindowDays: 90 });
    expect(kpis.atRiskCustomerShare).toBe(0);
    expect(kpis.lostCustomerShare).toBe(0);
    expect(kpis.topFifthRevenueShare).toBe(1900 / 3710);
  });
});

describe('computeBaseKpisFromColumns', () => {
  it('gives the fixture’s KPIs from columns, segments as indices', () => {
    const segments = Uint8Array.from(CUSTOMERS, (customer) => RFM_SEGMENT_KEYS.indexOf(customer.segment));
    expect(
      computeBaseKpisFromColumns(factColumnsOf(CUSTOMERS), segments, { activeWindowDays: 90 }, 4 / 6),
    ).toEqual(computeBaseKpis(CUSTOMERS, { activeWindowDays: 90 }, 4 / 6));
  });

  it('counts no customer at risk or lost without segments', () => {
    const kpis = computeBaseKpisFromColumns(factColumnsOf(CUSTOMERS), undefined, { activeWindowDays: 90 });
    expect([kpis.atRiskCustomerShare, kpis.lostCustomerShare]).toEqual([0, 0]);
  });
});

describe('computeRetentionRate', () => {
  // Days before the as-of day (day 1000) of each order of the fixture's customers.
  const ORDER_DAYS_BEFORE = {
    C01: [1, 30, 60, 120, 200],
    C02: [3, 50, 95, 300],
    C03: [10, 150, 250],
    C04: [20],
    C05: [90, 180],
    C06: [100],
    C07: [150, 400],
    C08: [200],
    C09: [300],
    C10: [400, 500, 600],
  };
  const asOfDay = 1000;
  const orderDays = Object.values(ORDER_DAYS_BEFORE).map((list) => list.map((before) => asOfDay - before));

  it('is the share of the previous window’s buyers who bought again in the last window', () => {
    // Previous window: 91..180 days before (C01 120, C02 95, C03 150, C05 180, C06 100, C07 150): 6 customers.
    // Of them, bought in the last 1..90 days: C01, C02, C03, C05 (90 days: inside). 4 / 6.
    expect(computeRetentionRate(orderDays, asOfDay, 90)).toBe(4 / 6);
  });

  it('is undefined when nobody bought in the previous window', () => {
    expect(computeRetentionRate([[asOfDay - 1], [asOfDay - 500]], asOfDay, 90)).toBeUndefined();
    expect(computeRetentionRate([], asOfDay, 90)).toBeUndefined();
  });

  it('takes the window length from the argument', () => {
    // 30-day windows: previous = 31..60 days before: C01 (60) and C02 (50), who both bought again in the last
    // 30 days (C01 1 and 30 days before, C02 3): 2 / 2. C07 (150) and the others bought in neither window.
    expect(computeRetentionRate(orderDays, asOfDay, 30)).toBe(1);
  });
});

describe('computeRetentionFromOrders', () => {
  it('reads the same retention from the distinct orders as columns, customers in any order', () => {
    // Customer 0 bought 100 and 10 days before the as-of day (retained); 1 only 120 days before; 2 only lately.
    const orders = {
      count: 5,
      customers: Int32Array.from([2, 0, 1, 0, 2]),
      days: Int32Array.from([995, 900, 880, 990, 999]),
    };
    expect(computeRetentionFromOrders(orders, 3, 1000, 90)).toBe(1 / 2);
    expect(computeRetentionRate([[900, 990], [880], [995, 999]], 1000, 90)).toBe(1 / 2);
    expect(
      computeRetentionFromOrders(
        { count: 0, customers: new Int32Array(0), days: new Int32Array(0) },
        0,
        1000,
        90,
      ),
    ).toBeUndefined();
  });
});
