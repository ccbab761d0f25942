import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../lambda/report/render/render-report.ts';
import { buildReportView } from '../../../lambda/report/view-model/build-report-view.ts';
import { TEN_CUSTOMERS_CSV } from '../../fixtures/ten-customers.ts';
import { analyzeText } from '../../support/analyze-text.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { FIXTURE_NOW, fixtureView, reportInput } from '../fixtures/report-input.ts';
import { testChartAssets } from '../../support/chart-assets.ts';

const PERIOD = 'Jun 1, 2023 to May 31, 2024';

describe('subject and preheader', () => {
  it('carries the title, the period and the headline revenue', () => {
    // revenue 1,000,000 in compact notation: $1.0M
    expect(fixtureView().subject).toBe(
      `Customer segmentation report, ${PERIOD}: revenue $1.0M, 1,000 customers`,
    );
    expect(fixtureView().preheader).toBe('1,000 customers, $1.0M revenue, 15.0% of customers slipping away.');
  });

  it('adds the revenue change since the previous report', () => {
    // (1,000,000 - 800,000) / 800,000 = +25%
    const previous = analysisFixture({ kpis: { revenue: 800_000 } });
    expect(fixtureView({ previous }).subject).toBe(
      `Customer segmentation report, ${PERIOD}: revenue $1.0M (+25.0%), 1,000 customers`,
    );
  });

  it('names the period reported on, for a scheduled report, and keeps the period of the data in the header', () => {
    const view = fixtureView({ kind: 'weekly', reportPeriod: { first: '2026-11-16', last: '2026-11-22' } });
    expect(view.subject).toBe('Weekly report, Nov 16, 2026 to Nov 22, 2026: revenue $1.0M, 1,000 customers');
    expect(view.header.kind).toBe('Weekly report, Nov 16, 2026 to Nov 22, 2026');
    expect(view.header.period).toBe(PERIOD);
  });

  it('uses the kind label for weekly and quarterly reports, the report name for an upload', () => {
    expect(fixtureView({ kind: 'weekly' }).subject).toBe(
      `Weekly report, ${PERIOD}: revenue $1.0M, 1,000 customers`,
    );
    expect(fixtureView({ kind: 'quarterly' }).subject).toBe(
      `Quarterly review, ${PERIOD}: revenue $1.0M, 1,000 customers`,
    );
    expect(fixtureView({ settings: { reportName: 'Customer review' } }).subject).toMatch(
      /^Customer review, Jun 1, 2023 to May 31, 2024: revenue \$1\.0M/,
    );
  });

  it('says so when the data has no transaction dates', () => {
    const analysis = analysisFixture({ period: { firstPurchase: null, lastPurchase: null } });
    expect(fixtureView({ analysis }).subject).toBe(
      'Customer segmentation report, Customer table (no transaction dates): revenue $1.0M, 1,000 customers',
    );
  });

  it('is in the currency of the settings', () => {
    expect(fixtureView({ settings: { currency: 'GBP' } }).subject).toContain('revenue £1.0M');
  });
});

describe('header and footer', () => {
  it('names the report, the period, the as-of day and the source file', () => {
    expect(fixtureView({ settings: { companyName: 'Maison Dupont' } }).header).toEqual({
      title: 'Customer segmentation report',
      company: 'Maison Dupont',
      kind: 'New data',
      period: PERIOD,
      asOf: 'As of Jun 1, 2024',
      // the file name of s3://example-bucket/uploads/orders-2024.csv
      source: 'Source: orders-2024.csv (5,000 rows used)',
    });
    const labelled = buildReportView({ ...reportInput(), sourceLabel: 'Orders export' });
    expect(labelled.header.source).toBe('Source: Orders export (5,000 rows used)');
    expect(fixtureView({ analysis: analysisFixture({ rfm: null }) }).header.asOf).toBeNull();
  });

  it('dates the generation in the configured time zone and states the methods', () => {
    expect(fixtureView().footer.generated).toBe('Generated Jun 3, 2024, 09:30 AM UTC (UTC).');
    // 09:30 UTC is 11:30 in Paris in June (UTC+2)
    expect(fixtureView({ settings: { timeZone: 'Europe/Paris' } }).footer.generated).toBe(
      'Generated Jun 3, 2024, 11:30 AM GMT+2 (Europe/Paris).',
    );
    expect(fixtureView().footer.methods.at(-2)).toContain('K = 2 chosen by silhouette (0.43) among 2 to 8.');
    const fixed = analysisFixture({ clusters: { selection: { method: 'fixed', candidates: [] } } });
    expect(fixtureView({ analysis: fixed }).footer.methods.at(-2)).toContain(
      'K = 2 set in the configuration.',
    );
    expect(fixtureView().footer.methods.at(-1)).toBe(
      'Priorities: high for the best third of the plans that pay off by expected net return, medium for the other ' +
        'plans that pay off, low for segments whose paid plan would cost more than it returns; the same rule for ' +
        'segments and clusters.',
    );
  });
});

