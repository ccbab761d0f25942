/**
 * renderReport returns the trend charts as the PNGs its HTML references by Content-ID: one per image of the view,
 * in order, each at twice the size the HTML shows it, with the view's alt text; and a report without trends
 * neither returns an image nor reads the chart assets (so the report's own tests never load the WebAssembly).
 */
import { describe, expect, it, vi } from 'vitest';
import { CHART_SET_BYTE_BUDGET } from '../../../lambda/report/charts/chart-style.ts';
import { renderReport } from '../../../lambda/report/render/render-report.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { reportInput } from '../fixtures/report-input.ts';
import { trendsFixture } from '../fixtures/trends-fixture.ts';
import { pngSize } from '../charts/png-header.ts';

import { testChartAssets } from '../../support/chart-assets.ts';

/** The project's chart assets, counting how often the report asks for them. */
const chartAssets = vi.fn(testChartAssets);

describe('the images of a rendered report', () => {
  it('are none without trends, and the chart assets are not read', async () => {
    const report = await renderReport(reportInput(), { chartAssets });
    expect(report.images).toEqual([]);
    expect(report.html).not.toContain('cid:');
    expect(chartAssets).not.toHaveBeenCalled();
  });

  it('are the charts the HTML shows by cid, at twice their CSS size, with the same alt text', async () => {
    const report = await renderReport(
      reportInput({ analysis: { ...analysisFixture(), trends: trendsFixture() } }),
      { chartAssets },
    );
    const shown = report.view.trends?.images ?? [];
    expect(report.images.map(({ cid, filename, contentType }) => ({ cid, filename, contentType }))).toEqual([
      { cid: 'revenue-trend@segment-report', filename: 'revenue-trend.png', contentType: 'image/png' },
      { cid: 'segment-buyers@segment-report', filename: 'segment-buyers.png', contentType: 'image/png' },
      { cid: 'cohort-retention@segment-report', filename: 'cohort-retention.png', contentType: 'image/png' },
    ]);
    expect(report.images.map((image) => image.cid)).toEqual(shown.map((image) => image.cid));
    report.images.forEach((image, index) => {
      const view = shown[index];
      expect(pngSize(image.content)).toEqual({
        signature: true,
        width: 2 * (view?.width ?? 0),
        height: 2 * (view?.height ?? 0),
      });
      expect(image.alt).toBe(view?.alt);
      expect(report.html).toContain(`src="cid:${image.cid}"`);
    });
    const bytes = report.images.reduce((sum, image) => sum + image.content.byteLength, 0);
    expect(bytes).toBeLessThan(CHART_SET_BYTE_BUDGET);
    expect(chartAssets).toHaveBeenCalledTimes(1);
    // The plain text carries the numbers instead.
    expect(report.text).toContain('Aug 2024  forecast $14,000 ($12,000 to $16,000)');
  });
});
