import { describe, expect, it } from 'vitest';
import {
  calibrationColumns,
  summarisePurchases,
  type OrderColumns,
} from '../../../lambda/engine/value/purchase-summary.ts';
import { shuffle } from '../../support/shuffle.ts';
import {
  CALIBRATION_END_DAY,
  CDNOW_SAMPLE_CUSTOMERS,
  cdnowSampleLines,
  OBSERVATION_END_DAY,
  ordersFromLines,
  publishedSummaryRows,
} from './cdnow-sample.ts';

/** Decimal rounding half up, as the published table was printed (22.345 -> 22.35 although 22.345 is stored as 22.34499...). */
const halfUp2 = (value: number): string => (Math.floor(value * 100 + 0.5 + 1e-9) / 100).toFixed(2);

const orders = (rows: readonly [customer: number, day: number, amount: number][]): OrderColumns => ({
  count: rows.length,
  customers: Int32Array.from(rows, ([customer]) => customer),
  days: Int32Array.from(rows, ([, day]) => day),
  amounts: Float64Array.from(rows, ([, , amount]) => amount),
});

describe('summarisePurchases', () => {
  it('reproduces the published CDNOW summary for all 2,357 customers (x exactly, t_x, T, zbar to 2 decimals)', () => {
    const summary = summarisePurchases(ordersFromLines(cdnowSampleLines()), {
      customerCount: CDNOW_SAMPLE_CUSTOMERS,
      calibrationEndDay: CALIBRATION_END_DAY,
      observationEndDay: OBSERVATION_END_DAY,
    });
    const rows = publishedSummaryRows();
    expect(rows).toHaveLength(CDNOW_SAMPLE_CUSTOMERS);
    const ours = rows.map((_, index) => ({
      id: index + 1,
      x: String(summary.x[index]),
      tx: halfUp2(summary.tx[index] as number),
      T: halfUp2(summary.T[index] as number),
      zbar: halfUp2(summary.meanRepeatValue[index] as number),
    }));
    expect(ours).toEqual(rows);
    expect(summary.inCalibration.every((flag) => flag === 1)).toBe(true);
    expect(summary.x.filter((x) => x > 0)).toHaveLength(946);
  });

  it('merges same-day orders, keeps the first purchase out of the mean, and counts the holdout apart', () => {
    // Customer 0: day 10 (two orders, 5 + 7), day 17 (20), day 24 (two orders, 10 + 30); holdout day 40 (two
    // orders, 3 + 4) and day 45 (6); day 60 is after the observation end. Calibration ends on day 31.
    const summary = summarisePurchases(
      orders([
        [0, 24, 10],
        [0, 10, 5],
        [0, 45, 6],
        [0, 17, 20],
        [0, 40, 3],
        [0, 10, 7],
        [0, 60, 100],
        [0, 24, 30],
        [0, 40, 4],
      ]),
      { customerCount: 1, calibrationEndDay: 31, observationEndDay: 50, timeUnit: 'days' },
    );
    expect(summary.x[0]).toBe(2);
    expect(summary.tx[0]).toBe(14);
    expect(summary.T[0]).toBe(21);
    expect(summary.meanRepeatValue[0]).toBe((20 + 40) / 2);
    expect(summary.holdoutPurchases[0]).toBe(2);
    expect(summary.holdoutValue[0]).toBe(13);
  });

  it('marks customers first seen after the calibration end, and leaves customers without orders empty', () => {
    const summary = summarisePurchases(
      orders([
        [0, 5, 10],
        [2, 40, 8],
        [2, 41, 9],
      ]),
      { customerCount: 3, calibrationEndDay: 19, observationEndDay: 60, timeUnit: 'weeks' },
    );
    expect(Array.from(summary.inCalibration)).toEqual([1, 0, 0]);
    expect([summary.x[0], summary.tx[0], summary.T[0], summary.meanRepeatValue[0]]).toEqual([0, 0, 2, 0]);
    expect([summary.x[2], summary.T[2], summary.holdoutPurchases[2], summary.holdoutValue[2]]).toEqual([
      0, 0, 2, 17,
    ]);
    expect([summary.holdoutPurchases[1], summary.holdoutValue[1]]).toEqual([0, 0]);
    const fitted = calibrationColumns(summary);
    expect(Array.from(fitted.rows)).toEqual([0]);
    expect([fitted.x[0], fitted.T[0]]).toEqual([0, 2]);
  });

  it('measures times in days, weeks (7 days) or months (365.25 / 12 days)', () => {
    const twoDays = orders([
      [0, 0, 1],
      [0, 61, 1],
    ]);
    const options = { customerCount: 1, calibrationEndDay: 61 };
    expect(summarisePurchases(twoDays, { ...options, timeUnit: 'days' }).tx[0]).toBe(61);
    expect(summarisePurchases(twoDays, options).tx[0]).toBeCloseTo(61 / 7, 12);
    expect(summarisePurchases(twoDays, { ...options, timeUnit: 'months' }).tx[0]).toBeCloseTo(
      61 / 30.4375,
      12,
    );
  });

  it('gives the same summary whatever the order of the transactions', () => {
    const lines = cdnowSampleLines();
    const options = {
      customerCount: CDNOW_SAMPLE_CUSTOMERS,
      calibrationEndDay: CALIBRATION_END_DAY,
      observationEndDay: OBSERVATION_END_DAY,
    };
    const original = summarisePurchases(ordersFromLines(lines), options);
    const shuffled = summarisePurchases(ordersFromLines(shuffle(lines, 20_261_130)), options);
    for (const column of ['x', 'tx', 'T', 'holdoutPurchases'] as const) {
      expect(shuffled[column]).toEqual(original[column]);
    }
    shuffled.meanRepeatValue.forEach((value, index) => {
      expect(value).toBeCloseTo(original.meanRepeatValue[index] as number, 9);
    });
  });

  it('refuses a customer index outside the base and an observation end before the calibration end', () => {
    expect(() => summarisePurchases(orders([[3, 0, 1]]), { customerCount: 2, calibrationEndDay: 5 })).toThrow(
      /customer index 3/,
    );
    expect(() =>
      summarisePurchases(orders([[0, 0, 1]]), {
        customerCount: 1,
        calibrationEndDay: 5,
        observationEndDay: 4,
      }),
    ).toThrow(/observation end/);
  });
});
