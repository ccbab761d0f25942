import { describe, expect, it } from 'vitest';
import type { ClustersSummary } from '../../../lambda/engine/analysis/analysis-types.ts';
import type { ReportView } from '../../../lambda/report/templates/report-view.ts';
import { analysisFixture, cluster, FIXTURE_SEGMENTS, segment } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

/** Every segment and cluster name the view speaks of. */
function groupNames(view: ReportView): Set<string> {
  return new Set(view.overviews.flatMap((table) => table.rows.map((row) => row.name)));
}

/** A customer table: no RFM, two clusters with a campaign response rate, no transaction dates. */
function customerTable(): ReturnType<typeof analysisFixture> {
  const clusters: ClustersSummary['clusters'] = [
    cluster(
      0,
      'income-high-web',
      { en: 'High income, web buyers', fr: 'Revenus élevés, achats web' },
      {
        customers: 400,
        revenue: 800_000,
        orders: 1600,
        meanRecencyDays: 30,
        activeCustomers: 400,
        repeaters: 400,
        responseRate: 0.1,
      },
    ),
    cluster(
      1,
      'kids-home-deals',
      { en: 'Families, deal seekers', fr: 'Familles, chasseurs de promotions' },
      {
        customers: 600,
        revenue: 200_000,
        orders: 400,
        meanRecencyDays: 180,
        activeCustomers: 320,
        repeaters: 150,
        responseRate: 0.25,
      },
    ),
  ];
  return analysisFixture({
    rfm: null,
    input: { shape: 'customers', dateOrder: null },
    period: { firstPurchase: null, lastPurchase: null },
    kpis: { responseRate: 0.19 },
    clusters: { clusters },
  });
}

