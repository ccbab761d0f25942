/**
 * Series continued by earlier reports' trends, on trends made by hand: each report's file holds one week (or one
 * month), its revenue and counts chosen so that every period's figures can be told apart in the result.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_CONTINUED_PERIODS,
  continueSeries,
  periodsFromArchive,
} from '../../../lambda/engine/trends/continue-series.ts';
import type { Trends } from '../../../lambda/engine/trends/compute-trends.ts';
import { trendOutlook } from '../../../lambda/engine/trends/trend-outlook.ts';
import type { TrendUnit } from '../../../lambda/engine/trends/trend-periods.ts';

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const nextMonth = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

/** Week `n` after Monday 2024-01-01 (n = 0 is that week). */
const monday = (n: number) => shift('2024-01-01', 7 * n);

/** One period's figures, told apart by `revenue`: orders = revenue / 10, 5 buyers among 2 champions' 8 members. */
interface PeriodSpec {
  start: string;
  revenue: number;
  partial?: boolean;
  unit?: TrendUnit;
}

/** Trends of a file holding the periods given (consecutive), its cohort starting at its first period. */
function trendsOf(specs: readonly PeriodSpec[]): Trends {
  const unit = specs[0]?.unit ?? 'week';
  const end = (start: string) => (unit === 'week' ? shift(start, 7) : nextMonth(start));
  const values = (pick: (spec: PeriodSpec) => number) => specs.map(pick);
  const series = {
    unit,
    periods: specs.map((spec) => ({
      start: spec.start,
      end: end(spec.start),
      partial: spec.partial ?? false,
    })),
    base: {
      revenue: values((spec) => spec.revenue),
      orders: values((spec) => spec.revenue / 10),
      activeCustomers: values((spec) => spec.revenue / 100),
      newCustomers: values(() => 1),
      returningCustomers: values((spec) => spec.revenue / 100 - 1),
      averageOrderValue: values(() => 10),
    },
    segments: [
      {
        key: 'champions' as const,
        members: values(() => 8),
        buyers: values(() => 5),
        revenue: values((spec) => spec.revenue / 2),
        orders: values((spec) => spec.revenue / 20),
      },
    ],
    cohorts: [
      { period: 0, customers: 4, buyingShare: values(() => 0.5), revenuePerCustomer: values(() => 3) },
    ],
  };
  return { ...series, outlook: trendOutlook(series) };
}

/** Revenue of week n: distinct per week, with a little movement for the forecast. */
const weekRevenue = (n: number) => 1000 + 100 * n + (n % 3) * 30;

