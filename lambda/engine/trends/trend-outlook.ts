/**
 * Where the trends go: the forecast of the next periods for the base (revenue, active customers) and for each RFM
 * segment (revenue, customers who bought), from the complete periods only (a partial last period would read as a
 * fall), and the early warnings drawn from the series, the forecasts and the cohorts.
 */
import type { TrendSeries } from './compute-trends.ts';
import type { EtsFits } from './forecast/ets-fit.ts';
import { forecastSeries } from './forecast/forecast-series.ts';
import type { ForecastResult, NamedSeries } from './forecast/forecast-types.ts';
import { type TrendWarning, trendWarnings } from './trend-warnings.ts';
import { WARNING_DEFAULTS, type WarningThresholds } from './warnings/warning-rules.ts';

/** A forecast of the trends' periods: its season is always known (12 months, 52 weeks). */
export type PeriodForecast = Omit<ForecastResult, 'seasonLength'> & { seasonLength: number };

export interface TrendOutlook {
  /** The complete periods the forecasts start from (the first `history` of Trends.periods). */
  history: number;
  /** Keys `revenue` and `activeCustomers`. */
  base: PeriodForecast;
  /** Keyed by segment: its revenue, and its customers who bought, per period. */
  segmentRevenue: PeriodForecast;
  segmentBuyers: PeriodForecast;
  warnings: TrendWarning[];
  /** The thresholds the warnings were drawn with (the report states them). */
  thresholds: WarningThresholds;
}

/** Weeks repeat every 52, months every 12. */
const SEASON = { month: 12, week: 52 } as const;

/** The forecasts and warnings of `trends`; null when it has no complete period. */
export function trendOutlook(
  trends: TrendSeries,
  thresholds: WarningThresholds = WARNING_DEFAULTS,
): TrendOutlook | null {
  const history = trends.periods.filter((period) => !period.partial).length;
  if (history === 0) return null;
  const seasonLength = SEASON[trends.unit];
  const complete = (values: readonly number[]) => values.slice(0, history);
  const segments = trends.segments.filter((segment) => segment.buyers.slice(0, history).some((n) => n > 0));
  const base: NamedSeries[] = [
    { key: 'revenue', values: complete(trends.base.revenue) },
    { key: 'activeCustomers', values: complete(trends.base.activeCustomers) },
  ];
  const revenue = segments.map((segment) => ({ key: segment.key, values: complete(segment.revenue) }));
  const buyers = segments.map((segment) => ({ key: segment.key, values: complete(segment.buyers) }));
  // One map of fits for all five forecasts: the warnings' forecasts fit the prefixes the backtests fitted.
  const fits: EtsFits = new Map();
  const forecast = (series: NamedSeries[]): PeriodForecast => ({
    ...forecastSeries({ series, seasonLength }, fits),
    seasonLength,
  });
  return {
    history,
    base: forecast(base),
    segmentRevenue: forecast(revenue),
    segmentBuyers: forecast(buyers),
    warnings: trendWarnings({ trends, history, base, revenue, buyers, seasonLength, thresholds, fits }),
    thresholds,
  };
}