describe('keyPoints', () => {
  it('says four things of the fixture, each about a segment that exists', () => {
    const view = fixtureView();
    // Net returns (return - budget): potential loyalists 10,000 - 2,400 = 7,600, champions 8,000 - 2,000 = 6,000,
    // loyal 7,500 - 2,000 = 5,500, at risk 5,000 - 1,800 = 3,200, hibernating 1,000 - 500 = 500.
    expect(view.keyPoints).toEqual([
      {
        segment: 'Potential loyalists',
        text: 'Biggest opportunity: Potential loyalists (300 customers). A budget of $2,400 is expected to return $10,000, an ROI of 316.7%.',
      },
      {
        // the at-risk segments present: At risk only (150 customers, 15% of 1,000; 10% of revenue)
        segment: 'At risk',
        text: "Retention alert: 150 customers (15.0% of the base) are slipping away (At risk, Can't lose them, About to sleep), holding 10.0% of revenue.",
      },
      {
        // the larger of Loyal (200) and Potential loyalists (300); 400 per order against 800 for Champions
        segment: 'Potential loyalists',
        text: 'Up-sell potential: the 300 Potential loyalists customers spend $400.00 per order, against $800.00 for Champions.',
      },
      {
        // Champions have the most revenue: 400,000 of 1,000,000
        segment: 'Champions',
        text: 'The top 20% of customers bring 60.0% of revenue; Champions alone bring 40.0%.',
      },
    ]);
    const names = groupNames(view);
    for (const point of view.keyPoints) expect(names).toContain(point.segment);
  });

  it('picks the biggest opportunity by expected net return, not by ROI or revenue', () => {
    // Hibernating at 0.10 per customer: budget 25, return 1,000, ROI 3,900% but net 975 only.
    const highRoi = fixtureView({ settings: { playbook: { hibernating: { investmentPerCustomer: 0.1 } } } });
    expect(highRoi.keyPoints[0]?.segment).toBe('Potential loyalists');
    // Champions at 10% uplift: return 40,000 - 2,000 = 38,000 net, over Potential loyalists' 7,600.
    const champions = fixtureView({ settings: { playbook: { champions: { expectedUplift: 0.1 } } } });
    expect(champions.keyPoints[0]?.text).toBe(
      'Biggest opportunity: Champions (100 customers). A budget of $2,000 is expected to return $40,000, an ROI of 1,900.0%.',
    );
  });

  it('names no opportunity when every plan costs more than it returns', () => {
    const playbook = Object.fromEntries(FIXTURE_SEGMENTS.map((entry) => [entry.key, { expectedUplift: 0 }]));
    const view = fixtureView({ settings: { playbook } });
    expect(view.keyPoints.some((point) => point.text.startsWith('Biggest opportunity'))).toBe(false);
    // retention, up-sell, concentration remain
    expect(view.keyPoints).toHaveLength(3);
  });

  it('speaks of newcomers when New or Promising customers exist', () => {
    const segments = [
      ...FIXTURE_SEGMENTS.filter((entry) => entry.key !== 'hibernating'),
      segment('new', {
        customers: 250,
        revenue: 50_000,
        orders: 250,
        meanRecencyDays: 5,
        activeCustomers: 250,
        repeaters: 0,
      }),
    ];
    const view = fixtureView({ analysis: analysisFixture({ segments }) });
    expect(view.keyPoints).toHaveLength(5);
    expect(view.keyPoints[4]).toEqual({
      segment: 'New',
      text: '250 customers are New: recent buyers with few orders yet. A second order is the step to loyalty (repeat rate across all customers: 55.0%).',
    });
  });

  it('names the segment that answered the last campaign best for a customer table with response rates', () => {
    const view = fixtureView({ analysis: customerTable() });
    // Opportunity: the default strategy (5 per customer, 3% uplift) for both clusters:
    // high income 400 x 5 = 2,000 for 0.03 x 800,000 = 24,000; families 600 x 5 = 3,000 for 6,000.
    expect(view.keyPoints.map((point) => point.segment)).toEqual([
      'High income, web buyers',
      'High income, web buyers',
      'Families, deal seekers',
    ]);
    expect(view.keyPoints[2]?.text).toBe(
      'Families, deal seekers answered the last campaign best: 25.0%, against 19.0% overall.',
    );
    // no RFM: no retention or up-sell sentence
    expect(view.keyPoints.some((point) => point.text.startsWith('Retention alert'))).toBe(false);
  });

  it('fills in with the largest group not yet spoken of when fewer than three sentences apply', () => {
    // Champions and Hibernating only: opportunity (Champions) and concentration (Champions) apply.
    const segments = FIXTURE_SEGMENTS.filter((entry) => ['champions', 'hibernating'].includes(entry.key));
    const view = fixtureView({ analysis: analysisFixture({ segments }) });
    expect(view.keyPoints).toHaveLength(3);
    expect(view.keyPoints[2]).toEqual({
      segment: 'Hibernating',
      text: 'Hibernating holds 25.0% of customers and 5.0% of revenue.',
    });
  });

  it('fills in up to three sentences with the largest groups when only one applies', () => {
    // Hibernating and Lost only: no plan earns more than it costs, no at-risk, up-sell or newcomer segment;
    // concentration speaks of the group with the most revenue, then the two groups fill in by size.
    const segments = FIXTURE_SEGMENTS.filter((entry) => ['hibernating', 'lost'].includes(entry.key));
    const view = fixtureView({ analysis: analysisFixture({ segments }) });
    expect(view.keyPoints).toHaveLength(3);
    expect(new Set(view.keyPoints.map((point) => point.text)).size).toBe(3);
  });

  it('says three to five things whatever the mix of segments', () => {
    const analyses = [
      analysisFixture(),
      customerTable(),
      analysisFixture({ rfm: null }),
      analysisFixture({ segments: FIXTURE_SEGMENTS.slice(0, 3) }),
      analysisFixture({ segments: FIXTURE_SEGMENTS.slice(2) }),
    ];
    for (const analysis of analyses) {
      const view = fixtureView({ analysis });
      expect(view.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(view.keyPoints.length).toBeLessThanOrEqual(5);
      const names = groupNames(view);
      for (const point of view.keyPoints) {
        expect(names).toContain(point.segment);
        // The retention sentence speaks of every at-risk segment together; the others name their segment.
        if (!point.text.startsWith('Retention alert')) expect(point.text).toContain(point.segment);
      }
    }
  });
});
