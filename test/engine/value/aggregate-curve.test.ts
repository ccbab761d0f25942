// The tracking plot (aggregate-curve.ts): expected cumulative repeat purchases of the base against the actual
// ones, by hand on a small base and on the CDNOW sample with the published parameters.
import { describe, expect, it } from 'vitest';
import { aggregateCurve, AGGREGATE_CURVE_POINTS } from '../../../lambda/engine/value/aggregate-curve.ts';
import { expectedPurchasesNewCustomer } from '../../../lambda/engine/value/bg-nbd-predictions.ts';
import { groupInPlace } from '../../../lambda/engine/value/orders-by-customer.ts';
import { summarisePurchases } from '../../../lambda/engine/value/purchase-summary.ts';
import { ordersOf } from './analyze-value-orders.ts';
import { PUBLISHED_BG_NBD } from './cdnow-fits.ts';
import {
  CALIBRATION_END_DAY,
  CDNOW_SAMPLE_CUSTOMERS,
  cdnowSampleLines,
  ordersFromLines,
} from './cdnow-sample.ts';

const PARAMETERS = { r: 0.5, alpha: 10, a: 0.8, b: 2.5 };
const DAY = Date.UTC(2024, 0, 1) / 86_400_000;

describe('aggregateCurve', () => {
  it('sums E[X] from each first purchase, and counts distinct repeat purchase days', () => {
    // Customer 0 starts on day 0 and comes back on day 3 (twice that day) and day 5; customer 1 starts on day 2.
    const orders = groupInPlace(
      ordersOf([
        [0, DAY, 10],
        [0, DAY + 3, 5],
        [0, DAY + 3, 5],
        [1, DAY + 2, 7],
        [0, DAY + 5, 1],
      ]),
      2,
    );
    const curve = aggregateCurve(orders, PARAMETERS, { lastDay: DAY + 6, horizonDays: 3, timeUnit: 'days' });
    const byDay = new Map(curve?.points.map((point) => [point.day, point]));
    expect(curve?.lastDaySeen).toBe('2024-01-07');
    expect(curve?.points).toHaveLength(10);
    const at = (offset: number) =>
      byDay.get(new Date((DAY + offset) * 86_400_000).toISOString().slice(0, 10));
    expect(at(2)?.actual).toBe(0);
    expect(at(3)?.actual).toBe(1);
    expect(at(6)?.actual).toBe(2);
    expect(at(9)?.actual).toBeNull();
    const expectedAt = (offset: number) =>
      expectedPurchasesNewCustomer(PARAMETERS, offset) +
      (offset >= 2 ? expectedPurchasesNewCustomer(PARAMETERS, offset - 2) : 0);
    for (const offset of [0, 1, 2, 5, 9]) expect(at(offset)?.expected).toBeCloseTo(expectedAt(offset), 12);
  });

  it('keeps to at most about AGGREGATE_CURVE_POINTS points, always with the last day seen and the last day', () => {
    const orders = groupInPlace(
      ordersOf([
        [0, DAY, 1],
        [0, DAY + 400, 1],
      ]),
      1,
    );
    const curve = aggregateCurve(orders, PARAMETERS, {
      lastDay: DAY + 400,
      horizonDays: 365,
      timeUnit: 'weeks',
    });
    const points = curve?.points ?? [];
    expect(points.length).toBeLessThanOrEqual(AGGREGATE_CURVE_POINTS + 2);
    expect(points.some((point) => point.day === curve?.lastDaySeen)).toBe(true);
    expect(points.at(-1)?.day).toBe(new Date((DAY + 765) * 86_400_000).toISOString().slice(0, 10));
    for (let index = 1; index < points.length; index++) {
      expect(points[index]?.expected).toBeGreaterThanOrEqual(points[index - 1]?.expected ?? Number.NaN);
    }
  });

  it('has no curve without an order by the last day', () => {
    const orders = groupInPlace(ordersOf([[0, DAY + 10, 1]]), 1);
    expect(
      aggregateCurve(orders, PARAMETERS, { lastDay: DAY, horizonDays: 30, timeUnit: 'weeks' }),
    ).toBeNull();
  });

  it('on the CDNOW sample with the published parameters, tracks the actual repeat purchases over calibration', () => {
    const orders = groupInPlace(ordersFromLines(cdnowSampleLines()), CDNOW_SAMPLE_CUSTOMERS);
    const curve = aggregateCurve(orders, PUBLISHED_BG_NBD, {
      lastDay: CALIBRATION_END_DAY,
      horizonDays: 273,
      timeUnit: 'weeks',
    });
    const summary = summarisePurchases(orders, {
      customerCount: CDNOW_SAMPLE_CUSTOMERS,
      calibrationEndDay: CALIBRATION_END_DAY,
    });
    const repeatTotal = summary.x.reduce((sum, x) => sum + x, 0);
    const atEnd = curve?.points.find((point) => point.day === '1997-09-30');
    expect(atEnd?.actual).toBe(repeatTotal);
    // The published fit's aggregate over the 39 calibration weeks: within 2% of what happened (Fader, Hardie &
    // Lee 2005, figure 2), and 1,654 more expected in the 39 weeks after (bg-nbd-predictions.test.ts).
    expect(Math.abs((atEnd?.expected ?? 0) / repeatTotal - 1)).toBeLessThan(0.02);
  });
});
