/**
 * The inputs of the email's three trend charts, from the analysis' trends: revenue by period with the forecast
 * band, customers who bought by RFM segment (stacked), and the cohorts' share buying again. Over the complete
 * periods only, as the forecast is: a partial last month would read as a fall, and the forecast's first step is
 * that very month. Labels and numbers are formatted as the rest of the report formats them.
 */
import type { Trends } from '../../engine/trends/compute-trends.ts';
import type { PeriodForecast } from '../../engine/trends/trend-outlook.ts';
import { RFM_SEGMENT_NAMES } from '../../engine/rfm/rfm-segments.ts';
import type {
  CohortHeatmapInput,
  ForecastLineInput,
  ForecastPoint,
  SegmentAreasInput,
} from '../charts/chart-types.ts';
import type { ReportContext } from './report-context.ts';

/** Each chart's Content-ID (stable: the HTML's `cid:` and the MIME part agree on it) and its file name. */
export const TREND_CHART_FILES = {
  revenue: { cid: 'revenue-trend@segment-report', filename: 'revenue-trend.png' },
  buyers: { cid: 'segment-buyers@segment-report', filename: 'segment-buyers.png' },
  cohorts: { cid: 'cohort-retention@segment-report', filename: 'cohort-retention.png' },
} as const;

/** The heat map shows the newest cohorts only, so that its height stays that of a phone's screen. */
export const MAX_HEATMAP_COHORTS = 12;

export type TrendChart = { cid: string; filename: string } & (
  | { kind: 'forecastLine'; input: ForecastLineInput }
  | { kind: 'segmentAreas'; input: SegmentAreasInput }
  | { kind: 'cohortHeatmap'; input: CohortHeatmapInput }
);

/** The complete periods the charts show: at least two are needed to draw a line. */
export function completePeriods(trends: Trends): number {
  return trends.periods.filter((period) => !period.partial).length;
}

/** The charts in the order the email shows them; none without trends or with fewer than two complete periods. */
export function trendCharts(context: ReportContext): TrendChart[] {
  const trends = context.analysis.trends;
  if (!trends || completePeriods(trends) < 2) return [];
  const history = completePeriods(trends);
  const { messages, format, settings } = context;
  const words = messages.trends;
  const unit = trends.unit;
  const labels = trends.periods.slice(0, history).map((period) => format.period(period.start, unit));
  const text = { wording: messages.charts };
  const charts: TrendChart[] = [
    {
      ...TREND_CHART_FILES.revenue,
      kind: 'forecastLine',
      input: {
        ...text,
        title: words.revenueChart(unit),
        formatValue: format.moneyShort,
        unit,
        periods: labels,
        values: trends.base.revenue.slice(0, history),
        forecast: forecastPoints(context, trends, trends.outlook?.base ?? null, history),
      },
    },
  ];
  const segments = trends.segments
    .filter((segment) => segment.buyers.slice(0, history).some((buyers) => buyers > 0))
    .map((segment) => ({
      name: RFM_SEGMENT_NAMES[segment.key][settings.locale],
      values: segment.buyers.slice(0, history),
    }));
  if (segments.length > 0) {
    charts.push({
      ...TREND_CHART_FILES.buyers,
      kind: 'segmentAreas',
      input: { ...text, title: words.buyersChart, formatValue: format.integer, periods: labels, segments },
    });
  }
  const cohorts = cohortRows(trends, history).slice(-MAX_HEATMAP_COHORTS);
  if (cohorts.length > 0) {
    charts.push({
      ...TREND_CHART_FILES.cohorts,
      kind: 'cohortHeatmap',
      input: {
        ...text,
        title: words.cohortChart(unit),
        formatValue: format.percent,
        unit,
        cohorts: cohorts.map((cohort) => labels[cohort.period] ?? ''),
        shares: cohorts.map((cohort) => cohort.shares),
      },
    });
  }
  return charts;
}

/** The base revenue's forecast steps, labelled with the periods after the last complete one. */
function forecastPoints(
  { format }: ReportContext,
  trends: Trends,
  forecast: PeriodForecast | null,
  history: number,
): ForecastPoint[] {
  const revenue = forecast?.series.find((series) => series.key === 'revenue');
  if (revenue?.status !== 'forecast') return [];
  const lastStart = trends.periods[history - 1]?.start ?? '';
  return revenue.steps.map((step) => ({
    period: format.period(periodAfter(lastStart, trends.unit, step.step), trends.unit),
    value: step.point,
    lower: step.lower,
    upper: step.upper,
  }));
}

/** The first day (YYYY-MM-DD) of the period `steps` after the one starting on `start`. */
export function periodAfter(start: string, unit: Trends['unit'], steps: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (unit === 'month') date.setUTCMonth(date.getUTCMonth() + steps);
  else date.setUTCDate(date.getUTCDate() + 7 * steps);
  return date.toISOString().slice(0, 10);
}

/**
 * Each cohort's share buying again 1, 2, ... periods after its first, up to the last complete period; cohorts
 * with no such period yet are left out (their row would be empty).
 */
export function cohortRows(trends: Trends, history: number): { period: number; shares: number[] }[] {
  return trends.cohorts
    .filter((cohort) => cohort.period + 1 < history)
    .map((cohort) => ({
      period: cohort.period,
      shares: cohort.buyingShare.slice(1, history - cohort.period),
    }));
}
