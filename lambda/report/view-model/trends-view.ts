/**
 * The trends section's view: each chart's Content-ID, CSS size and alt text (computed from the chart's input
 * without drawing it: the PNGs are rendered later, by render/), the forecast's line, and the plain text's table.
 */
import {
  type ForecastResult,
  MINIMUM_PERIODS,
  type ModelDescription,
  type SeriesForecast,
} from '../../engine/trends/forecast/forecast-types.ts';
import type { Trends } from '../../engine/trends/compute-trends.ts';
import { cohortHeatmapAlt, forecastLineAlt, segmentAreasAlt } from '../charts/chart-alt.ts';
import { CHART_CSS_WIDTH } from '../charts/chart-style.ts';
import { cohortHeatmapCssHeight } from '../charts/cohort-heatmap-option.ts';
import { FORECAST_LINE_CSS_HEIGHT } from '../charts/forecast-line-option.ts';
import { segmentAreasCssHeight } from '../charts/segment-areas-option.ts';
import type { TrendImage, TrendsView } from '../templates/sections/trends-section.ts';
import type { ReportContext } from './report-context.ts';
import { completePeriods, type TrendChart, trendCharts } from './trend-charts.ts';
import { trendsTable } from './trends-table.ts';

/** The section; null for a customer table (no dates) or a log without trends. */
export function trendsView(context: ReportContext): TrendsView | null {
  const trends = context.analysis.trends;
  if (!trends) return null;
  const words = context.messages.trends;
  const history = completePeriods(trends);
  if (history < 2) {
    return {
      title: words.title,
      images: [],
      note: words.tooShort({ periods: history, unit: trends.unit }),
      table: null,
    };
  }
  const charts = trendCharts(context);
  return {
    title: words.title,
    images: charts.map(trendImage),
    note: forecastNote(context, trends),
    table: trendsTable(context, trends, charts),
  };
}

/** A chart's image in the HTML: its alt text and size, from the same input the PNG will be drawn from. */
export function trendImage(chart: TrendChart): TrendImage {
  const size = { cid: chart.cid, width: CHART_CSS_WIDTH };
  switch (chart.kind) {
    case 'forecastLine':
      return { ...size, alt: forecastLineAlt(chart.input), height: FORECAST_LINE_CSS_HEIGHT };
    case 'segmentAreas':
      return { ...size, alt: segmentAreasAlt(chart.input), height: segmentAreasCssHeight(chart.input) };
    case 'cohortHeatmap':
      return { ...size, alt: cohortHeatmapAlt(chart.input), height: cohortHeatmapCssHeight(chart.input) };
  }
}

/** The base revenue's forecast: the model and its backtest error, the baseline shown, or why there is none. */
function forecastNote(context: ReportContext, trends: Trends): string {
  const { messages, format } = context;
  const words = messages.trends;
  const unit = trends.unit;
  const result = trends.outlook?.base;
  const revenue = result?.series.find((series) => series.key === 'revenue');
  if (!result || !revenue) {
    // No outlook: no complete period (the section says so before coming here); worded as a short history.
    return words.noForecast.tooShort({ periods: completePeriods(trends), needed: MINIMUM_PERIODS, unit });
  }
  if (revenue.status === 'none') {
    const { reason } = revenue;
    switch (reason.code) {
      case 'too-short':
        return words.noForecast.tooShort({ periods: reason.periods, needed: reason.needed, unit });
      case 'too-few-origins':
        return words.noForecast.tooFewOrigins({ origins: reason.origins, needed: reason.needed });
      case 'not-finite':
        return words.noForecast.notFinite({
          period: format.period(trends.periods[reason.period]?.start ?? '', unit),
        });
    }
  }
  const level = format.percent(result.level);
  const chosen = candidate(revenue, revenue.model.kind);
  const baseline = revenue.candidates.find((one) => one.model === 'seasonal-naive' || one.model === 'naive');
  const error = format.money(chosen?.horizonMae ?? 0);
  const origins = chosen?.origins ?? 0;
  const model = modelWords(context, revenue.model, unit);
  if (!revenue.beatsBaseline || !baseline)
    return words.forecastBaseline({ model, error, origins, unit, level });
  return words.forecastChosen({
    model,
    error,
    baseline: modelWords(context, baselineModel(result, baseline.model), unit),
    baselineError: format.money(baseline.horizonMae),
    origins,
    unit,
    level,
  });
}

function candidate(
  forecast: Extract<SeriesForecast, { status: 'forecast' }>,
  kind: ModelDescription['kind'],
) {
  return forecast.candidates.find((one) => one.model === kind);
}

/** The baseline as a model to word: its season is the forecast's. */
function baselineModel(result: ForecastResult, kind: ModelDescription['kind']): ModelDescription {
  return kind === 'naive'
    ? { kind, residualSd: 0 }
    : { kind: 'seasonal-naive', seasonLength: result.seasonLength ?? 0, residualSd: 0 };
}

/** A fitted model in the report's words. */
export function modelWords(
  { messages }: ReportContext,
  model: ModelDescription,
  unit: Trends['unit'],
): string {
  const words = messages.trends.model;
  switch (model.kind) {
    case 'naive':
      return words.naive;
    case 'seasonal-naive':
      return words.seasonalNaive({ season: model.seasonLength, unit });
    case 'var':
      return words.var({ order: model.order, series: model.seriesCount });
    case 'ets':
      if (model.form === 'holt-winters') return words.holtWinters({ season: model.seasonLength ?? 0, unit });
      return words[model.form];
  }
}
