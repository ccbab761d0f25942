/**
 * A held report's email on release: its customers link signed again gives exactly the report that would have been
 * rendered with the new link (every other byte the same), in English and French, the link's `&` escaped in the
 * HTML; a report that does not carry the link it was held with is refused rather than sent with a dead link. And
 * the data team's preview carries the charts inside it, so a browser shows what the executives would get.
 */
import { describe, expect, it } from 'vitest';
import { previewHtml, relinkCustomerFile } from '../../../lambda/report/render/held-report-email.ts';
import { renderReport } from '../../../lambda/report/render/render-report.ts';
import { testChartAssets } from '../../support/chart-assets.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { reportInput } from '../fixtures/report-input.ts';
import { trendsFixture } from '../fixtures/trends-fixture.ts';

const HELD = {
  url: 'https://bucket.s3.amazonaws.com/reports/x/customers.csv?X-Amz-Signature=aaa&X-Amz-Expires=604800',
  expires: new Date('2026-11-30T09:00:00Z'),
};
const RELEASED = {
  url: 'https://bucket.s3.amazonaws.com/reports/x/customers.csv?X-Amz-Signature=bbb&X-Amz-Expires=604800',
  expires: new Date('2026-12-09T15:30:00Z'),
};

async function renderWith(locale: 'en' | 'fr', link: typeof HELD) {
  const input = reportInput({ settings: { locale } });
  return renderReport({ ...input, customerFile: link }, { chartAssets: testChartAssets });
}

describe('relinking a held report', () => {
  it.each(['en', 'fr'] as const)('gives the report rendered with the new link (%s)', async (locale) => {
    const held = await renderWith(locale, HELD);
    const released = await renderWith(locale, RELEASED);
    const words = { locale, timeZone: reportInput({ settings: { locale } }).settings.timeZone };

    const relinked = relinkCustomerFile(held, words, HELD, RELEASED);

    expect(held.html).toContain('X-Amz-Signature=aaa&amp;X-Amz-Expires');
    expect(relinked.html).toBe(released.html);
    expect(relinked.text).toBe(released.text);
    expect(relinked.html).not.toContain('Signature=aaa');
  });

  it('refuses a report that does not carry its held link', async () => {
    const held = await renderWith('en', HELD);
    const words = { locale: 'en' as const, timeZone: 'UTC' };
    expect(() =>
      relinkCustomerFile(held, words, { ...HELD, url: 'https://elsewhere.example/x.csv' }, RELEASED),
    ).toThrow("the held report's HTML does not carry its customers link as rendered");
  });
});

describe('the preview of a held report', () => {
  it('carries every chart as a data: image in place of its cid:', async () => {
    const report = await renderReport(
      reportInput({ analysis: { ...analysisFixture(), trends: trendsFixture() } }),
      { chartAssets: testChartAssets },
    );
    expect(report.images.length).toBeGreaterThan(0);

    const preview = previewHtml(report.html, report.images);

    expect(preview).not.toContain('cid:');
    for (const image of report.images) {
      expect(preview).toContain(
        `src="data:image/png;base64,${Buffer.from(image.content).toString('base64')}"`,
      );
    }
    expect(preview.replace(/src="data:[^"]+"/g, 'src=""')).toBe(
      report.html.replace(/src="cid:[^"]+"/g, 'src=""'),
    );
  });
});