describe('determinism', () => {
  it('builds the same view from the same input and moment', () => {
    // Two inputs built separately, not one object passed twice.
    const first = buildReportView(reportInput({ previous: analysisFixture({ kpis: { revenue: 900_000 } }) }));
    const second = buildReportView(
      reportInput({ previous: analysisFixture({ kpis: { revenue: 900_000 } }) }),
    );
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('renders the same HTML and text from the same input and moment', async () => {
    const first = await renderReport(reportInput({ settings: { locale: 'fr' } }), {
      chartAssets: testChartAssets,
    });
    const second = await renderReport(reportInput({ settings: { locale: 'fr' } }), {
      chartAssets: testChartAssets,
    });
    expect(second.html).toBe(first.html);
    expect(second.text).toBe(first.text);
    expect(second.subject).toBe(first.subject);
    expect(first.html).toContain('Fidèles potentiels');
  });

  it('changes only what depends on the moment when `now` changes', () => {
    const first = fixtureView();
    const later = fixtureView({ now: new Date(FIXTURE_NOW.getTime() + 86_400_000) });
    expect(later.footer.generated).not.toBe(first.footer.generated);
    expect(later.nextSteps.at(-1)).toBe('Review the results in the next report, due around Jun 11, 2024.');
    expect({ ...later, footer: null, nextSteps: null }).toEqual({ ...first, footer: null, nextSteps: null });
  });
});

describe('a real analysis (the ten-customer fixture of the engine tests)', () => {
  it('gives a consistent view: key points about existing segments, budget over every customer', async () => {
    const { analysis } = await analyzeText(TEN_CUSTOMERS_CSV);
    const view = buildReportView(reportInput({ analysis }));
    const segmentNames = (analysis.rfm?.segments ?? [])
      .filter((segment) => segment.customers > 0)
      .map((segment) => segment.name.en);
    expect(segmentNames.length).toBeGreaterThan(0);
    expect(view.overviews[0]?.rows.map((row) => row.name)).toEqual(segmentNames);

    expect(view.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(view.keyPoints.length).toBeLessThanOrEqual(5);
    // Each about a segment, but the trends' early warning when it is about the whole base.
    for (const point of view.keyPoints) {
      if (point.segment === '') expect(point.text).toMatch(/^Early warning: /);
      else expect(segmentNames).toContain(point.segment);
    }

    // Every customer is in exactly one segment, so the plans cover them all: the funded ones in the table, the
    // others named in a decision line (10 customers, revenue 3,710: whole units from 1,000 up).
    expect(analysis.kpis.customers).toBe(10);
    const inTable = view.budget?.rows.map((row) => row.segment) ?? [];
    const leftOut = segmentNames.filter((name) => !inTable.includes(name));
    for (const name of leftOut) expect(view.budget?.decisions.join(' ')).toContain(name);
    expect(inTable.length + leftOut.length).toBe(segmentNames.length);
    expect(view.headline.find((kpi) => kpi.key === 'revenue')?.value).toBe('$3,710');
    expect(view.subject).toContain('revenue $3.7K');
    expect(view.dataQuality.facts[1]).toEqual({
      label: 'Rows used',
      value: analysis.input.rowsUsed.toString(),
    });
  });
});

describe('typography', () => {
  it('puts a no-break space before the colons of the French email, none in English', async () => {
    const french = await renderReport(reportInput({ settings: { locale: 'fr' } }), {
      chartAssets: testChartAssets,
    });
    expect(french.view.labels.colon).toBe('\u00a0:');
    expect(french.html).toMatch(/Canal\u00a0:<\/span>/);
    expect(french.html).not.toMatch(/Canal:/);
    const english = await renderReport(reportInput(), { chartAssets: testChartAssets });
    expect(english.html).toMatch(/Channel:<\/span>/);
  });
});
