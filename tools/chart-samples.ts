/**
 * Chart inputs for the chart tests and bench/chart-bench.ts, shaped like Online Retail's trends (Dec 2010 to Dec
 * 2011), hand-written so that the alt texts can be checked against numbers read off them, not recomputed by the
 * code under test.
 */
import { MESSAGES_EN } from '../lambda/report/locale/messages-en.ts';
import { MESSAGES_FR } from '../lambda/report/locale/messages-fr.ts';
import type {
  CohortHeatmapInput,
  ForecastLineInput,
  SegmentAreasInput,
} from '../lambda/report/charts/chart-types.ts';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const compactFr = new Intl.NumberFormat('fr-FR', { notation: 'compact', maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

export const MONTHS = [
  'Dec 2010',
  'Jan 2011',
  'Feb 2011',
  'Mar 2011',
  'Apr 2011',
  'May 2011',
  'Jun 2011',
  'Jul 2011',
  'Aug 2011',
  'Sep 2011',
  'Oct 2011',
  'Nov 2011',
  'Dec 2011',
];

export const REVENUE: ForecastLineInput = {
  title: 'Revenue by month',
  wording: MESSAGES_EN.charts,
  formatValue: (value) => compact.format(value),
  unit: 'month',
  periods: MONTHS,
  values: [
    570_000, 568_000, 447_000, 595_000, 469_000, 678_000, 661_000, 600_000, 645_000, 952_000, 1_040_000,
    1_160_000, 1_030_000,
  ],
  forecast: [
    { period: 'Jan 2012', value: 1_000_000, lower: 900_000, upper: 1_100_000 },
    { period: 'Feb 2012', value: 1_050_000, lower: 920_000, upper: 1_150_000 },
    { period: 'Mar 2012', value: 1_080_000, lower: 950_000, upper: 1_200_000 },
  ],
};

export const REVENUE_FR: ForecastLineInput = {
  ...REVENUE,
  title: 'Chiffre d’affaires par mois',
  wording: MESSAGES_FR.charts,
  formatValue: (value) => `${compactFr.format(value)} €`,
  periods: ['déc. 2010', ...MONTHS.slice(1, -1), 'déc. 2011'],
  forecast: REVENUE.forecast.map((point, index) => ({
    ...point,
    period: ['janv. 2012', 'févr. 2012', 'mars 2012'][index] as string,
  })),
};

export const ACTIVE_BY_SEGMENT: SegmentAreasInput = {
  title: 'Active customers by segment',
  wording: MESSAGES_EN.charts,
  formatValue: (value) => whole.format(value),
  periods: MONTHS,
  segments: [
    { name: 'Champions', values: [120, 130, 125, 140, 150, 160, 165, 170, 172, 178, 185, 190, 180] },
    { name: 'Loyal', values: [300, 290, 280, 300, 310, 305, 300, 290, 295, 300, 310, 300, 280] },
    { name: 'New', values: [400, 250, 220, 280, 230, 260, 240, 230, 250, 350, 400, 450, 200] },
    { name: 'At risk', values: [80, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210] },
    { name: 'Hibernating', values: [0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240] },
  ],
};

/** Share buying again k months after the first purchase: Dec 2010 retains best, March 2011 worst after 1 month. */
export const RETENTION: CohortHeatmapInput = {
  title: 'Customers buying again, by first-purchase month',
  wording: MESSAGES_EN.charts,
  formatValue: (share) => percent.format(share),
  unit: 'month',
  cohorts: MONTHS.slice(0, 12),
  shares: MONTHS.slice(0, 12).map((_, cohort) =>
    Array.from({ length: 12 - cohort }, (_, since) => {
      if (cohort === 3 && since === 0) return 0.1;
      if (cohort === 0)
        return [0.38, 0.33, 0.39, 0.36, 0.4, 0.37, 0.35, 0.35, 0.39, 0.37, 0.5, 0.27][since] ?? 0;
      return Math.round((0.24 - cohort * 0.008 - since * 0.004) * 100) / 100;
    }),
  ),
};
