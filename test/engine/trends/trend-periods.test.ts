// The periods of a file's history by hand: months from the first order's to the as-of day's, weeks (Monday to
// Sunday) under four months, the last period partial when the as-of day falls inside it.
import { describe, expect, it } from 'vitest';
import { periodGrid, trendPeriods } from '../../../lambda/engine/trends/trend-periods.ts';

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('periodGrid', () => {
  it('cuts months from the first order month to the as-of day, the last one partial', () => {
    const grid = periodGrid(dayOf('2010-12-01'), dayOf('2011-12-10'));
    expect(grid.unit).toBe('month');
    const periods = trendPeriods(grid);
    expect(periods).toHaveLength(13);
    expect(periods[0]).toEqual({ start: '2010-12-01', end: '2011-01-01', partial: false });
    expect(periods[2]).toEqual({ start: '2011-02-01', end: '2011-03-01', partial: false });
    expect(periods[12]).toEqual({ start: '2011-12-01', end: '2011-12-10', partial: true });
    expect(grid.periodOf(dayOf('2011-02-28'))).toBe(2);
    expect(grid.periodOf(dayOf('2011-12-09'))).toBe(12);
    expect(grid.periodOf(dayOf('2011-12-10'))).toBe(-1);
    expect(grid.periodOf(dayOf('2010-11-30'))).toBe(-1);
  });

  it('ends on a whole month when the as-of day is the first of the next one', () => {
    const periods = trendPeriods(periodGrid(dayOf('2024-01-15'), dayOf('2024-06-01')));
    expect(periods.map((period) => period.start)).toEqual([
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
      '2024-04-01',
      '2024-05-01',
    ]);
    expect(periods.at(-1)).toEqual({ start: '2024-05-01', end: '2024-06-01', partial: false });
  });

  it('reads a file of less than four months by weeks, Monday to Sunday', () => {
    // 2024-01-03 is a Wednesday: its week starts on Monday 2024-01-01; the as-of day is a Saturday.
    const grid = periodGrid(dayOf('2024-01-03'), dayOf('2024-01-20'));
    expect(grid.unit).toBe('week');
    expect(trendPeriods(grid)).toEqual([
      { start: '2024-01-01', end: '2024-01-08', partial: false },
      { start: '2024-01-08', end: '2024-01-15', partial: false },
      { start: '2024-01-15', end: '2024-01-20', partial: true },
    ]);
    expect(grid.periodOf(dayOf('2024-01-07'))).toBe(0);
    expect(grid.periodOf(dayOf('2024-01-08'))).toBe(1);
  });

  it('switches to months at four months exactly: just below, weeks; at four months, months', () => {
    expect(periodGrid(dayOf('2024-01-01'), dayOf('2024-04-30')).unit).toBe('week');
    expect(periodGrid(dayOf('2024-01-01'), dayOf('2024-05-01')).unit).toBe('month');
  });

  it('refuses an as-of day that is not after the first day', () => {
    expect(() => periodGrid(dayOf('2024-01-01'), dayOf('2024-01-01'))).toThrow(RangeError);
  });
});
