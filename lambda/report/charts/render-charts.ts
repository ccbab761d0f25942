/**
 * The three email charts, from their plain inputs to PNG: Apache ECharts lays each out as SVG on the server (no
 * DOM), resvg rasterises it at twice the email's width. Chosen by measure: see the README's "Charts" paragraph.
 */
import { LineChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartAssets } from './chart-assets.ts';
import { cohortHeatmapAlt, forecastLineAlt, segmentAreasAlt } from './chart-alt.ts';
import { checkCohortHeatmap, checkForecastLine, checkSegmentAreas } from './check-chart-input.ts';
import { cohortHeatmapCssHeight, cohortHeatmapOption } from './cohort-heatmap-option.ts';
import { CHART_CSS_WIDTH, CHART_PIXEL_RATIO } from './chart-style.ts';
import type {
  CohortHeatmapInput,
  ForecastLineInput,
  RenderedChart,
  SegmentAreasInput,
} from './chart-types.ts';
import { FORECAST_LINE_CSS_HEIGHT, forecastLineOption } from './forecast-line-option.ts';
import { rasteriseSvg, startResvg } from './rasterise-svg.ts';
import { segmentAreasCssHeight, segmentAreasOption } from './segment-areas-option.ts';
import { installTextMetrics } from './text-metrics.ts';

echarts.use([
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);
installTextMetrics();

export interface ChartRenderer {
  /** (a) The series with its forecast band. */
  forecastLine(input: ForecastLineInput): RenderedChart;
  /** (b) Active customers by segment, stacked. */
  segmentAreas(input: SegmentAreasInput): RenderedChart;
  /** (c) Cohort retention heat map. */
  cohortHeatmap(input: CohortHeatmapInput): RenderedChart;
}

/** A renderer on the given WebAssembly and font (see `loadChartAssets`); rendering itself is synchronous. */
export async function createChartRenderer(assets: ChartAssets): Promise<ChartRenderer> {
  await startResvg(assets.wasm);
  const draw = (option: Record<string, unknown>, cssHeight: number, alt: string): RenderedChart => ({
    ...rasteriseSvg(chartSvg(option, cssHeight), CHART_CSS_WIDTH * CHART_PIXEL_RATIO, assets.font),
    alt,
  });
  return {
    forecastLine: (input) => {
      checkForecastLine(input);
      return draw(forecastLineOption(input), FORECAST_LINE_CSS_HEIGHT, forecastLineAlt(input));
    },
    segmentAreas: (input) => {
      checkSegmentAreas(input);
      return draw(segmentAreasOption(input), segmentAreasCssHeight(input), segmentAreasAlt(input));
    },
    cohortHeatmap: (input) => {
      checkCohortHeatmap(input);
      return draw(cohortHeatmapOption(input), cohortHeatmapCssHeight(input), cohortHeatmapAlt(input));
    },
  };
}

/** The chart as SVG, laid out at the email's CSS width; disposed at once so that no timer keeps Node running. */
export function chartSvg(option: Record<string, unknown>, cssHeight: number): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_CSS_WIDTH,
    height: cssHeight,
  });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
