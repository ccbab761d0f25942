/**
 * Tables wider than the cell or block that holds them. A table can stay inside the viewport and still spill out
 * of its card (over the card's padding, or under the next column); the viewport check alone would miss it.
 */
import type { Page } from 'playwright-core';

/** A table that goes past its container's box, with where it stands. */
export interface TablePastItsBox {
  section: string;
  tableRight: number;
  containerRight: number;
  text: string;
}

/**
 * The little of the DOM the measure uses, typed here because the project compiles without the DOM library;
 * the function passed to `page.evaluate` runs in the page.
 */
interface Box {
  left: number;
  right: number;
  width: number;
  height: number;
}
interface TableElement {
  textContent: string | null;
  parentElement: TableElement | null;
  getBoundingClientRect(): Box;
  closest(selectors: string): { getAttribute(name: string): string | null } | null;
}

/** Every rendered table whose box goes past its parent's box by more than half a pixel (sub-pixel rounding). */
export function tablesPastTheirBox(page: Page): Promise<TablePastItsBox[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { body: { querySelectorAll(selectors: string): Iterable<TableElement> } };
    };
    const past: TablePastItsBox[] = [];
    for (const table of document.body.querySelectorAll('table')) {
      const box = table.getBoundingClientRect();
      const container = table.parentElement?.getBoundingClientRect();
      if (!container || (box.width === 0 && box.height === 0)) continue;
      if (box.right > container.right + 0.5 || box.left < container.left - 0.5) {
        const classes = table.closest('[class*="section-"]')?.getAttribute('class') ?? '';
        past.push({
          section: classes.split(' ').find((name) => name.startsWith('section-')) ?? '',
          tableRight: Math.round(box.right),
          containerRight: Math.round(container.right),
          text: (table.textContent ?? '').trim().slice(0, 60),
        });
      }
    }
    return past;
  });
}
