/**
 * The plain text's table of the trends: the numbers the charts draw, short enough to read in a text email. The
 * last complete periods' revenue with the forecast's steps and intervals; each segment's customers who bought at
 * the last complete period against a few periods before; the newest cohorts' share buying again the next period.
 */
import type { Trends } from '../../engine/trends/compute-trends.ts';
import type { TrendsTable } from '../templates/sections/trends-section.ts';
import type { ReportContext } from './report-context.ts';
import { cohortRows, completePeriods, type TrendChart } from './trend-charts.ts';

/** How many past periods of revenue, how far back the segments are compared, how many cohorts. */
export const TEXT_TABLE = { revenuePeriods: 6, segmentsBack: 3, cohorts: 6 } as const;

/** The table, from the same chart inputs as the images (so both say the same numbers). */
export function trendsTable(
  context: ReportContext,
  trends: Trends,
  charts: readonly TrendChart[],
): TrendsTable {
  const { messages, format } = context;
  const words = messages.trends;
  const history = completePeriods(trends);
  const label = (period: number) => format.period(trends.periods[period]?.start ?? '', trends.unit);
  const revenueChart = charts.find((chart) => chart.kind === 'forecastLine');
  const forecast = revenueChart?.kind === 'forecastLine' ? revenueChart.input.forecast : [];
  const first = Math.max(0, history - TEXT_TABLE.revenuePeriods);
  const revenue = [
    ...trends.base.revenue.slice(first, history).map((value, index) => ({
      period: label(first + index),
      value: format.money(value),
    })),
    ...forecast.map((point) => ({
      period: point.period,
      value: words.textForecast({
        value: format.money(point.value),
        lower: format.money(point.lower),
        upper: format.money(point.upper),
      }),
    })),
  ];
  const before = Math.max(0, history - 1 - TEXT_TABLE.segmentsBack);
  const buyersChart = charts.find((chart) => chart.kind === 'segmentAreas');
  const buyers =
    buyersChart?.kind === 'segmentAreas'
      ? buyersChart.input.segments
          // A segment without a buyer at either end says nothing in a short table (the chart still shows it).
          .filter((segment) => (segment.values[history - 1] ?? 0) + (segment.values[before] ?? 0) > 0)
          .map((segment) => ({
            segment: segment.name,
            last: format.integer(segment.values[history - 1] ?? 0),
            before: format.integer(segment.values[before] ?? 0),
          }))
      : [];
  const cohorts = cohortRows(trends, history)
    .slice(-TEXT_TABLE.cohorts)
    .map((cohort) => ({ cohort: label(cohort.period), share: format.percent(cohort.shares[0] ?? 0) }));
  return {
    revenueTitle: words.revenueChart(trends.unit),
    revenue,
    buyersTitle: words.textBuyers({ last: label(history - 1), before: label(before) }),
    buyers,
    cohortsTitle: words.textCohorts(trends.unit),
    cohorts,
  };
}
