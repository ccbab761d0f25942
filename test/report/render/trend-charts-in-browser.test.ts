/**
 * The emails of the three real data sets with their trend charts, as a reader's client shows them: each `cid:`
 * replaced by the PNG renderReport returned for it (as a mail client resolves it from the MIME part), opened in
 * headless Chromium at a phone's width and a desktop's. No sideways scroll, every chart loaded (naturalWidth > 0)
 * with its alt text, the images within their byte budget and the HTML under Gmail's clipping limit. A customer
 * table (Customer Personality) has no trends: no section, no image.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GMAIL_CLIPPING_BYTES } from '../../support/email-budgets.ts';
import { CHART_SET_BYTE_BUDGET } from '../../../lambda/report/charts/chart-style.ts';
import type { RenderedReport } from '../../../lambda/report/render/render-report.ts';
import { launchChromium, measureHorizontalFit, openHtml } from '../../support/browser.ts';
import { GOLDEN_CASES, renderAllGoldenReports } from '../fixtures/golden-reports.ts';
import { htmlWithImages } from '../fixtures/inline-images.ts';

const WIDTHS = [375, 1200] as const;
const CASES = GOLDEN_CASES;

let reports = new Map<string, RenderedReport>();
let browser: Browser;

beforeAll(async () => {
  [browser, reports] = await Promise.all([launchChromium(), renderAllGoldenReports()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

interface ShownImage {
  src: string;
  alt: string;
  naturalWidth: number;
  width: number;
}

describe.each(CASES)('the $name email in $locale', ({ name, locale }) => {
  const report = () => reports.get(`${name}.${locale}`) as RenderedReport;

  it('carries one PNG per chart it references, within the byte budgets', () => {
    const { html, images, view } = report();
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(GMAIL_CLIPPING_BYTES);
    const referenced = [...html.matchAll(/src="cid:([^"]+)"/g)].map((match) => match[1]);
    expect(referenced).toEqual(images.map((image) => image.cid));
    expect(new Set(referenced).size).toBe(referenced.length);
    const bytes = images.reduce((sum, image) => sum + image.content.byteLength, 0);
    expect(bytes).toBeLessThan(CHART_SET_BYTE_BUDGET);
    if (name === 'customer-personality') {
      expect(view.trends).toBeNull();
      expect(images).toEqual([]);
    } else {
      expect(images.map((image) => image.cid)).toEqual([
        'revenue-trend@segment-report',
        'segment-buyers@segment-report',
        'cohort-retention@segment-report',
      ]);
    }
  });

  it.each(WIDTHS)(
    'opens at %i px with its charts loaded, their alt texts, and no sideways scroll',
    async (width) => {
      const rendered = report();
      const page = await openHtml(browser, htmlWithImages(rendered), width);
      try {
        const fit = await measureHorizontalFit(page);
        expect.soft(fit.overflowing, `boxes past the edge at ${width} px`).toEqual([]);
        expect.soft(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
        const shown: ShownImage[] = await page.$$eval('.section-trends img', (elements) =>
          elements.map((element) => {
            const image = element as unknown as ShownImage & { getAttribute(name: string): string | null };
            return {
              src: (image.getAttribute('src') ?? '').slice(0, 22),
              alt: image.getAttribute('alt') ?? '',
              naturalWidth: image.naturalWidth,
              width: image.width,
            };
          }),
        );
        expect(shown.map((image) => image.alt)).toEqual(rendered.images.map((image) => image.alt));
        for (const image of shown) {
          expect(image.src).toBe('data:image/png;base64,');
          expect(image.naturalWidth, image.alt).toBe(1200);
          expect(image.alt.length).toBeGreaterThan(40);
          // Fluid on a phone, 600 px on a desktop.
          expect(image.width).toBeLessThanOrEqual(Math.min(600, width));
          expect(image.width).toBeGreaterThan(Math.min(600, width) - 60);
        }
        expect(await page.locator('.section-trends').count()).toBe(rendered.view.trends ? 1 : 0);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
