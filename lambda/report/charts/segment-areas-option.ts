/** The ECharts option of active customers by segment: one stacked area per segment, the top edge the whole base. */
import {
  AXIS_STYLE,
  CHART_LEGEND,
  CHART_TEXT,
  LEGEND_PLOT_GAP,
  CHART_TITLE,
  periodAxis,
  periodGrid,
  SEGMENT_PALETTE,
} from './chart-style.ts';
import type { SegmentAreasInput } from './chart-types.ts';
import { legendLayout, legendOption } from './legend-layout.ts';

/** The plotting area's height, axis labels included; the legend's rows come on top of it. */
const PLOT_CSS_HEIGHT = 250;

/** The image grows with the legend's rows, measured with the font's widths (names come from settings). */
export function segmentAreasCssHeight(input: SegmentAreasInput): number {
  return plotTop(input) + PLOT_CSS_HEIGHT;
}

function plotTop(input: SegmentAreasInput): number {
  return CHART_LEGEND.top + legendLayout(segmentNames(input)).height + LEGEND_PLOT_GAP;
}

function segmentNames(input: SegmentAreasInput): string[] {
  return input.segments.map((segment) => segment.name);
}

export function segmentAreasOption(input: SegmentAreasInput): Record<string, unknown> {
  return {
    animation: false,
    textStyle: CHART_TEXT,
    color: [...SEGMENT_PALETTE],
    title: { ...CHART_TITLE, text: input.title },
    legend: legendOption(segmentNames(input), legendLayout(segmentNames(input))),
    grid: periodGrid(plotTop(input)),
    xAxis: periodAxis(input.periods),
    yAxis: {
      type: 'value',
      ...AXIS_STYLE,
      axisLabel: { ...CHART_TEXT, formatter: (value: number) => input.formatValue(value) },
    },
    series: input.segments.map((segment) => ({
      name: segment.name,
      type: 'line',
      stack: 'segments',
      symbol: 'none',
      lineStyle: { width: 1 },
      areaStyle: { opacity: 0.85 },
      data: [...segment.values],
    })),
  };
}
