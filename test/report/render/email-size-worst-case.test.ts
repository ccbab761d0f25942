/**
 * The largest email the product sends from real data, kept under Gmail's clipping size: the French quarterly
 * review of Online Retail's last quarter (French words are longer), with eight K-means clusters (the most the
 * command line and the job choose), the previous quarter's analysis beside it (movements between segments) and
 * the longest report and company names the settings accept. Gmail hides everything past 102 KB behind "View
 * entire message", which is where the data-quality notes and the footer's rules sit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodOfId } from '../../../lambda/delivery/period-id.ts';
import { currentSegments } from '../../../lambda/delivery/report-history.ts';
import { activityWindows } from '../../../lambda/delivery/report-period.ts';
import { segmentMigration } from '../../../lambda/engine/migration/segment-migration.ts';
import { RFM_SEGMENT_KEYS } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { renderReport, type RenderedReport } from '../../../lambda/report/render/render-report.ts';
import { parseReportSettings } from '../../../lambda/report/report-settings.ts';
import { ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { testChartAssets } from '../../support/chart-assets.ts';
import { GMAIL_CLIPPING_BYTES } from '../../support/email-budgets.ts';

/** The most clusters the analysis chooses or accepts (silhouette over 2..8). */
const MOST_CLUSTERS = 8;
/** The longest names report-settings.ts accepts. */
const LONGEST_NAME = 120;

let report: RenderedReport;

beforeAll(async () => {
  const quarter = periodOfId('2011-Q4');
  if (quarter === null) throw new Error('not a quarter');
  const options = { sourceName: basename(ONLINE_RETAIL), k: MOST_CLUSTERS };
  const [current, previous] = await Promise.all([
    analyzeFile(ONLINE_RETAIL, { ...options, activity: activityWindows(quarter) }),
    analyzeFile(ONLINE_RETAIL, { ...options, asOf: '2011-10-01' }),
  ]);
  report = await renderReport(
    {
      analysis: current.analysis,
      previous: previous.analysis,
      settings: parseReportSettings({
        locale: 'fr',
        reportName: 'R'.repeat(LONGEST_NAME),
        companyName: 'C'.repeat(LONGEST_NAME),
      }),
      kind: 'quarterly',
      now: new Date('2025-01-06T08:00:00Z'),
      reportPeriod: { first: quarter.start, last: quarter.last },
      migration: segmentMigration(
        currentSegments(previous.customers),
        currentSegments(current.customers),
        RFM_SEGMENT_KEYS,
      ),
    },
    { chartAssets: testChartAssets },
  );
}, 120_000);

describe('the largest real email (French quarterly review, 8 clusters, previous quarter, longest names)', () => {
  it('has every section, and its HTML stays under Gmail clipping size', () => {
    // The sections that make it the largest are there: the clusters, the movements, the trends' charts.
    expect(report.view.overviews.flatMap((table) => table.rows).length).toBeGreaterThanOrEqual(
      10 + MOST_CLUSTERS,
    );
    expect(report.html).toContain('R'.repeat(LONGEST_NAME));
    expect(report.images).toHaveLength(3);
    expect(report.view.migration?.moves.length).toBeGreaterThan(0);
    // Kept to look at where the bytes go.
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/largest-email.html', report.html);
    expect(Buffer.byteLength(report.html, 'utf8')).toBeLessThan(GMAIL_CLIPPING_BYTES);
  });
});
