/**
 * Text widths in the shipped DejaVu Sans, from the advance widths generated out of the font (font-widths.ts).
 * ECharts measures text to place legend items, thin axis labels and truncate; on the server it has no canvas and
 * guesses from a generic font narrower than DejaVu Sans, so items it placed side by side ran into each other once
 * resvg drew them. `installTextMetrics` gives ECharts these widths instead.
 */
import * as echarts from 'echarts/core';
import { FONT_UNITS_PER_EM, FONT_WIDTH_RANGES } from './font-widths.ts';

const ADVANCES: ReadonlyMap<number, number> = new Map(
  FONT_WIDTH_RANGES.flatMap(({ first, widths }) =>
    widths
      .trim()
      .split(/\s+/u)
      .map((width, offset): [number, number] => [first + offset, Number(width)]),
  ),
);

/**
 * The width in CSS px of `text` at `fontSize` px. A character outside the table counts a full em: wider than
 * the missing-glyph box resvg draws, so layout errs towards room (and ECharts' line height, the width of '国',
 * is the em it expects).
 */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const character of text) {
    units += ADVANCES.get(character.codePointAt(0) ?? 0) ?? FONT_UNITS_PER_EM;
  }
  return (units * fontSize) / FONT_UNITS_PER_EM;
}

/** `text` cut to at most `maxWidth` px at `fontSize`, ending with an ellipsis when cut. */
export function truncateText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 0 && textWidth(`${characters.join('').trimEnd()}…`, fontSize) > maxWidth) {
    characters.pop();
  }
  return `${characters.join('').trimEnd()}…`;
}

/** The size in px a CSS font shorthand names ("bold 14px DejaVu Sans"); ECharts' default of 12 px otherwise. */
export function fontSizeOf(font: string | undefined): number {
  const match = /(\d+(?:\.\d+)?)px/u.exec(font ?? '');
  return match ? Number(match[1]) : 12;
}

let installed = false;

/** Makes every ECharts layout in this process measure with DejaVu Sans; once is enough. */
export function installTextMetrics(): void {
  if (installed) return;
  echarts.setPlatformAPI({
    measureText: (text: string, font?: string) => ({ width: textWidth(text, fontSizeOf(font)) }),
  });
  installed = true;
}