describe('series continued by earlier reports', () => {
  it('continues a weekly upload of one week each time to 12 weeks, the outlook recomputed on all of them', () => {
    const archives = Array.from({ length: 11 }, (_, n) =>
      trendsOf([{ start: monday(n), revenue: weekRevenue(n) }]),
    );
    const current = trendsOf([{ start: monday(11), revenue: weekRevenue(11) }]);
    expect(current.outlook?.history).toBe(1);

    const continued = continueSeries(current, archives);

    expect(continued.fromArchive).toBe(11);
    expect(continued.periods.map((period) => period.start)).toEqual(
      Array.from({ length: 12 }, (_, n) => monday(n)),
    );
    expect(continued.base.revenue).toEqual(Array.from({ length: 12 }, (_, n) => weekRevenue(n)));
    expect(continued.base.orders).toEqual(Array.from({ length: 12 }, (_, n) => weekRevenue(n) / 10));
    expect(continued.segments[0]?.revenue).toEqual(Array.from({ length: 12 }, (_, n) => weekRevenue(n) / 2));
    expect(continued.segments[0]?.members).toEqual(Array(12).fill(8));
    // The file's own cohort, now at the twelfth period.
    expect(continued.cohorts).toEqual([{ ...current.cohorts[0], period: 11 }]);
    expect(continued.outlook?.history).toBe(12);
    expect(continued.outlook?.base.series.find((series) => series.key === 'revenue')?.status).toBe(
      'forecast',
    );
    expect(periodsFromArchive(current, archives)).toBe(11);
  });

  it('stops at a gap: a week no earlier report holds, or holds only in part', () => {
    const archives = [0, 1, 3, 4].map((n) => trendsOf([{ start: monday(n), revenue: weekRevenue(n) }]));
    const current = trendsOf([{ start: monday(5), revenue: weekRevenue(5) }]);
    expect(continueSeries(current, archives).periods.map((period) => period.start)).toEqual([
      monday(3),
      monday(4),
      monday(5),
    ]);

    const partialWeek2 = trendsOf([{ start: monday(2), revenue: 1, partial: true }]);
    const withPartial = continueSeries(current, [...archives, partialWeek2]);
    expect(withPartial.fromArchive).toBe(2);
    expect(withPartial.base.revenue).toEqual([weekRevenue(3), weekRevenue(4), weekRevenue(5)]);
  });

  it('ignores trends of another unit', () => {
    const months = trendsOf([
      { start: '2023-11-01', revenue: 5000, unit: 'month' },
      { start: '2023-12-01', revenue: 6000, unit: 'month' },
    ]);
    const current = trendsOf([{ start: monday(0), revenue: weekRevenue(0) }]);
    expect(continueSeries(current, [months])).toEqual({ ...current, fromArchive: 0 });

    const january = trendsOf([{ start: '2024-01-01', revenue: 7000, unit: 'month' }]);
    const weeks = trendsOf([{ start: '2023-12-25', revenue: 900 }]);
    const continued = continueSeries(january, [months, weeks]);
    expect(continued.fromArchive).toBe(2);
    expect(continued.base.revenue).toEqual([5000, 6000, 7000]);
  });

  it("keeps the current file's periods where an earlier report holds them too, and takes the rest from the newer report", () => {
    // An older report held weeks 0 to 3; a newer one weeks 2 to 4 (a corrected export); the file holds 3 to 5.
    const older = trendsOf([0, 1, 2, 3].map((n) => ({ start: monday(n), revenue: 1 + n })));
    const newer = trendsOf([2, 3, 4].map((n) => ({ start: monday(n), revenue: 100 + n })));
    const current = trendsOf([3, 4, 5].map((n) => ({ start: monday(n), revenue: weekRevenue(n) })));

    const continued = continueSeries(current, [older, newer]);

    expect(continued.fromArchive).toBe(3);
    expect(continued.base.revenue).toEqual([1, 2, 102, weekRevenue(3), weekRevenue(4), weekRevenue(5)]);
    expect(continued.periods.slice(3)).toEqual(current.periods);
  });

  it('keeps at most 52 weeks, never cutting the current file', () => {
    const archives = Array.from({ length: 60 }, (_, n) =>
      trendsOf([{ start: monday(n), revenue: weekRevenue(n) }]),
    );
    const current = trendsOf([60, 61].map((n) => ({ start: monday(n), revenue: weekRevenue(n) })));
    const continued = continueSeries(current, archives);
    expect(continued.periods).toHaveLength(MAX_CONTINUED_PERIODS.week);
    expect(continued.periods[0]?.start).toBe(monday(10));
    expect(continued.fromArchive).toBe(50);

    const long = trendsOf(
      Array.from({ length: 53 }, (_, n) => ({ start: monday(n + 1), revenue: weekRevenue(n) })),
    );
    expect(continueSeries(long, archives)).toEqual({ ...long, fromArchive: 0 });
  });

  it('counts 0 for a segment an earlier report did not have', () => {
    const archive = trendsOf([{ start: monday(0), revenue: 2000 }]);
    archive.segments = [];
    const current = trendsOf([{ start: monday(1), revenue: 3000 }]);
    expect(continueSeries(current, [archive]).segments[0]?.members).toEqual([0, 8]);
  });
});
