/**
 * The trends' outlook: forecasts from the complete periods only, and the early warnings they give, on a log built
 * by hand (a base whose revenue falls over its last three months) and on Online Retail.
 */
import { describe, expect, it } from 'vitest';
import { computeTrends } from '../../../lambda/engine/trends/compute-trends.ts';
import { MS_PER_DAY, parseIsoDay } from '../../../lambda/engine/input/date-parsing.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { ONLINE_RETAIL } from '../../../tools/real-data.ts';

const day = (iso: string) => Math.floor(parseIsoDay(iso) / MS_PER_DAY);

/** 20 customers buy on the 10th of each month of 2024; each order is worth `amount(month)`. */
function monthlyLog(amount: (month: number) => number) {
  const rows: [number, number, number][] = [];
  for (let month = 0; month < 12; month++) {
    for (let customer = 0; customer < 20; customer++) {
      const date = `2024-${String(month + 1).padStart(2, '0')}-10`;
      rows.push([customer, day(date), amount(month) + (customer % 2 === 0 ? 1 : -1) * (month % 3)]);
    }
  }
  return {
    count: rows.length,
    customers: Int32Array.from(rows.map(([customer]) => customer)),
    days: Int32Array.from(rows.map(([, days]) => days)),
    amounts: Float64Array.from(rows.map(([, , value]) => value)),
  };
}

const falling = (month: number) => (month < 9 ? 100 + (month % 2) * 2 : ([90, 75, 50][month - 9] as number));

describe('the outlook of the trends', () => {
  it('forecasts the next three months from the complete ones, and warns of four falls and a month far below its interval', () => {
    const trends = computeTrends({
      orders: monthlyLog(falling),
      customerCount: 20,
      asOfDay: day('2025-01-01'),
      activeWindowDays: 90,
    });
    const outlook = trends?.outlook;
    expect(outlook?.history).toBe(12);
    const revenue = outlook?.base.series.find((series) => series.key === 'revenue');
    expect(revenue?.status).toBe('forecast');
    expect(revenue?.status === 'forecast' && revenue.steps.map((step) => step.step)).toEqual([1, 2, 3]);
    expect(outlook?.warnings).toContainEqual({
      kind: 'falling',
      series: 'revenue',
      segment: null,
      periods: 4, // 2,040 in August, then 2,000, 1,800, 1,500, 1,000
      from: 2040,
      to: 1000,
    });
    expect(outlook?.warnings).toContainEqual(
      expect.objectContaining({
        kind: 'outside-interval',
        series: 'revenue',
        segment: null,
        direction: 'below',
        actual: 1000,
      }),
    );
  });

  it('gives no warning to a steady base', () => {
    const trends = computeTrends({
      orders: monthlyLog((month) => 100 + (month % 2) * 2),
      customerCount: 20,
      asOfDay: day('2025-01-01'),
      activeWindowDays: 90,
    });
    expect(trends?.outlook?.warnings.filter((warning) => warning.kind !== 'volatile')).toEqual([]);
  });

  it('on Online Retail forecasts from the 12 complete months (December 2011 ends on the 9th)', async () => {
    const { analysis } = await analyzeFile(ONLINE_RETAIL);
    const outlook = analysis.trends?.outlook;
    expect(analysis.trends?.periods).toHaveLength(13);
    expect(outlook?.history).toBe(12);
    const revenue = outlook?.base.series.find((series) => series.key === 'revenue');
    // The backtest keeps the naive forecast there (see test/engine/trends/forecast/real-data-backtest.test.ts).
    expect(revenue).toMatchObject({ status: 'forecast', best: 'naive', beatsBaseline: false });
    expect(outlook?.segmentRevenue.series.map((series) => series.key)).toContain('champions');
  }, 60_000);
});
