/**
 * The ECharts option of the cohort retention heat map: cohorts down (oldest on top), periods since first purchase
 * across, each cell coloured from the card's white to the brand's blue by its share and labelled with it. The
 * visual map ECharts requires is hidden: the labels say the shares, and each label's colour (white on dark cells)
 * needs the cell's colour, so the same interpolation is computed here.
 */
import { THEME } from '../templates/markup/theme.ts';
import { AXIS_STYLE, CHART_TEXT, CHART_TITLE, mixColours, needsLightText } from './chart-style.ts';
import type { CohortHeatmapInput } from './chart-types.ts';

const ROW_CSS_HEIGHT = 22;

export function cohortHeatmapCssHeight(input: CohortHeatmapInput): number {
  return 84 + ROW_CSS_HEIGHT * input.cohorts.length;
}

export function cohortHeatmapOption(input: CohortHeatmapInput): Record<string, unknown> {
  const columns = Math.max(1, ...input.shares.map((row) => row.length));
  const highest = Math.max(0, ...input.shares.flat().map((share) => share ?? 0));
  const cells = input.shares.flatMap((row, cohort) =>
    row.flatMap((share, column) => (share === null ? [] : [cell(input, column, cohort, share, highest)])),
  );
  return {
    animation: false,
    textStyle: CHART_TEXT,
    title: { ...CHART_TITLE, text: input.title },
    grid: {
      left: 8,
      right: 16,
      top: 32,
      bottom: 28,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      data: Array.from({ length: columns }, (_, index) => String(index + 1)),
      name: input.wording.periodsSince(input.unit),
      nameLocation: 'middle',
      nameGap: 22,
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
        label: { show: columns <= 16, fontFamily: CHART_TEXT.fontFamily, fontSize: 9 },
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
