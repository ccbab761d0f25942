import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLDOUT_SHARE, splitHistory } from '../../../lambda/engine/value/backtest-split.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';

/** One order per day given, customer 0, value 1. */
const onDays = (...days: number[]): OrderColumns => ({
  count: days.length,
  customers: new Int32Array(days.length),
  days: Int32Array.from(days),
  amounts: new Float64Array(days.length).fill(1),
});

describe('splitHistory', () => {
  it('holds out a quarter of the first-to-last span by default, rounded: 545 days -> 136, whatever the order', () => {
    expect(DEFAULT_HOLDOUT_SHARE).toBe(0.25);
    expect(splitHistory(onDays(1_000, 1_545, 1_200))).toEqual({
      firstDay: 1_000,
      calibrationEndDay: 1_409,
      lastDay: 1_545,
      historyDays: 545,
      holdoutDays: 136,
    });
    expect(splitHistory(onDays(0, 366)).holdoutDays).toBe(92);
  });

  it('takes a given holdout, counted back from the last order day', () => {
    expect(splitHistory(onDays(0, 545), { holdoutDays: 273 })).toMatchObject({
      calibrationEndDay: 272,
      holdoutDays: 273,
    });
  });

  it('refuses a holdout longer than the history, a fractional one, and no orders at all', () => {
    expect(() => splitHistory(onDays(0, 100), { holdoutDays: 101 })).toThrow(
      /between 0 and the 100 of history/,
    );
    expect(() => splitHistory(onDays(0, 100), { holdoutDays: 10.5 })).toThrow(RangeError);
    expect(() => splitHistory(onDays())).toThrow(/at least one order/);
  });
});
