import { describe, expect, it } from 'vitest';
import { monthlyChurn } from '../../../lambda/report/view-model/alerts.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

const alertsOf = (...args: Parameters<typeof fixtureView>) => fixtureView(...args).alerts;

describe('monthlyChurn', () => {
  it('is 1 - retention^(30 / window days)', () => {
    // 90-day window: 1 - 0.9^(1/3) = 1 - 0.965489 = 0.034511
    expect(monthlyChurn(0.9, 90)).toBeCloseTo(0.034511, 6);
    // 60-day window: 1 - 0.81^(1/2) = 1 - 0.9 = 0.1
    expect(monthlyChurn(0.81, 60)).toBeCloseTo(0.1, 12);
    // a 30-day window is already monthly: 1 - 0.5 = 0.5
    expect(monthlyChurn(0.5, 30)).toBeCloseTo(0.5, 12);
    // 15-day window: two windows per month, 1 - 0.9^2 = 0.19
    expect(monthlyChurn(0.9, 15)).toBeCloseTo(0.19, 12);
  });

  it('is 0 when everyone stays and 1 when nobody does', () => {
    expect(monthlyChurn(1, 90)).toBe(0);
    expect(monthlyChurn(0, 90)).toBe(1);
  });
});

describe('firedAlerts', () => {
  it('fires nothing when no threshold is crossed', () => {
    // Fixture: 28% inactive (30%), churn 3.45% (5%), at-risk revenue 10% (20%), no previous report.
    expect(alertsOf()).toEqual([]);
  });

  describe('inactive customers', () => {
    it('fires above the threshold only: 1 - active / customers against 30%', () => {
      // 1 - 701 / 1000 = 29.9%: below
      expect(alertsOf({ analysis: analysisFixture({ kpis: { activeCustomers: 701 } }) })).toEqual([]);
      // 1 - 699 / 1000 = 30.1%: above
      expect(alertsOf({ analysis: analysisFixture({ kpis: { activeCustomers: 699 } }) })).toEqual([
        '30.1% of customers have not bought in 90 days (threshold 30.0%).',
      ]);
    });

    it('does not fire at exactly the threshold', () => {
      // 1 - 700 / 1000 = 30%, which is not more than 30% (in floating point 1 - 0.7 is 0.30000000000000004).
      expect(alertsOf({ analysis: analysisFixture({ kpis: { activeCustomers: 700 } }) })).toEqual([]);
    });

    it('follows a configured threshold and the active window of the analysis', () => {
      // Retention 0.95 over 60 days: churn 1 - 0.95^(1/2) = 2.53%, no churn alert.
      const analysis = analysisFixture({
        activeWindowDays: 60,
        kpis: { activeCustomers: 590, retentionRate: 0.95 },
      });
      // 1 - 590 / 1000 = 41% inactive: over 40%, not over 50%
      expect(alertsOf({ analysis, settings: { alerts: { maxInactiveShare: 0.5 } } })).toEqual([]);
      expect(alertsOf({ analysis, settings: { alerts: { maxInactiveShare: 0.4 } } })).toEqual([
        '41.0% of customers have not bought in 60 days (threshold 40.0%).',
      ]);
    });

    it('needs recency: no alert without RFM', () => {
      const analysis = analysisFixture({ rfm: null, kpis: { activeCustomers: 0 } });
      expect(alertsOf({ analysis })).toEqual([]);
    });
  });

  describe('average order value drop', () => {
    const previous = analysisFixture({ kpis: { averageOrderValue: 500 } });

    it('fires when the drop since the previous report is over 20%', () => {
      // 401 / 500 - 1 = -19.8%: below
      const smallDrop = analysisFixture({ kpis: { averageOrderValue: 401 } });
      expect(alertsOf({ analysis: smallDrop, previous })).toEqual([]);
      // 399 / 500 - 1 = -20.2%: above
      const bigDrop = analysisFixture({ kpis: { averageOrderValue: 399 } });
      expect(alertsOf({ analysis: bigDrop, previous })).toEqual([
        'Average order value changed -20.2% since the previous report, from $500.00 to $399.00 (threshold: a drop of 20.0%).',
      ]);
    });

    it('never fires on a rise, nor without a previous report, nor against a previous value of zero', () => {
      const rise = analysisFixture({ kpis: { averageOrderValue: 900 } });
      expect(alertsOf({ analysis: rise, previous })).toEqual([]);
      const bigDrop = analysisFixture({ kpis: { averageOrderValue: 100 } });
      expect(alertsOf({ analysis: bigDrop })).toEqual([]);
      const zero = analysisFixture({ kpis: { averageOrderValue: 0 } });
      expect(alertsOf({ analysis: bigDrop, previous: zero })).toEqual([]);
    });
  });

  describe('monthly churn', () => {
    it('fires when 1 - retention^(30/90) is over 5%', () => {
      // 1 - 0.86^(1/3) = 1 - 0.950969 = 4.90%: below
      expect(alertsOf({ analysis: analysisFixture({ kpis: { retentionRate: 0.86 } }) })).toEqual([]);
      // 1 - 0.85^(1/3) = 1 - 0.947268 = 5.27%: above
      expect(alertsOf({ analysis: analysisFixture({ kpis: { retentionRate: 0.85 } }) })).toEqual([
        'Monthly churn is 5.3% (threshold 5.0%): 85.0% of the customers of the previous 90 days bought again in the last 90.',
      ]);
    });

    it('uses the active window of the analysis', () => {
      // 30-day window: churn = 1 - retention. 1 - 0.96 = 4% below, 1 - 0.94 = 6% above.
      const below = analysisFixture({
        activeWindowDays: 30,
        kpis: { retentionRate: 0.96, activeCustomers: 900 },
      });
      const above = analysisFixture({
        activeWindowDays: 30,
        kpis: { retentionRate: 0.94, activeCustomers: 900 },
      });
      expect(alertsOf({ analysis: below })).toEqual([]);
      expect(alertsOf({ analysis: above })).toEqual([
        'Monthly churn is 6.0% (threshold 5.0%): 94.0% of the customers of the previous 30 days bought again in the last 30.',
      ]);
    });

    it('needs a retention rate', () => {
      expect(alertsOf({ analysis: analysisFixture({ kpis: { retentionRate: undefined } }) })).toEqual([]);
    });
  });

  describe('at-risk revenue', () => {
    it('fires when at-risk customers hold over 20% of revenue', () => {
      expect(alertsOf({ analysis: analysisFixture({ kpis: { atRiskRevenueShare: 0.19 } }) })).toEqual([]);
      expect(alertsOf({ analysis: analysisFixture({ kpis: { atRiskRevenueShare: 0.21 } }) })).toEqual([
        "Customers slipping away (At risk, Can't lose them, About to sleep) hold 21.0% of revenue (threshold 20.0%).",
      ]);
    });

    it('needs RFM segments', () => {
      const analysis = analysisFixture({ rfm: null, kpis: { atRiskRevenueShare: 0.9 } });
      expect(alertsOf({ analysis })).toEqual([]);
    });
  });

  it('lists every alert that fires, in a fixed order', () => {
    const analysis = analysisFixture({
      kpis: { activeCustomers: 500, averageOrderValue: 300, retentionRate: 0.5, atRiskRevenueShare: 0.5 },
    });
    const alerts = alertsOf({ analysis, previous: analysisFixture() });
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toMatch(/^50\.0% of customers have not bought/);
    // 300 / 500 - 1 = -40%
    expect(alerts[1]).toMatch(/^Average order value changed -40\.0%/);
    // 1 - 0.5^(1/3) = 1 - 0.793701 = 20.6%
    expect(alerts[2]).toMatch(/^Monthly churn is 20\.6%/);
    expect(alerts[3]).toMatch(
      /^Customers slipping away \(At risk, Can't lose them, About to sleep\) hold 50\.0%/,
    );
  });
});
