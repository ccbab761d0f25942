/**
 * The trends of a transaction log's own history: its periods, the base's series, the RFM segments' series with
 * membership recomputed at each period's end, and the acquisition cohorts. Pure, from the distinct orders; reads
 * the order columns without reordering them.
 */
import type { OrderColumns } from '../value/purchase-summary.ts';
import { type AcquisitionCohort, acquisitionCohorts } from './acquisition-cohorts.ts';
import { type BaseSeries, baseSeries } from './base-series.ts';
import { ordersByPeriod } from './orders-by-period.ts';
import { type SegmentSeries, segmentSeries } from './segment-series.ts';
import { type TrendOutlook, trendOutlook } from './trend-outlook.ts';
import type { WarningThresholds } from './warnings/warning-rules.ts';
import { periodGrid, type TrendPeriod, trendPeriods, type TrendUnit } from './trend-periods.ts';

/** The series of the trends: every list of numbers is aligned with `periods`, oldest first. */
export interface TrendSeries {
  unit: TrendUnit;
  periods: TrendPeriod[];
  base: BaseSeries;
  /** Every RFM segment, in RFM_SEGMENT_KEYS order (a segment with no member at any period end included). */
  segments: SegmentSeries[];
  /** One per period with new customers, oldest first. */
  cohorts: AcquisitionCohort[];
}

/** Analysis.trends: the series, and the forecasts and warnings drawn from them (null without a complete period). */
export interface Trends extends TrendSeries {
  outlook: TrendOutlook | null;
  /**
   * A scheduled report's series continued by earlier reports (continue-series.ts): how many leading periods come
   * from their archives, not from this file. Absent in an analysis of one file.
   */
  fromArchive?: number;
}

export interface TrendsInput {
  orders: OrderColumns;
  /** Customers are 0 .. customerCount - 1 in `orders`. */
  customerCount: number;
  /** Orders on or after it are left out; the last period ends there. */
  asOfDay: number;
  activeWindowDays: number;
  /** The thresholds of the early warnings (WARNING_DEFAULTS when absent). */
  warnings?: WarningThresholds | undefined;
}

/** The trends, or null when no order falls before the as-of day. */
export function computeTrends(input: TrendsInput): Trends | null {
  const { orders, asOfDay } = input;
  let firstDay = Number.POSITIVE_INFINITY;
  for (let order = 0; order < orders.count; order++) {
    const day = orders.days[order] as number;
    if (day < firstDay && day < asOfDay) firstDay = day;
  }
  if (firstDay === Number.POSITIVE_INFINITY) return null;
  const grid = periodGrid(firstDay, asOfDay);
  const indexed = ordersByPeriod(orders, input.customerCount, grid);
  const series: TrendSeries = {
    unit: grid.unit,
    periods: trendPeriods(grid),
    base: baseSeries(indexed),
    segments: segmentSeries(indexed, input.activeWindowDays),
    cohorts: acquisitionCohorts(indexed),
  };
  return { ...series, outlook: trendOutlook(series, input.warnings) };
}
