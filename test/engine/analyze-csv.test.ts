// End to end on the ten hand-made customers of test/fixtures/ten-customers.ts: cleaning, RFM, segments, KPIs
// and per-cluster KPIs, every expected figure worked out by hand (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, CustomerRow } from '../../lambda/engine/analysis/analysis-types.ts';
import { REJECTION_REASONS } from '../../lambda/engine/analysis/rejection-reasons.ts';
import { REJECTED_LINES, TEN_CUSTOMERS_CSV, TEN_CUSTOMERS_RFM } from '../fixtures/ten-customers.ts';
import { analysisError, analyzeText, customersById } from '../support/analyze-text.ts';
import { InputError } from '../../lambda/errors/input-errors.ts';

/** The sum of every rejection count. */
function rejectedTotal(result: AnalysisResult): number {
  return Object.values(result.analysis.input.rowsRejected).reduce((sum, count) => sum + (count ?? 0), 0);
}

describe('analyzeCsv on the ten-customer fixture', () => {
  const analysed = analyzeText(TEN_CUSTOMERS_CSV);

  it('describes the input and accounts for every line read', async () => {
    const { input } = (await analysed).analysis;
    expect(input).toMatchObject({
      source: 'test.csv',
      shape: 'transactions',
      encoding: 'ascii',
      delimiter: ',',
      decimalMark: '.',
      dateOrder: null,
      columns: {
        order: 'Invoice',
        customer: 'Customer',
        date: 'Date',
        quantity: 'Quantity',
        price: 'UnitPrice',
      },
      // 35 lines of data (2..36) with two blank ones: 33 read, 25 used, 8 rejected.
      rowsRead: 33,
      rowsUsed: 25,
      undecodableCharacters: 0,
    });
    const expectedCounts = Object.fromEntries(
      REJECTION_REASONS.map((reason) => [reason, reason in REJECTED_LINES ? 1 : 0]),
    );
    expect(input.rowsRejected).toEqual(expectedCounts);
    expect(input.firstRejectedLine).toEqual(REJECTED_LINES);
    expect(input.rowsUsed + rejectedTotal(await analysed)).toBe(input.rowsRead);
  });

  it('takes the day after the last purchase as the as-of day', async () => {
    const { analysis } = await analysed;
    expect(analysis.period).toEqual({ firstPurchase: '2022-10-10', lastPurchase: '2024-05-31' });
    expect(analysis.rfm?.asOf).toBe('2024-06-01');
    expect(analysis.generatedAt).toBe('2024-06-01T12:00:00.000Z');
  });

  it('gives each customer its recency, distinct orders, monetary sum, scores and segment', async () => {
    const customers = customersById(await analysed);
    // C11 has only a future-dated line: not a customer of this analysis.
    expect([...customers.keys()]).toEqual(Object.keys(TEN_CUSTOMERS_RFM));
    // Scores and segments as worked out in test/engine/rfm/score-rfm.test.ts.
    const expected: Record<string, [number, number, number, number, number, number, string]> = {
      C01: [1, 5, 1000, 5, 5, 5, 'champions'], // 1001 has two lines (120 + 80): one order
      C02: [3, 4, 800, 5, 5, 4, 'champions'],
      C03: [10, 3, 300, 4, 4, 3, 'loyal'], // 3001: 60 + 40
      C04: [20, 1, 50, 4, 2, 2, 'potentialLoyalists'],
      C05: [90, 2, 400, 3, 3, 4, 'loyal'],
      C06: [100, 1, 20, 3, 2, 1, 'aboutToSleep'], // 8 x 2.5
      C07: [150, 2, 150, 2, 3, 3, 'atRisk'],
      C08: [200, 1, 30, 2, 2, 1, 'hibernating'],
      C09: [300, 1, 60, 1, 2, 2, 'hibernating'],
      C10: [400, 3, 900, 1, 4, 5, 'cantLoseThem'],
    };
    for (const [id, [recency, frequency, monetary, r, f, m, segment]] of Object.entries(expected)) {
      expect(customers.get(id), id).toMatchObject({
        recencyDays: recency,
        frequency,
        monetary,
        recencyScore: r,
        frequencyScore: f,
        monetaryScore: m,
        segment,
      });
    }
  });

  it('computes the KPIs of the whole base', async () => {
    expect((await analysed).analysis.kpis).toEqual({
      customers: 10,
      share: 1,
      revenue: 3710, // 1000 + 800 + 300 + 50 + 400 + 20 + 150 + 30 + 60 + 900
      revenueShare: 1,
      orders: 23, // 5 + 4 + 3 + 1 + 2 + 1 + 2 + 1 + 1 + 3
      averageOrderValue: 3710 / 23, // 161.30
      ordersPerCustomer: 2.3,
      meanRecencyDays: 127.4, // (1 + 3 + 10 + 20 + 90 + 100 + 150 + 200 + 300 + 400) / 10
      repeatRate: 0.6, // C01, C02, C03, C05, C07, C10
      activeCustomers: 5, // recency <= 90: C01..C05
      historicalClv: 371, // 3710 / 10
      atRiskCustomerShare: 0.3, // C06, C07, C10
      atRiskRevenueShare: 1070 / 3710, // 20 + 150 + 900
      lostCustomerShare: 0.2, // C08, C09
      lostRevenueShare: 90 / 3710, // 30 + 60
      topFifthRevenueShare: 1900 / 3710, // the top 2: 1000 + 900
      // Bought 91..180 days before: C01, C02, C03, C05, C06, C07; of them again in the last 90: C01, C02, C03, C05.
      retentionRate: 4 / 6,
    });
  });

  it('lists all eleven segments, empty ones included, with their KPIs', async () => {
    const segments = (await analysed).analysis.rfm?.segments ?? [];
    expect(segments.map((segment) => [segment.key, segment.customers])).toEqual([
      ['champions', 2],
      ['loyal', 2],
      ['potentialLoyalists', 1],
      ['new', 0],
      ['promising', 0],
      ['needAttention', 0],
      ['aboutToSleep', 1],
      ['atRisk', 1],
      ['cantLoseThem', 1],
      ['hibernating', 2],
      ['lost', 0],
    ]);
    const byKey = new Map(segments.map((segment) => [segment.key, segment]));
    expect(byKey.get('hibernating')).toEqual({
      key: 'hibernating',
      name: { en: 'Hibernating', fr: 'En hibernation' },
      customers: 2, // C08, C09
      share: 0.2,
      revenue: 90, // 30 + 60
      revenueShare: 90 / 3710,
      orders: 2,
      averageOrderValue: 45,
      ordersPerCustomer: 1,
      meanRecencyDays: 250, // (200 + 300) / 2
      repeatRate: 0,
      activeCustomers: 0,
      historicalClv: 45,
    });
    expect(byKey.get('loyal')).toMatchObject({
      name: { en: 'Loyal', fr: 'Fidèles' },
      customers: 2, // C03, C05
      revenue: 700, // 300 + 400
      orders: 5, // 3 + 2
      averageOrderValue: 140,
      meanRecencyDays: 50, // (10 + 90) / 2
      activeCustomers: 2,
    });
    expect(byKey.get('new')).toMatchObject({ customers: 0, revenue: 0, averageOrderValue: 0, share: 0 });
    expect(segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(10);
    expect(segments.reduce((sum, segment) => sum + segment.revenue, 0)).toBe(3710);
  });

  it('clusters the ten customers and gives each cluster the KPIs of its members', async () => {
    const { analysis, customers } = await analysed;
    const { clusters } = analysis;
    expect(clusters.skipped).toBeNull();
    expect(clusters.k).toBeGreaterThanOrEqual(2);
    expect(clusters.clusters).toHaveLength(clusters.k);
    expect(clusters.features.map((feature) => feature.name)).toEqual([
      'recency_days',
      'frequency',
      'monetary',
    ]);
    for (const cluster of clusters.clusters) {
      const members = customers.filter((customer) => customer.cluster === cluster.name.en);
      const sum = (pick: (customer: CustomerRow) => number | null) =>
        members.reduce((total, customer) => total + (pick(customer) ?? 0), 0);
      const revenue = sum((customer) => customer.monetary);
      const orders = sum((customer) => customer.frequency);
      expect(cluster.size).toBe(members.length);
      expect(cluster.kpis).toMatchObject({
        customers: members.length,
        share: members.length / 10,
        revenue,
        revenueShare: revenue / 3710,
        orders,
        averageOrderValue: revenue / orders,
        meanRecencyDays: sum((customer) => customer.recencyDays) / members.length,
        repeatRate: members.filter((customer) => (customer.frequency ?? 0) >= 2).length / members.length,
        activeCustomers: members.filter((customer) => (customer.recencyDays ?? Infinity) <= 90).length,
      });
      expect(cluster.profile['monetary']).toBeCloseTo(revenue / members.length, 9);
    }
    expect(clusters.clusters.reduce((sum, cluster) => sum + cluster.kpis.customers, 0)).toBe(10);
    expect(customers.every((customer) => customer.cluster !== null && customer.clusterMargin !== null)).toBe(
      true,
    );
    expect(analysis.notes).toEqual([]);
  });
});

describe('analyzeCsv options on the ten-customer fixture', () => {
  it('cuts the analysis at a given as-of day: later lines are rejected and recency counts from it', async () => {
    const result = await analyzeText(TEN_CUSTOMERS_CSV, { asOf: '2024-05-01' });
    const { input, rfm, period } = result.analysis;
    expect(rfm?.asOf).toBe('2024-05-01');
    expect(period.lastPurchase).toBe('2024-04-12');
    // On or after 2024-05-01: C01's 1001 (2 lines) and 1002, C02's 2001, C03's 3001 (2 lines), C04's 4001.
    expect(input.rowsRejected.afterAsOf).toBe(7);
    // Line 31 is after `now` as well: futureDate is checked first.
    expect(input.rowsRejected.futureDate).toBe(1);
    expect(input.rowsUsed + rejectedTotal(result)).toBe(input.rowsRead);
    const customers = customersById(result);
    expect(customers.has('C04')).toBe(false);
    expect(customers.get('C01')).toMatchObject({ recencyDays: 29, frequency: 3, monetary: 600 }); // from 2024-04-02
    expect(customers.get('C02')).toMatchObject({ recencyDays: 19, frequency: 3, monetary: 600 }); // from 2024-04-12
    expect(customers.get('C03')).toMatchObject({ recencyDays: 119, frequency: 2, monetary: 200 }); // from 2024-01-03
    expect(result.analysis.kpis.customers).toBe(9);
  });

  it('refuses an as-of day that is not YYYY-MM-DD', async () => {
    const error = await analysisError(TEN_CUSTOMERS_CSV, { asOf: '01/05/2024' });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('--as-of must be a date YYYY-MM-DD, got "01/05/2024"');
  });

  it('widens or narrows the active window', async () => {
    const wide = await analyzeText(TEN_CUSTOMERS_CSV, { activeWindowDays: 150 });
    // recency <= 150: C01..C07
    expect(wide.analysis.kpis.activeCustomers).toBe(7);
    // Windows of 150 days: bought 151..300 days before: C01 (200), C02 (300), C03 (250), C05 (180), C08 (200),
    // C09 (300); again in the last 150: C01, C02, C03, C05. 4 / 6.
    expect(wide.analysis.kpis.retentionRate).toBe(4 / 6);
  });

  it('gives the same result for the same seed, byte for byte', async () => {
    const first = await analyzeText(TEN_CUSTOMERS_CSV, { seed: 7 });
    const second = await analyzeText(TEN_CUSTOMERS_CSV, { seed: 7 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('fixes K when asked', async () => {
    const result = await analyzeText(TEN_CUSTOMERS_CSV, { k: 3 });
    expect(result.analysis.clusters.k).toBe(3);
    expect(result.analysis.clusters.selection?.method).toBe('fixed');
    expect(new Set(result.customers.map((customer) => customer.cluster)).size).toBe(3);
  });
});

describe('analyzeCsv with too few customers to cluster', () => {
  // The fixture without C10: nine customers.
  const nine = TEN_CUSTOMERS_CSV.split('\n')
    .filter((line) => !line.includes(',C10,'))
    .join('\n');

  it('still gives RFM and KPIs, and says clustering was skipped and why', async () => {
    const { analysis, customers } = await analyzeText(nine);
    expect(analysis.kpis.customers).toBe(9);
    expect(analysis.kpis.revenue).toBe(2810); // 3710 - 900
    expect(analysis.rfm?.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(9);
    expect(customers.every((customer) => customer.segment !== null && customer.recencyScore !== null)).toBe(
      true,
    );
    const skipped = 'too few customers to cluster (9); RFM segments and KPIs are still computed';
    expect(analysis.clusters).toMatchObject({ skipped, k: 0, selection: null, features: [], clusters: [] });
    expect(analysis.notes).toEqual([skipped]);
    expect(customers.every((customer) => customer.cluster === null && customer.clusterMargin === null)).toBe(
      true,
    );
  });

  it('handles a single customer with a single line', async () => {
    const { analysis, customers } = await analyzeText('Customer,Date,Amount\nA,2024-05-01,12.50\n');
    expect(customers).toEqual([
      {
        id: 'A',
        recencyDays: 1,
        frequency: 1,
        monetary: 12.5,
        // one customer: mid-rank position 0.5 -> score 3 on each; R=3, FM=3 -> Need attention
        recencyScore: 3,
        frequencyScore: 3,
        monetaryScore: 3,
        segment: 'needAttention',
        cluster: null,
        clusterMargin: null,
        // one day of history: the value predictions are withheld (too short to check)
        probabilityAlive: null,
        expectedPurchases: null,
        expectedOrderValue: null,
        clv: null,
        probabilityHighValue: null,
        priority: null,
      },
    ]);
    expect(analysis.value?.verdict).toMatchObject({ status: 'withheld', reason: 'too-short' });
    expect(analysis.kpis).toMatchObject({ customers: 1, orders: 1, revenue: 12.5, averageOrderValue: 12.5 });
    expect(analysis.clusters.skipped).toMatch(/^too few customers to cluster \(1\)/);
  });
});
