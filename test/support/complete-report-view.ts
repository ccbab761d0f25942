/**
 * The email's view model with every section present, for the tests that must see every section at once: the
 * escaping of each section's strings (test/report/templates/sections/section-escaping.test.ts) and the minify
 * that must match MJML's (test/report/render/html-minify.test.ts). Built from the report fixtures where they
 * reach (a quarterly review with changes, a company, alerts, trends, a migration, a linked customer file, a
 * skipped archive); the parts no fixture produces (a weekly period, a response rate, the value outlook) are hand-made.
 */
import { GONE_CUSTOMERS, NEW_CUSTOMERS } from '../../lambda/engine/migration/segment-migration.ts';
import type { ReportLocale } from '../../lambda/report/report-settings.ts';
import type { ReportView } from '../../lambda/report/templates/report-view.ts';
import type { PeriodActivityView } from '../../lambda/report/templates/sections/period-activity-section.ts';
import type { ValueOutlook } from '../../lambda/report/templates/sections/value-outlook-section.ts';
import { buildReportView } from '../../lambda/report/view-model/build-report-view.ts';
import { analysisFixture } from '../report/fixtures/analysis-fixture.ts';
import { reportInput } from '../report/fixtures/report-input.ts';
import { trendsFixture } from '../report/fixtures/trends-fixture.ts';

/** A quarterly review of the fixture analysis with trends, every optional section present, in `locale`. */
export function completeReportView(locale: ReportLocale = 'en'): ReportView {
  const view = buildReportView({
    ...reportInput({
      analysis: { ...analysisFixture(), trends: trendsFixture() },
      previous: analysisFixture({ kpis: { revenue: 800_000 } }),
      settings: { locale, companyName: 'Example Ltd', alerts: { maxInactiveShare: 0.1 } },
      kind: 'quarterly',
      reportPeriod: { first: '2024-01-01', last: '2024-03-31' },
    }),
    sourceLabel: 'orders.csv',
    customerFile: {
      url: 'https://example.com/customers.csv?a=1&b=2',
      expires: new Date('2024-06-10T00:00:00Z'),
    },
    skippedHistory: [{ report: '2024-Q1', problem: 'unreadable' }],
    migration: {
      from: ['champions', NEW_CUSTOMERS],
      to: ['champions', 'loyal', GONE_CUSTOMERS],
      counts: [
        [80, 5, 2],
        [3, 0, 0],
      ],
      stayed: 80,
      movedUp: 0,
      movedDown: 5,
      newCustomers: 3,
      goneCustomers: 2,
      largestMoves: [{ from: 'champions', to: 'loyal', customers: 5 }],
    },
  });
  for (const table of view.overviews) {
    table.columns.responseRate = 'Response';
    for (const row of table.rows) row.responseRate = '12.0%';
  }
  view.periodActivity = weeklyPeriod();
  view.valueOutlook = valueOutlook();
  return view;
}

/** A quarterly review has no period of its own: a weekly report's, two tiles (one with every part) and the note. */
function weeklyPeriod(): PeriodActivityView {
  return {
    title: 'This week, Jun 3, 2024 to Jun 9, 2024',
    comparison: 'Arrows: change on the previous week (May 27, 2024 to Jun 2, 2024).',
    tiles: [
      {
        key: 'period-orders',
        label: 'Orders',
        value: '120',
        detail: 'Same week last year: 100 (+20.0%)',
        delta: { text: '+5.0%', trend: 'up', favourable: true },
      },
      {
        key: 'period-revenue',
        label: 'Revenue',
        value: '$12,000',
        detail: null,
        delta: { text: '-3.0%', trend: 'down', favourable: false },
      },
    ],
    note: "The file's last order is on Jun 7, 2024, before the week ends.",
  };
}

/** The fixture has no customer-value analysis: the outlook with every part present. */
function valueOutlook(): ValueOutlook {
  return {
    title: 'Value outlook, next 12 months',
    summary: ['The 1,000 customers are expected to bring $1.2M.', '120 customers are likely lost.'],
    columns: {
      segment: 'Segment',
      predictedValue: 'Predicted value',
      likelyLost: 'Likely lost',
      valueIfRetained: 'Value if won back',
    },
    rows: [{ segment: 'Champions', predictedValue: '$900K', likelyLost: '3', valueIfRetained: '$4,000' }],
    accuracy: 'Model check: 0.42 against 0.49.',
  };
}
