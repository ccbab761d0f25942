import { describe, expect, it } from 'vitest';
import { analysisFixture, FIXTURE_SEGMENTS, segment } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

describe('overview tables', () => {
  it('lists the RFM segments, then the clusters', () => {
    const view = fixtureView();
    expect(view.overviews.map((table) => table.title)).toEqual([
      'Segments (RFM)',
      'Customer groups (K-means)',
    ]);
    expect(view.overviews[0]?.rows.map((row) => row.name)).toEqual([
      'Champions',
      'Loyal',
      'Potential loyalists',
      'At risk',
      'Hibernating',
    ]);
    expect(view.overviews[1]?.rows.map((row) => row.name)).toEqual(['High-value loyal', 'Lapsed low-value']);
  });

  it('formats each row from the segment KPIs, with the priority its plan earns', () => {
    const [rfm, clusters] = fixtureView().overviews;
    // Champions: 100 of 1,000 customers, 400,000 of 1,000,000, 400,000 / 500 orders = 800, 500 / 100 = 5 orders
    expect(rfm?.rows[0]).toEqual({
      key: 'champions',
      name: 'Champions',
      customers: '100',
      shareOfBase: '10.0%',
      revenue: '$400,000',
      shareOfRevenue: '40.0%',
      averageOrderValue: '$800.00',
      frequency: '5.00',
      recency: '10',
      responseRate: null,
      priority: 'High',
      priorityLevel: 'high',
    });
    // Every plan pays off on past revenue (budget-plan.test.ts); the best third by net return is high:
    // Potential loyalists (7,600) and Champions (6,000); Loyal (5,500), At risk (3,200), Hibernating (500) medium.
    expect(rfm?.rows.map((row) => row.priorityLevel)).toEqual(['high', 'medium', 'high', 'medium', 'medium']);
    // Clusters by the same rule, with the strategy of the segment that means the same: high-value-loyal as
    // Champions (20 x 400 = 8,000 for 0.02 x 800,000 = 16,000: net 8,000), lapsed-low-value as Hibernating
    // (2 x 600 = 1,200 for 0.02 x 200,000 = 4,000: net 2,800).
    expect(clusters?.rows.map((row) => row.priority)).toEqual(['High', 'Medium']);
    // Lapsed low-value: 600 customers (60%), 200,000 (20%), 200,000 / 400 = 500 per order, 400 / 600 = 0.67 orders
    expect(clusters?.rows[1]).toMatchObject({
      customers: '600',
      shareOfBase: '60.0%',
      revenue: '$200,000',
      shareOfRevenue: '20.0%',
      averageOrderValue: '$500.00',
      frequency: '0.67',
      recency: '180',
    });
  });

  it('says what a cluster of purchase-diversity features buys under its name, in each language', () => {
    const basket = { distinct_products: 111.43, top_product_share: 0.094 };
    const [first, second] = analysisFixture().clusters.clusters;
    const withBasket = (categories?: number) =>
      analysisFixture({
        clusters: {
          clusters: [
            {
              ...first!,
              profile: {
                ...first!.profile,
                ...basket,
                ...(categories && { distinct_categories: categories }),
              },
            },
            { ...second!, profile: { ...second!.profile, distinct_products: 1, top_product_share: 1 } },
          ],
        },
      });
    const rows = (analysis: ReturnType<typeof analysisFixture>, locale: 'en' | 'fr' = 'en') =>
      fixtureView({ analysis, settings: { locale } }).overviews[1]?.rows.map((row) => row.basket);
    expect(rows(withBasket())).toEqual([
      '111.43 products per customer, 9.4% of spend on the top product',
      '1.00 products per customer, 100.0% of spend on the top product',
    ]);
    expect(rows(withBasket(3.2), 'fr')?.[0]).toBe(
      '111,43 produits par client, 3,20 catégories, 9,4\u00a0% des achats sur le premier produit',
    );
    // Clusters of R, F and M alone (and RFM segments) have no basket.
    expect(rows(analysisFixture())).toEqual([undefined, undefined]);
    expect(
      fixtureView({ analysis: withBasket() }).overviews[0]?.rows.every((row) => row.basket === undefined),
    ).toBe(true);
  });

  it('follows a configured priority', () => {
    const [rfm] = fixtureView({ settings: { playbook: { champions: { priority: 'high' } } } }).overviews;
    expect(rfm?.rows[0]).toMatchObject({ priority: 'High', priorityLevel: 'high' });
  });

  it('has a response column only when some group has a response rate', () => {
    expect(fixtureView().overviews[0]?.columns.responseRate).toBeNull();
    const segments = FIXTURE_SEGMENTS.map((entry) =>
      entry.key === 'champions' ? { ...entry, responseRate: 0.3 } : entry,
    );
    const [rfm, clusters] = fixtureView({ analysis: analysisFixture({ segments }) }).overviews;
    expect(rfm?.columns.responseRate).toBe('Response');
    expect(rfm?.rows.map((row) => row.responseRate)).toEqual(['30.0%', null, null, null, null]);
    // the clusters have no response rate: their own table has no column
    expect(clusters?.columns.responseRate).toBeNull();
  });

  it('leaves out the groups without customers', () => {
    const segments = [
      ...FIXTURE_SEGMENTS,
      segment('lost', {
        customers: 0,
        revenue: 0,
        orders: 0,
        meanRecencyDays: 0,
        activeCustomers: 0,
        repeaters: 0,
      }),
    ];
    const [rfm] = fixtureView({ analysis: analysisFixture({ segments }) }).overviews;
    expect(rfm?.rows.map((row) => row.key)).not.toContain('lost');
    expect(rfm?.rows).toHaveLength(5);
  });

  it('has only the table of what was computed', () => {
    const noClusters = analysisFixture({ clusters: { skipped: 'fewer than 10 customers', clusters: [] } });
    expect(fixtureView({ analysis: noClusters }).overviews.map((table) => table.title)).toEqual([
      'Segments (RFM)',
    ]);
    expect(
      fixtureView({ analysis: analysisFixture({ rfm: null }) }).overviews.map((table) => table.title),
    ).toEqual(['Customer groups (K-means)']);
  });
});

