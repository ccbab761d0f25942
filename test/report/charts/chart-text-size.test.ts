/**
 * Text that reads on a phone: a 375 px screen shows the 600 px image at about 343 px, so every axis, legend
 * and title label is drawn at least `CHART_FONT_SIZE`, and the heat map's cell labels, sized to their cells, at
 * least `HEATMAP_MIN_LABEL_SIZE` and narrower than their cells (French "36,6 %" included).
 */
import { describe, expect, it } from 'vitest';
import { CHART_FONT_SIZE } from '../../../lambda/report/charts/chart-style.ts';
import type { CohortHeatmapInput } from '../../../lambda/report/charts/chart-types.ts';
import {
  cohortHeatmapCssHeight,
  cohortHeatmapOption,
  HEATMAP_MIN_LABEL_SIZE,
} from '../../../lambda/report/charts/cohort-heatmap-option.ts';
import {
  FORECAST_LINE_CSS_HEIGHT,
  forecastLineOption,
} from '../../../lambda/report/charts/forecast-line-option.ts';
import { chartSvg } from '../../../lambda/report/charts/render-charts.ts';
import {
  segmentAreasCssHeight,
  segmentAreasOption,
} from '../../../lambda/report/charts/segment-areas-option.ts';
import { ACTIVE_BY_SEGMENT, RETENTION, REVENUE, REVENUE_FR } from '../../../tools/chart-samples.ts';
import { fontWidth, svgTexts } from './svg-text.ts';

const frenchPercent = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1 });

/** Eleven monthly columns of French shares with one decimal, as Online Retail's 2011 report draws them. */
const RETENTION_FR: CohortHeatmapInput = {
  ...RETENTION,
  formatValue: (share) => frenchPercent.format(share),
  cohorts: ['déc. 2010', 'janv. 2011', 'févr. 2011', 'sept. 2011'],
  shares: [
    [0.366, 0.323, 0.384, 0.363, 0.398, 0.363, 0.349, 0.354, 0.395, 0.374, 0.503],
    [0.221, 0.266, 0.23, 0.321, 0.288, 0.247, 0.242, 0.3, 0.326, 0.365],
    [0.187, 0.187, 0.284],
    [0.234],
  ],
};

describe('the charts’ text', () => {
  it.each([
    ['revenue', chartSvg(forecastLineOption(REVENUE), FORECAST_LINE_CSS_HEIGHT)],
    ['revenue (French)', chartSvg(forecastLineOption(REVENUE_FR), FORECAST_LINE_CSS_HEIGHT)],
    ['segments', chartSvg(segmentAreasOption(ACTIVE_BY_SEGMENT), segmentAreasCssHeight(ACTIVE_BY_SEGMENT))],
  ])('of the %s chart is nowhere smaller than the axis size', (_, svg) => {
    const sizes = svgTexts(svg).map((text) => text.fontSize);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(CHART_FONT_SIZE);
  });

  it.each([
    ['English', RETENTION],
    ['French', RETENTION_FR],
  ])(
    'of the %s heat map: axes at the axis size, cells at least the smallest size and inside their cells',
    (_, input) => {
      const texts = svgTexts(chartSvg(cohortHeatmapOption(input), cohortHeatmapCssHeight(input)));
      const cells = texts.filter((text) => text.text.includes('%'));
      const others = texts.filter((text) => !text.text.includes('%'));
      expect(cells).toHaveLength(input.shares.flat().length);
      expect(Math.min(...others.map((text) => text.fontSize))).toBeGreaterThanOrEqual(CHART_FONT_SIZE);
      expect(Math.min(...cells.map((text) => text.fontSize))).toBeGreaterThanOrEqual(HEATMAP_MIN_LABEL_SIZE);
      const firstRow = cells.filter((text) => text.y === cells[0]?.y).sort((a, b) => a.x - b.x);
      const cellWidth = (firstRow.at(-1)?.x ?? 0) - (firstRow[0]?.x ?? 0);
      for (const text of cells) {
        expect(fontWidth(text.text, text.fontSize)).toBeLessThan(cellWidth / (firstRow.length - 1));
      }
    },
  );
});
