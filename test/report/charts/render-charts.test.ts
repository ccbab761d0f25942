/**
 * The three charts rendered for real (ECharts' SVG, resvg's WebAssembly, the shipped font): PNGs at twice the
 * email's width whose headers say the size the renderer reports, within the set's byte budget, drawn with the
 * caller's labels; and the inputs a chart cannot draw honestly refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChartAssets } from '../../../lambda/adapters/chart-asset-files.ts';
import { CHART_SET_BYTE_BUDGET } from '../../../lambda/report/charts/chart-style.ts';
import {
  type ChartRenderer,
  chartSvg,
  createChartRenderer,
} from '../../../lambda/report/charts/render-charts.ts';
import { forecastLineOption } from '../../../lambda/report/charts/forecast-line-option.ts';
import { ACTIVE_BY_SEGMENT, RETENTION, REVENUE, REVENUE_FR } from '../../../tools/chart-samples.ts';
import { pngSize } from './png-header.ts';

let renderer: ChartRenderer;

beforeAll(async () => {
  renderer = await createChartRenderer(await loadChartAssets());
});

describe('the three charts', () => {
  it('are PNGs 1200 px wide (600 at 2x), of the size they report, the set within its byte budget', () => {
    const charts = [
      renderer.forecastLine(REVENUE),
      renderer.segmentAreas(ACTIVE_BY_SEGMENT),
      renderer.cohortHeatmap(RETENTION),
    ];
    for (const chart of charts) {
      expect(pngSize(chart.png)).toEqual({ signature: true, width: chart.width, height: chart.height });
      expect(chart.width).toBe(1200);
    }
    expect(charts[0]?.height).toBe(600);
    // 12 cohorts of 22 px rows and 84 px of title and axis: 348 CSS px.
    expect(charts[2]?.height).toBe(696);
    const bytes = charts.reduce((sum, chart) => sum + chart.png.byteLength, 0);
    expect(bytes).toBeLessThan(CHART_SET_BYTE_BUDGET);
  });

  it('draws the caller’s labels in the shipped font: the French chart differs from the English one', () => {
    const svg = chartSvg(forecastLineOption(REVENUE_FR), 300);
    for (const label of ['Chiffre d’affaires par mois', 'Prévision', 'déc. 2010', 'déc. 2011'])
      expect(svg).toContain(label);
    expect(svg).toContain('font-family:DejaVu Sans;');
    expect(svg).not.toMatch(/font-family:(?!DejaVu Sans;)/);
    expect(svg).not.toContain('Forecast');
    const english = renderer.forecastLine(REVENUE).png;
    const french = renderer.forecastLine(REVENUE_FR).png;
    expect(Buffer.from(french).equals(Buffer.from(english))).toBe(false);
  });

  it('renders the same bytes twice: no clock, no random, no system font in the image', () => {
    expect(Buffer.from(renderer.cohortHeatmap(RETENTION).png)).toEqual(
      Buffer.from(renderer.cohortHeatmap(RETENTION).png),
    );
  });

  it('draws a series without a forecast, and a single cohort', () => {
    const past = renderer.forecastLine({ ...REVENUE, forecast: [] });
    expect(pngSize(past.png).signature).toBe(true);
    const one = renderer.cohortHeatmap({ ...RETENTION, cohorts: ['Dec 2010'], shares: [[0.4]] });
    expect(one.alt).toBe(
      'Customers buying again, by first-purchase month, 1 cohort, Dec 2010 to Dec 2010: after 1 month: lowest 40% (Dec 2010), highest 40% (Dec 2010)',
    );
  });
});

describe('inputs a chart refuses', () => {
  it.each([
    [
      'values shorter than periods',
      () => renderer.forecastLine({ ...REVENUE, values: [1, 2] }),
      'values: 2 values for 13 labels',
    ],
    [
      'no period',
      () => renderer.forecastLine({ ...REVENUE, periods: [], values: [] }),
      'periods: at least one',
    ],
    [
      'a forecast outside its interval',
      () =>
        renderer.forecastLine({
          ...REVENUE,
          forecast: [{ period: 'Jan 2012', value: 5, lower: 6, upper: 7 }],
        }),
      'forecast Jan 2012: the value must lie within [lower, upper]',
    ],
    [
      'a segment value not finite',
      () =>
        renderer.segmentAreas({
          ...ACTIVE_BY_SEGMENT,
          segments: [{ name: 'X', values: ACTIVE_BY_SEGMENT.periods.map(() => Number.NaN) }],
        }),
      'segment X: every value must be finite',
    ],
    [
      'a share above 1',
      () => renderer.cohortHeatmap({ ...RETENTION, cohorts: ['Dec 2010'], shares: [[1.2]] }),
      'shares of Dec 2010: a share lies between 0 and 1',
    ],
    [
      'one row of shares short',
      () => renderer.cohortHeatmap({ ...RETENTION, shares: [] }),
      'shares: 0 values for 12 labels',
    ],
  ])('refuses %s with a RangeError naming the field', (_, draw, message) => {
    expect(draw).toThrow(RangeError);
    expect(draw).toThrow(message);
  });
});
