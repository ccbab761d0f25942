/**
 * The trend charts as the PNGs an email carries inline, by Content-ID. The chart assets (resvg's WebAssembly and
 * the font) come from the caller's source, asked once per source and only when a report has charts: a report
 * without trends never loads them, so the report's own tests stay fast.
 */
import type { ChartAssetSource } from '../charts/chart-assets.ts';
import { type ChartRenderer, createChartRenderer } from '../charts/render-charts.ts';
import type { TrendChart } from '../view-model/trend-charts.ts';

/** One image of the email: the HTML's `cid:` names it; `alt` is the one the HTML gives it. */
export interface ReportImage {
  /** The Content-ID without angle brackets: `revenue-trend@segment-report`. */
  cid: string;
  filename: string;
  contentType: 'image/png';
  content: Uint8Array;
  alt: string;
}

let renderer: Promise<ChartRenderer> | undefined;
let rendererAssets: ChartAssetSource | undefined;

/** The charts drawn, in the order given; none without charts (and then no asset is read). */
export async function renderReportImages(
  charts: readonly TrendChart[],
  assets: ChartAssetSource,
): Promise<ReportImage[]> {
  if (charts.length === 0) return [];
  const draw = await rendererFor(assets);
  return charts.map((chart) => {
    const rendered = drawChart(draw, chart);
    return {
      cid: chart.cid,
      filename: chart.filename,
      contentType: 'image/png',
      content: rendered.png,
      alt: rendered.alt,
    };
  });
}

/** One renderer per process and asset source: resvg's WebAssembly is instantiated once anyway. */
function rendererFor(assets: ChartAssetSource): Promise<ChartRenderer> {
  if (renderer === undefined || rendererAssets !== assets) {
    rendererAssets = assets;
    renderer = assets().then(createChartRenderer);
    // A failed load is not kept: the next report tries again.
    renderer.catch(() => {
      renderer = undefined;
    });
  }
  return renderer;
}

function drawChart(draw: ChartRenderer, chart: TrendChart) {
  switch (chart.kind) {
    case 'forecastLine':
      return draw.forecastLine(chart.input);
    case 'segmentAreas':
      return draw.segmentAreas(chart.input);
    case 'cohortHeatmap':
      return draw.cohortHeatmap(chart.input);
  }
}
