/**
 * The ECharts option of the cohort retention heat map: cohorts down (oldest on top), periods since first purchase
 * across, each cell coloured from the card's white to the brand's blue by its share and labelled with it. The
 * visual map ECharts requires is hidden: the labels say the shares, and each label's colour (white on dark cells)
 * needs the cell's colour, so the same interpolation is computed here.
 */
import { THEME } from '../templates/markup/theme.ts';
import {
  AXIS_STYLE,
  CHART_CSS_WIDTH,
  CHART_FONT_SIZE,
  CHART_TEXT,
  CHART_TITLE,
  mixColours,
  needsLightText,
} from './chart-style.ts';
import type { CohortHeatmapInput } from './chart-types.ts';
import { textWidth } from './text-metrics.ts';

const ROW_CSS_HEIGHT = 22;
const GRID = { left: 8, right: 16 } as const;
/** ECharts' default gap between an axis and its labels. */
const AXIS_LABEL_MARGIN = 8;
/** Room kept free on each side of a cell's label, so that neighbouring labels never touch. */
const CELL_PADDING = 3;

/**
 * The smallest a cell's label may be drawn: below it the shares are left to the colours and the alt text, as on
 * a chart with too many columns to label.
 */
export const HEATMAP_MIN_LABEL_SIZE = 9;

/**
 * The size of the cells' labels: the axis text's size, or smaller so that the widest label fits its cell (the
 * number of columns is the data's, so the text follows the cell, in steps of half a pixel).
 */
export function cellLabelSize(input: CohortHeatmapInput, labels: readonly string[]): number {
  const columns = Math.max(1, ...input.shares.map((row) => row.length));
  const cohortLabels = Math.max(0, ...input.cohorts.map((cohort) => textWidth(cohort, CHART_FONT_SIZE)));
  const plotWidth = CHART_CSS_WIDTH - GRID.left - GRID.right - cohortLabels - AXIS_LABEL_MARGIN;
  const widestAtOnePx = Math.max(Number.MIN_VALUE, ...labels.map((label) => textWidth(label, 1)));
  const fitting = (plotWidth / columns - 2 * CELL_PADDING) / widestAtOnePx;
  return Math.min(CHART_FONT_SIZE, Math.floor(fitting * 2) / 2);
}

export function cohortHeatmapCssHeight(input: CohortHeatmapInput): number {
  return 84 + ROW_CSS_HEIGHT * input.cohorts.length;
}

export function cohortHeatmapOption(input: CohortHeatmapInput): Record<string, unknown> {
  const columns = Math.max(1, ...input.shares.map((row) => row.length));
  const highest = Math.max(0, ...input.shares.flat().map((share) => share ?? 0));
  const cells = input.shares.flatMap((row, cohort) =>
    row.flatMap((share, column) => (share === null ? [] : [cell(input, column, cohort, share, highest)])),
  );
  const labelSize = cellLabelSize(
    input,
    cells.map((one) => one.label.formatter),
  );
  return {
    animation: false,
    textStyle: CHART_TEXT,
    title: { ...CHART_TITLE, text: input.title },
    grid: {
      ...GRID,
      top: 34,
      bottom: 28,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      data: Array.from({ length: columns }, (_, index) => String(index + 1)),
      name: input.wording.periodsSince(input.unit),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: CHART_TEXT,
      ...AXIS_STYLE,
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...input.cohorts],
      ...AXIS_STYLE,
      splitLine: { show: false },
    },
    visualMap: {
      show: false,
      dimension: 2,
      min: 0,
      max: Math.max(highest, Number.MIN_VALUE),
      inRange: { color: [cellColour(0, highest), THEME.brand] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: {
          show: labelSize >= HEATMAP_MIN_LABEL_SIZE,
          fontFamily: CHART_TEXT.fontFamily,
          fontSize: labelSize,
        },
        itemStyle: { borderColor: THEME.card, borderWidth: 1 },
      },
    ],
  };
}

/** One cell: darker for a higher share, relative to the highest so that low retention still shows a gradient. */
function cell(input: CohortHeatmapInput, column: number, cohort: number, share: number, highest: number) {
  const colour = cellColour(share, highest);
  return {
    value: [column, cohort, share],
    label: {
      formatter: input.formatValue(share),
      color: needsLightText(colour) ? THEME.brandText : THEME.text,
    },
  };
}

/** The colour the visual map gives `share`: linear from a tint of the brand (share 0) to the brand (the highest). */
function cellColour(share: number, highest: number): string {
  return mixColours(THEME.card, THEME.brand, highest > 0 ? 0.1 + 0.9 * (share / highest) : 0.1);
}
