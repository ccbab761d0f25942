/**
 * The README's pictures of the email (issue 13): each golden email (three real data sets, English and French)
 * photographed in headless Chromium at a phone's width and a desktop's, full page, to
 * docs/screenshots/<data set>.<locale>.<width>.png, and the trends section with its charts alone to
 * <data set>.<locale>.trends.png. They are rewritten on every run, so that they show the report
 * as it is; a file is only written when its bytes change, and the viewport, the moment and the data are fixed,
 * so an unchanged report leaves them alone. At 375 px each email is also checked the way a reader on a phone
 * would see it: every segment or cluster name, wherever a table shows it, on at most two lines; nothing wider
 * than the screen; every table inside its card.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedReport } from '../../../lambda/report/render/render-report.ts';
import {
  launchChromium,
  leadingTextLines,
  measureHorizontalFit,
  type TextLines,
} from '../../support/browser.ts';
import { GOLDEN_CASES, renderAllGoldenReports } from '../fixtures/golden-reports.ts';
import { htmlWithImages } from '../fixtures/inline-images.ts';
import { tablesPastTheirBox } from '../../support/table-fit.ts';

const SCREENSHOTS = new URL('../../../docs/screenshots/', import.meta.url);
const PHONE_WIDTH = 375;
const DESKTOP_WIDTH = 1200;
/** The viewport's height: fixed, as the page's full height is what the picture shows anyway. */
const VIEWPORT_HEIGHT = 900;
const MAX_NAME_LINES = 2;
/** Sub-pixel rounding of the layout, not a wider page. */
const TOLERANCE_PX = 1;

const CASES = GOLDEN_CASES;

let reports = new Map<string, RenderedReport>();
let browser: Browser;
/** One page for every picture: only its viewport and content change. */
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [browser, reports] = await Promise.all([launchChromium(), renderAllGoldenReports()]);
  page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: VIEWPORT_HEIGHT } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Writes the page's full-length picture, unless the file already holds these very bytes. */
async function photograph(id: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
  const png = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' });
  const url = new URL(`${id}.${width}.png`, SCREENSHOTS);
  if (existsSync(url) && png.equals(readFileSync(url))) return;
  writeFileSync(url, png);
}

/**
 * The trends section alone at the desktop width, when the email has one: the README's picture of the charts as
 * the email shows them. Returns whether there was one.
 */
async function photographTrends(id: string): Promise<boolean> {
  await page.setViewportSize({ width: DESKTOP_WIDTH, height: VIEWPORT_HEIGHT });
  const section = page.locator('div.section-trends');
  if ((await section.count()) === 0) return false;
  const png = await section.first().screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
  const url = new URL(`${id}.trends.png`, SCREENSHOTS);
  if (!(existsSync(url) && png.equals(readFileSync(url)))) writeFileSync(url, png);
  return true;
}

/** The cells whose first line is one of the names, in each section, with the lines each takes. */
async function nameCells(names: ReadonlySet<string>): Promise<(TextLines & { section: string })[]> {
  // A card's most specific class names its section: `section-overview-1` rather than `section-overview`.
  const cards: string[] = await page.$$eval('[class*="section-"]', (elements) =>
    elements.map((element) => element.getAttribute('class') ?? ''),
  );
  const sections = new Set(
    cards.map((classes) => classes.split(' ').findLast((name) => name.startsWith('section-')) ?? ''),
  );
  const cells = [];
  for (const section of sections) {
    const lines = await leadingTextLines(page, `.${section} td, .${section} th`);
    cells.push(...lines.filter((cell) => names.has(cell.text)).map((cell) => ({ section, ...cell })));
  }
  return cells;
}

describe.each(CASES)('the $name email in $locale', ({ name, locale }) => {
  it(`is photographed at ${PHONE_WIDTH} and ${DESKTOP_WIDTH} px, and reads on a phone`, async () => {
    const id = `${name}.${locale}`;
    const report = reports.get(id) as RenderedReport;
    const { view } = report;
    await page.setViewportSize({ width: PHONE_WIDTH, height: VIEWPORT_HEIGHT });
    // The charts drawn as a mail client shows them, from the images the report carries.
    await page.setContent(htmlWithImages(report), { waitUntil: 'load' });

    const names = new Set(view.overviews.flatMap((table) => table.rows.map((row) => row.name)));
    const cells = await nameCells(names);
    const fit = await measureHorizontalFit(page);
    const tables = await tablesPastTheirBox(page);
    await photograph(id, PHONE_WIDTH);
    await photograph(id, DESKTOP_WIDTH);
    const trendsPhotographed = await photographTrends(id);

    // Every name is found (the measure sees the tables), and none wraps past two lines. Soft: one run names
    // every fault of the email, not only the first.
    expect.soft(new Set(cells.map((cell) => cell.text)), 'names found in the tables').toEqual(names);
    expect
      .soft(
        cells.filter((cell) => cell.lines > MAX_NAME_LINES),
        `names over ${MAX_NAME_LINES} lines at ${PHONE_WIDTH} px`,
      )
      .toEqual([]);
    expect
      .soft(fit.scrollWidth, `page width at ${PHONE_WIDTH} px`)
      .toBeLessThanOrEqual(PHONE_WIDTH + TOLERANCE_PX);
    expect.soft(fit.overflowing, `boxes past the edge at ${PHONE_WIDTH} px`).toEqual([]);
    expect.soft(tables, `tables wider than their container at ${PHONE_WIDTH} px`).toEqual([]);
    expect
      .soft(trendsPhotographed, 'a trends section exactly when the report has charts')
      .toBe(report.images.length > 0);
  });
});
