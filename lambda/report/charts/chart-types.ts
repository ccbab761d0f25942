/**
 * The plain inputs of the three email charts and what a rendered chart is. The report maps its trends onto these
 * (labels already formatted in the reader's language); the charts know nothing of analyses.
 */
import type { ChartWording, PeriodUnit } from '../locale/messages.ts';

/** Whether a series counts months or weeks: the alt text says "the next 3 months" or "the next 3 weeks". */
export type { PeriodUnit };

/** What every chart takes from its caller: the words and how its numbers read. */
export interface ChartText {
  /** The chart's title, drawn in the image and opening its alt text: "Revenue by month". */
  title: string;
  wording: ChartWording;
  /** Formats a value of the chart as the report does elsewhere (`570K`, `1,16 M€`, `38 %`). */
  formatValue: (value: number) => string;
}

export interface ForecastPoint {
  /** The period's label on the axis: "Jan 2012". */
  period: string;
  value: number;
  lower: number;
  upper: number;
}

/** (a) A monthly (or weekly) series, then its forecast with the interval drawn as a shaded band. */
export interface ForecastLineInput extends ChartText {
  unit: PeriodUnit;
  /** The past periods' labels, oldest first, one per value. */
  periods: readonly string[];
  values: readonly number[];
  /** The periods after the last one; none draws the past alone. */
  forecast: readonly ForecastPoint[];
}

export interface SegmentSeries {
  name: string;
  /** One value per period of the chart (active customers), 0 when the segment had none. */
  values: readonly number[];
}

/** (b) Active customers by segment over periods, as stacked areas: the top line is the whole base. */
export interface SegmentAreasInput extends ChartText {
  periods: readonly string[];
  segments: readonly SegmentSeries[];
}

/** (c) Cohort retention: for each acquisition cohort, the share (0..1) buying again k periods after its first. */
export interface CohortHeatmapInput extends ChartText {
  unit: PeriodUnit;
  /** The cohorts' labels, oldest first: "Dec 2010". */
  cohorts: readonly string[];
  /**
   * One row per cohort; `shares[i][k - 1]` is cohort i's share k periods after its first (k = 1, 2, ...); null
   * where the file ends before that period. Rows may be shorter than the longest.
   */
  shares: readonly (readonly (number | null)[])[];
}

/** A chart as the email carries it: a PNG at twice its CSS size, and the text stating its numbers. */
export interface RenderedChart {
  png: Uint8Array;
  /** In device pixels (twice the CSS width the email shows it at). */
  width: number;
  height: number;
  alt: string;
}
