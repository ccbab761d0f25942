import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CustomerFacts,
  computeGroupKpis,
  computeGroupKpisByGroup,
  factColumnsOf,
  ratio,
} from '../../../lambda/engine/kpis/group-kpis.ts';
import { TEN_CUSTOMERS_RFM } from '../../fixtures/ten-customers.ts';

const facts = (ids: (keyof typeof TEN_CUSTOMERS_RFM)[]): CustomerFacts[] =>
  ids.map((id) => {
    const [recencyDays, frequency, monetary] = TEN_CUSTOMERS_RFM[id];
    return { recencyDays, frequency, monetary };
  });

const ALL = facts(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10']);
const CONTEXT = { totalCustomers: 10, totalRevenue: 3710, activeWindowDays: 90 };

describe('computeGroupKpis', () => {
  it('computes the KPIs of everyone in the ten-customer fixture', () => {
    const kpis = computeGroupKpis(ALL, CONTEXT);
    // revenue 1000 + 800 + 300 + 50 + 400 + 20 + 150 + 30 + 60 + 900 = 3710
    // orders 5 + 4 + 3 + 1 + 2 + 1 + 2 + 1 + 1 + 3 = 23
    // recency 1 + 3 + 10 + 20 + 90 + 100 + 150 + 200 + 300 + 400 = 1274
    expect(kpis).toEqual({
      customers: 10,
      share: 1,
      revenue: 3710,
      revenueShare: 1,
      orders: 23,
      averageOrderValue: 3710 / 23,
      ordersPerCustomer: 2.3,
      meanRecencyDays: 127.4,
      // two orders or more: C01, C02, C03, C05, C07, C10
      repeatRate: 0.6,
      // recency <= 90: C01, C02, C03, C04 and C05 (exactly 90: still active)
      activeCustomers: 5,
      historicalClv: 371,
    });
    expect(kpis.averageOrderValue).toBeCloseTo(161.3043, 4);
  });

  it('computes a group’s KPIs and its shares of everyone', () => {
    // The Champions of the fixture: C01 (1 day, 5 orders, 1000) and C02 (3 days, 4 orders, 800).
    expect(computeGroupKpis(facts(['C01', 'C02']), CONTEXT)).toEqual({
      customers: 2,
      share: 0.2,
      revenue: 1800,
      revenueShare: 1800 / 3710,
      orders: 9,
      averageOrderValue: 200,
      ordersPerCustomer: 4.5,
      meanRecencyDays: 2,
      repeatRate: 1,
      activeCustomers: 2,
      historicalClv: 900,
    });
  });

  it('counts a customer as active up to the window, inclusive', () => {
    const group = facts(['C05', 'C06']); // recency 90 and 100
    expect(computeGroupKpis(group, { ...CONTEXT, activeWindowDays: 90 }).activeCustomers).toBe(1);
    expect(computeGroupKpis(group, { ...CONTEXT, activeWindowDays: 89 }).activeCustomers).toBe(0);
    expect(computeGroupKpis(group, { ...CONTEXT, activeWindowDays: 100 }).activeCustomers).toBe(2);
  });

  it('gives the response rate only when the data says who responded', () => {
    expect(computeGroupKpis(ALL, CONTEXT).responseRate).toBeUndefined();
    const withResponses = ALL.map((fact, index) => ({ ...fact, response: index < 3 ? 1 : 0 }));
    expect(computeGroupKpis(withResponses, CONTEXT).responseRate).toBe(0.3);
  });

  it('gives an empty group zeros, not NaN', () => {
    const kpis = computeGroupKpis([], CONTEXT);
    expect(Object.values(kpis).every((value) => value === 0)).toBe(true);
    expect(kpis.customers).toBe(0);
  });
});

describe('computeGroupKpisByGroup', () => {
  it('gives each group what computeGroupKpis gives its members (in row order), in one pass', () => {
    const member = fc.record({
      recencyDays: fc.integer({ min: 0, max: 400 }),
      frequency: fc.integer({ min: 1, max: 9 }),
      monetary: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
      response: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
      group: fc.integer({ min: -1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 60 }), (rows) => {
        const facts: CustomerFacts[] = rows.map(({ group: _group, ...fact }) => fact);
        const groups = Int32Array.from(rows, (row) => row.group);
        const byGroup = computeGroupKpisByGroup(factColumnsOf(facts), groups, 4, CONTEXT);
        expect(byGroup).toHaveLength(4);
        byGroup.forEach((kpis, group) => {
          // Row -1 belongs to no group.
          expect(kpis).toEqual(
            computeGroupKpis(
              facts.filter((_, row) => groups[row] === group),
              CONTEXT,
            ),
          );
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('ratio', () => {
  it('divides, or gives 0 for a zero denominator', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBe(0);
    expect(ratio(0, 0)).toBe(0);
  });
});
