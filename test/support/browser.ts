/**
 * Headless Chromium (the Debian package, see scripts/ensure-system-packages.sh) to look at an email as a reader
 * does: laid out at a given viewport width, measured, and photographed. No network: HTML goes in with setContent.
 */
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Starts one headless Chromium, for a whole test file or script. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A new page of the given viewport width showing the HTML; the caller closes it. */
export async function openHtml(browser: Browser, html: string, width: number, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  // JavaScript stays on so that the page can be measured; an escaped <script> must not run anyway.
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/**
 * The little of the DOM the measurements use, typed here because the project compiles without the DOM library
 * (its code runs in Node). Functions passed to `page.evaluate` run in the page, where `globalThis` is the window.
 */
interface PageBox {
  left: number;
  right: number;
  width: number;
  height: number;
}
interface PageElement {
  tagName: string;
  textContent: string | null;
  querySelector(selectors: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): PageBox;
}
interface PageWindow {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number };
    body: { querySelectorAll(selectors: string): Iterable<PageElement> };
    getElementsByClassName(name: string): Iterable<PageElement>;
  };
  getComputedStyle(element: PageElement): { visibility: string; display: string };
}

/** The page's full height in CSS pixels. */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.scrollHeight);
}

/** An element drawn (partly) outside the viewport's width: cut off or scrolled to in a mail client. */
export interface OverflowingElement {
  tag: string;
  className: string;
  left: number;
  right: number;
  text: string;
}

export interface HorizontalFit {
  scrollWidth: number;
  clientWidth: number;
  viewportWidth: number;
  /** The first elements (at most 10) whose box goes past the left or right edge of the viewport. */
  overflowing: OverflowingElement[];
}

/**
 * How the page fits the viewport's width: the document's scroll width, and the boxes (tables, cells, divs,
 * spans) that go past an edge. Scroll width alone is not enough: a wrapper with overflow hidden clips a table
 * that is too wide instead of scrolling, and the reader loses the last column without any scroll bar.
 */
export function measureHorizontalFit(page: Page): Promise<HorizontalFit> {
  return page.evaluate(() => {
    const { document, innerWidth: viewportWidth } = globalThis as unknown as PageWindow;
    const overflowing: OverflowingElement[] = [];
    for (const element of document.body.querySelectorAll('td, th, table, div, span, p, li, h1, h2')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (display:none preheader)
      if (box.right > viewportWidth + 0.5 || box.left < -0.5) {
        if (overflowing.length < 10) {
          overflowing.push({
            tag: element.tagName.toLowerCase(),
            className: element.getAttribute('class') ?? '',
            left: Math.round(box.left),
            right: Math.round(box.right),
            text: (element.textContent ?? '').trim().slice(0, 60),
          });
        }
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      viewportWidth,
      overflowing,
    };
  });
}

/** For each CSS class: how many elements carry it, and whether every one of them is displayed with a size. */
export function sectionVisibility(
  page: Page,
  classNames: readonly string[],
): Promise<Record<string, { count: number; visible: boolean }>> {
  return page.evaluate((names) => {
    const window = globalThis as unknown as PageWindow;
    const result: Record<string, { count: number; visible: boolean }> = {};
    for (const name of names) {
      const elements = [...window.document.getElementsByClassName(name)];
      const visible = elements.every((element) => {
        const box = element.getBoundingClientRect();
        const style = window.getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      });
      result[name] = { count: elements.length, visible: elements.length > 0 && visible };
    }
    return result;
  }, classNames);
}

/** A cell's first line of text (before its first `<br>`) and how many lines it takes as laid out. */
export interface TextLines {
  text: string;
  lines: number;
}

/**
 * For each element matching `selector`, its text before the first `<br>` (a table cell's name, without the notes
 * under it) and the number of lines the browser wrapped it over: the distinct tops of the range's line boxes.
 */
export function leadingTextLines(page: Page, selector: string): Promise<TextLines[]> {
  return page.evaluate((cellSelector) => {
    interface LineRange {
      setEndBefore(node: unknown): void;
      selectNodeContents(node: unknown): void;
      toString(): string;
      getClientRects(): Iterable<{ top: number; width: number }>;
    }
    const { document } = globalThis as unknown as PageWindow & {
      document: { createRange(): LineRange };
    };
    return [...document.body.querySelectorAll(cellSelector)].map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lineBreak = cell.querySelector('br');
      if (lineBreak) range.setEndBefore(lineBreak);
      const tops = new Set<number>();
      for (const box of range.getClientRects()) if (box.width > 0) tops.add(Math.round(box.top));
      return { text: range.toString().replace(/\u200b/g, ''), lines: tops.size };
    });
  }, selector);
}
