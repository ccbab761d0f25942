import { describe, expect, it } from 'vitest';
import { renderText } from '../../../lambda/report/render/render-text.ts';
import type { ReportView } from '../../../lambda/report/templates/report-view.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

/** The section titles the plain text carries, as its headings write them (upper case). */
function headings(view: ReportView): string[] {
  const { labels } = view;
  return [
    labels.headline,
    labels.keyPoints,
    ...view.overviews.map((table) => table.title),
    labels.strategies,
    labels.budget,
    labels.watch,
    labels.nextSteps,
    labels.dataQuality,
  ].map((title) => title.toUpperCase());
}

describe('renderText', () => {
  const view = fixtureView();
  const text = renderText(view);
  const lines = text.split('\n');

  it('has every section title as a heading line, underlined', () => {
    for (const heading of headings(view)) {
      const index = lines.indexOf(heading);
      expect(index, heading).toBeGreaterThan(0);
      expect(lines[index - 1]).toBe('');
      expect(lines[index + 1]).toMatch(/^-+$/);
    }
  });

  it('starts with the header: title, kind, period, as-of day and source', () => {
    expect(lines.slice(0, 5)).toEqual([
      'Customer segmentation report',
      'New data',
      'Jun 1, 2023 to May 31, 2024',
      'As of Jun 1, 2024',
      'Source: orders-2024.csv (5,000 rows used)',
    ]);
  });

  it('says the key numbers of the view: customers, revenue, average order, every headline figure', () => {
    expect(lines).toContain('Customers: 1,000');
    expect(lines).toContain('Revenue: $1,000,000');
    expect(lines).toContain('Average order value: $500.00');
    expect(lines).toContain('Active customers: 720 - 72.0%, bought in the last 90 days');
    for (const kpi of view.headline) expect(text).toContain(`${kpi.label}: ${kpi.value}`);
  });

  it('names every segment and cluster with its numbers', () => {
    expect(lines).toContain(
      'Champions: 100 customers (10.0%), $400,000 (40.0%), Avg order: $800.00, Orders per customer: 5.00, Days since purchase: 10, Priority: High',
    );
    for (const table of view.overviews) {
      for (const row of table.rows) {
        const line = lines.find((candidate) =>
          candidate.startsWith(`${row.name}: ${row.customers} customers`),
        );
        expect(line, row.name).toBeDefined();
        expect(line).toContain(row.revenue);
        expect(line).toContain(row.shareOfRevenue);
      }
    }
    expect(text).toContain('High-value loyal: 400 customers (40.0%)');
  });

  it('has the budget of every segment and the total', () => {
    // Potential loyalists: 150 x 10 + 300 x 1.5 + 75 x 6 = 2,400 (8.00 a customer), its two largest actions under
    // it; total 8,700 for an expected 31,500
    const potential = lines.indexOf(
      'Potential loyalists: Budget $2,400 (Customers 300, Per customer $8.00), Expected return $10,000, ROI 316.7%',
    );
    expect(potential).toBeGreaterThan(0);
    expect(lines.slice(potential + 1, potential + 3)).toEqual([
      '  - Offer a membership or subscription: $1,500',
      '  - Cross-sell from their last purchase: $450',
    ]);
    expect(lines).toContain(
      'Total: Budget $8,700 (Customers 1,000, Per customer $8.70), Expected return $31,500, ROI 262.1%',
    );
    for (const assumption of view.budget?.assumptions ?? []) expect(lines).toContain(`  ${assumption}`);
  });

  it('has the key points, strategies, KPIs to watch, numbered next steps and data quality of the view', () => {
    for (const point of view.keyPoints) expect(lines).toContain(`* ${point.text}`);
    for (const card of view.strategies) {
      expect(lines).toContain(`${card.segment} (${card.customers}) - ${card.priority}`);
      for (const action of card.actions) expect(lines).toContain(`  - ${action}`);
    }
    expect(lines).toContain('Repeat rate: 55.0% (at least 60.0%) - Off target');
    expect(lines).toContain('Customers slipping away: 15.0% (at most 15.0%) - On target');
    view.nextSteps.forEach((step, index) => expect(lines).toContain(`${index + 1}. ${step}`));
    expect(lines).toContain('Rejected: cancellations: 200');
    for (const note of view.dataQuality.notes) expect(lines).toContain(note);
    expect(lines).toContain(view.footer.generated);
  });

  it('has an alerts section only when an alert fires', () => {
    expect(lines).not.toContain('ALERTS');
    const alerting = fixtureView({ analysis: analysisFixture({ kpis: { atRiskRevenueShare: 0.25 } }) });
    const alertLines = renderText(alerting).split('\n');
    expect(alertLines).toContain('ALERTS');
    expect(alertLines).toContain(
      "! Customers slipping away (At risk, Can't lose them, About to sleep) hold 25.0% of revenue (threshold 20.0%).",
    );
  });

  it('shows the changes since the previous report next to the figures', () => {
    // revenue (1,000,000 - 800,000) / 800,000 = +25%; at-risk share 15% - 20% = -5 points
    const previous = analysisFixture({ kpis: { revenue: 800_000, atRiskCustomerShare: 0.2 } });
    const withDeltas = renderText(fixtureView({ previous })).split('\n');
    expect(withDeltas).toContain('(since the previous report)');
    expect(withDeltas).toContain('Revenue: $1,000,000 (+25.0%)');
    expect(withDeltas).toContain(
      "Customers slipping away: 15.0% (-5.0 pts) - At risk, Can't lose them, About to sleep",
    );
  });

  it('is in French when the view is', () => {
    const french = fixtureView({ settings: { locale: 'fr' } });
    const frenchText = renderText(french);
    for (const heading of headings(french)) expect(frenchText.split('\n')).toContain(heading);
    expect(frenchText).toContain('CHIFFRES CLÉS');
    const revenueLine = frenchText.split('\n').find((line) => line.startsWith('Chiffre d’affaires'));
    expect(revenueLine).toContain('1\u202f000\u202f000\u00a0€');
    // French typography: a no-break space before the colon.
    expect(revenueLine).toMatch(/^Chiffre d’affaires\u00a0: /);
    expect(frenchText).not.toContain('Revenue');
  });

  it('ends with a newline and no trailing spaces', () => {
    expect(text.endsWith('\n')).toBe(true);
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });
});
