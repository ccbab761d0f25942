/**
 * Where the legend's items go, worked out with the font's real widths the same way ECharts' box layout places
 * them (left to right, a new row when the next item would pass the edge), so that the chart can make room for
 * exactly the rows ECharts will draw. A name too long for half a row is cut with an ellipsis.
 */
import { CHART_CSS_WIDTH, CHART_FONT_SIZE, CHART_LEGEND } from './chart-style.ts';
import { textWidth, truncateText } from './text-metrics.ts';

/** The gap ECharts leaves between a legend's symbol and its text. */
const SYMBOL_TEXT_GAP = 5;

/** The widest a legend row can be: the image less the legend's left and right offsets. */
export const LEGEND_ROW_WIDTH = CHART_CSS_WIDTH - CHART_LEGEND.left - CHART_LEGEND.right;

/** Room for at least two items to a row, however long a segment name a user set. */
export const LEGEND_TEXT_MAX_WIDTH = Math.floor(
  LEGEND_ROW_WIDTH / 2 - CHART_LEGEND.itemGap - CHART_LEGEND.itemWidth - SYMBOL_TEXT_GAP,
);

export interface LegendLayout {
  /** Each name as drawn: whole, or cut to `LEGEND_TEXT_MAX_WIDTH` with an ellipsis. */
  labels: ReadonlyMap<string, string>;
  rows: number;
  /** From the legend's top to the bottom of its last row, in CSS px. */
  height: number;
}

export function legendLayout(names: readonly string[]): LegendLayout {
  const labels = new Map(
    names.map((name) => [name, truncateText(name, CHART_FONT_SIZE, LEGEND_TEXT_MAX_WIDTH)]),
  );
  let rows = names.length > 0 ? 1 : 0;
  let x = 0;
  for (const name of names) {
    const width =
      CHART_LEGEND.itemWidth + SYMBOL_TEXT_GAP + textWidth(labels.get(name) ?? name, CHART_FONT_SIZE);
    if (x > 0 && x + width > LEGEND_ROW_WIDTH) {
      rows += 1;
      x = 0;
    }
    x += width + CHART_LEGEND.itemGap;
  }
  return { labels, rows, height: rows * legendLineHeight() + Math.max(0, rows - 1) * CHART_LEGEND.itemGap };
}

/** A legend row is as tall as its text: ECharts takes a line's height to be an em. */
function legendLineHeight(): number {
  return Math.max(CHART_FONT_SIZE, CHART_LEGEND.itemHeight);
}

/** The ECharts legend for `names`, drawing each with its label from `layout`. */
export function legendOption(names: readonly string[], layout: LegendLayout) {
  return {
    ...CHART_LEGEND,
    data: [...names],
    formatter: (name: string) => layout.labels.get(name) ?? name,
  };
}