describe('share chart', () => {
  it('draws bars in proportion to the widest share', () => {
    const chart = fixtureView().chart;
    // widest share: Champions' 40% of revenue = 100; Potential loyalists' 30% of customers = 30 / 40 = 75
    expect(chart?.bars[0]).toEqual({
      label: 'Champions',
      customersWidth: 25,
      revenueWidth: 100,
      customersText: '10.0%',
      revenueText: '40.0%',
      alt: 'Champions: 10.0% of customers, 40.0% of revenue',
    });
    expect(chart?.bars[2]).toMatchObject({
      label: 'Potential loyalists',
      customersWidth: 75,
      revenueWidth: 50,
    });
  });
});

describe('strategy cards', () => {
  it('puts high priority first, then the best expected net return', () => {
    const cards = fixtureView().strategies;
    expect(cards.map((card) => [card.segment, card.priorityLevel])).toEqual([
      ['Potential loyalists', 'high'],
      ['Champions', 'high'],
      ['Loyal', 'medium'],
      ['At risk', 'medium'],
      ['Hibernating', 'medium'],
    ]);
  });

  it('writes the strategy of each segment in the report language', () => {
    const loyal = fixtureView().strategies.find((card) => card.segment === 'Loyal');
    expect(loyal).toEqual({
      segment: 'Loyal',
      customers: '200',
      priority: 'Medium',
      priorityLevel: 'medium',
      objective: 'value (spend more)',
      actions: [
        'Recommend higher-value and complementary products',
        'Offer loyalty points on baskets above the average order',
      ],
      channel: 'Email',
      frequency: 'Every two weeks',
      tone: 'Personal and appreciative',
    });
    const potential = fixtureView().strategies[0];
    expect(potential?.objective).toBe('frequency (buy more often), value (spend more)');
  });

  it('re-sorts when the configuration pins a priority', () => {
    const cards = fixtureView({ settings: { playbook: { hibernating: { priority: 'high' } } } }).strategies;
    // Hibernating (net 500) joins the high ones, after Champions (6,000)
    expect(cards.map((card) => card.segment)).toEqual([
      'Potential loyalists',
      'Champions',
      'Hibernating',
      'Loyal',
      'At risk',
    ]);
  });
});
