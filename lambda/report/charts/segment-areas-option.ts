/** The ECharts option of active customers by segment: one stacked area per segment, the top edge the whole base. */
import {
  AXIS_STYLE,
  CHART_LEGEND,
  CHART_TEXT,
  CHART_TITLE,
  periodAxis,
  periodGrid,
  SEGMENT_PALETTE,
} from './chart-style.ts';
import type { SegmentAreasInput } from './chart-types.ts';

/** Room under the legend grows with its rows: about four segment names fit on a 600 px line. */
export function segmentAreasCssHeight(input: SegmentAreasInput): number {
  return 280 + 18 * legendRows(input);
}

function legendRows(input: SegmentAreasInput): number {
  return Math.ceil(input.segments.length / 4);
}

export function segmentAreasOption(input: SegmentAreasInput): Record<string, unknown> {
  return {
    animation: false,
    textStyle: CHART_TEXT,
    color: [...SEGMENT_PALETTE],
    title: { ...CHART_TITLE, text: input.title },
    legend: { ...CHART_LEGEND, data: input.segments.map((segment) => segment.name) },
    grid: periodGrid(40 + 18 * legendRows(input)),
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
