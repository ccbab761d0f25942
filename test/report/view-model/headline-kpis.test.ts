import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../../../lambda/report/locale/formatters.ts';
import { kpiDelta } from '../../../lambda/report/view-model/headline-kpis.ts';
import type { HeadlineKpi } from '../../../lambda/report/templates/sections/headline-section.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

const context = { format: makeFormatters('en', 'USD', 'UTC') };
const VALUE = { higherIsBetter: true, isShare: false };
const SHARE = { higherIsBetter: true, isShare: true };

function tile(tiles: HeadlineKpi[], key: string): HeadlineKpi {
  const found = tiles.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no headline tile ${key}`);
  return found;
}

/** The previous report the deltas below are computed against. */
const PREVIOUS = analysisFixture({
  kpis: {
    customers: 800,
    activeCustomers: 720,
    revenue: 1_250_000,
    averageOrderValue: 400,
    ordersPerCustomer: 2,
    repeatRate: 0.5,
    retentionRate: undefined,
    atRiskCustomerShare: 0.2,
  },
});

describe('kpiDelta', () => {
  it('moves a value in percent of its previous value', () => {
    // (1,200 - 1,000) / 1,000 = +20%
    expect(kpiDelta(1200, 1000, VALUE, context)).toEqual({ text: '+20.0%', trend: 'up', favourable: true });
    // (900 - 1,000) / 1,000 = -10%
    expect(kpiDelta(900, 1000, VALUE, context)).toEqual({ text: '-10.0%', trend: 'down', favourable: false });
  });

  it('moves a share in percentage points, not in percent', () => {
    // 0.30 - 0.20 = +10 points (it would be +50% in relative terms)
    expect(kpiDelta(0.3, 0.2, SHARE, context)).toEqual({ text: '+10.0 pts', trend: 'up', favourable: true });
    expect(kpiDelta(0.15, 0.2, SHARE, context)?.text).toBe('-5.0 pts');
  });

  it('calls a drop good news when lower is better', () => {
    const lowerIsBetter = { higherIsBetter: false, isShare: true };
    expect(kpiDelta(0.15, 0.2, lowerIsBetter, context)).toEqual({
      text: '-5.0 pts',
      trend: 'down',
      favourable: true,
    });
    expect(kpiDelta(0.25, 0.2, lowerIsBetter, context)?.favourable).toBe(false);
  });

  it('is flat and favourable with no change', () => {
    expect(kpiDelta(500, 500, VALUE, context)).toEqual({ text: '0.0%', trend: 'flat', favourable: true });
    expect(kpiDelta(0.2, 0.2, SHARE, context)).toEqual({ text: '0.0 pts', trend: 'flat', favourable: true });
  });

  it('shows no relative change from zero rather than invent one', () => {
    expect(kpiDelta(10, 0, VALUE, context)).toBeNull();
    expect(kpiDelta(0, 0, VALUE, context)?.text).toBe('0.0%');
    expect(kpiDelta(0.1, 0, SHARE, context)?.text).toBe('+10.0 pts');
  });

  it('reads a rise from a negative base as a rise', () => {
    expect(kpiDelta(-50, -100, VALUE, context)).toEqual({ text: '+50.0%', trend: 'up', favourable: true });
    expect(kpiDelta(-150, -100, VALUE, context)).toEqual({
      text: '-50.0%',
      trend: 'down',
      favourable: false,
    });
  });
});

describe('headlineKpis', () => {
  it('shows every headline figure, formatted, without deltas when there is no previous report', () => {
    const view = fixtureView();
    expect(view.labels.comparison).toBe('first report: no comparison yet');
    expect(view.headline).toEqual([
      { key: 'customers', label: 'Customers', value: '1,000', detail: null, delta: null },
      {
        key: 'activeCustomers',
        label: 'Active customers',
        value: '720',
        // 720 / 1,000
        detail: '72.0%, bought in the last 90 days',
        delta: null,
      },
      { key: 'revenue', label: 'Revenue', value: '$1,000,000', detail: null, delta: null },
      { key: 'averageOrderValue', label: 'Average order value', value: '$500.00', detail: null, delta: null },
      { key: 'ordersPerCustomer', label: 'Orders per customer', value: '2.00', detail: null, delta: null },
      { key: 'repeatRate', label: 'Repeat rate', value: '55.0%', detail: null, delta: null },
      { key: 'retentionRate', label: 'Retention', value: '90.0%', detail: null, delta: null },
      {
        key: 'atRiskShare',
        label: 'Customers slipping away',
        value: '15.0%',
        detail: "At risk, Can't lose them, About to sleep",
        delta: null,
      },
    ]);
  });

  it('gives each figure its change since the previous report', () => {
    const view = fixtureView({ previous: PREVIOUS });
    expect(view.labels.comparison).toBe('since the previous report');
    // customers (1,000 - 800) / 800 = +25%
    expect(tile(view.headline, 'customers').delta).toEqual({ text: '+25.0%', trend: 'up', favourable: true });
    // active customers 720 then 720: flat
    expect(tile(view.headline, 'activeCustomers').delta).toEqual({
      text: '0.0%',
      trend: 'flat',
      favourable: true,
    });
    // average order value (500 - 400) / 400 = +25%
    expect(tile(view.headline, 'averageOrderValue').delta?.text).toBe('+25.0%');
    // repeat rate 55% - 50% = +5 points
    expect(tile(view.headline, 'repeatRate').delta).toEqual({
      text: '+5.0 pts',
      trend: 'up',
      favourable: true,
    });
  });

  it('calls a drop of revenue bad news and a drop of the at-risk share good news', () => {
    const view = fixtureView({ previous: PREVIOUS });
    // revenue (1,000,000 - 1,250,000) / 1,250,000 = -20%
    expect(tile(view.headline, 'revenue').delta).toEqual({
      text: '-20.0%',
      trend: 'down',
      favourable: false,
    });
    // at-risk share 15% - 20% = -5 points
    expect(tile(view.headline, 'atRiskShare').delta).toEqual({
      text: '-5.0 pts',
      trend: 'down',
      favourable: true,
    });
  });

  it('gives no delta to a figure the previous report did not have', () => {
    // The previous report had no retention rate.
    expect(tile(fixtureView({ previous: PREVIOUS }).headline, 'retentionRate').delta).toBeNull();
  });

  it('leaves out the retention tile when the retention rate is unknown', () => {
    const analysis = analysisFixture({ kpis: { retentionRate: undefined } });
    const keys = fixtureView({ analysis }).headline.map((kpi) => kpi.key);
    expect(keys).not.toContain('retentionRate');
    expect(keys).toHaveLength(7);
  });

  it('leaves out the at-risk tile without RFM segments', () => {
    const keys = fixtureView({ analysis: analysisFixture({ rfm: null }) }).headline.map((kpi) => kpi.key);
    expect(keys).not.toContain('atRiskShare');
    expect(keys).toContain('revenue');
  });
});
