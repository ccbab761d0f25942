// Orders grouped once by customer, then day (orders-by-customer.ts), and the summaries that read them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedCopy, groupInPlace, isGroupedFor } from '../../../lambda/engine/value/orders-by-customer.ts';
import { summarisePurchases } from '../../../lambda/engine/value/purchase-summary.ts';
import { entriesOf, ordersOf } from './analyze-value-orders.ts';

describe('groupInPlace', () => {
  it('sorts by customer then day, keeping the order of equal keys, and gives each customer its range', () => {
    const orders = ordersOf([
      [2, 10, 1],
      [0, 12, 2],
      [2, 3, 3],
      [0, 12, 4],
      [0, 5, 5],
    ]);
    const grouped = groupInPlace(orders, 4);
    expect(entriesOf(grouped)).toEqual([
      [0, 5, 5],
      [0, 12, 2],
      [0, 12, 4],
      [2, 3, 3],
      [2, 10, 1],
    ]);
    expect([...grouped.offsets]).toEqual([0, 3, 3, 5, 5]);
    expect(entriesOf(orders)).toEqual(entriesOf(grouped));
    expect(isGroupedFor(grouped, 4)).toBe(true);
    expect(isGroupedFor(orders, 4)).toBe(false);
    expect(isGroupedFor(grouped, 5)).toBe(false);
  });

  it('reads only the first `count` entries of longer columns, and refuses a customer out of range', () => {
    const longer = {
      ...ordersOf([
        [1, 2, 3],
        [0, 9, 1],
        [5, 0, 0],
      ]),
      count: 2,
    };
    expect([...groupInPlace(longer, 2).offsets]).toEqual([0, 1, 2]);
    expect(() => groupInPlace(ordersOf([[3, 1, 1]]), 2)).toThrow(RangeError);
    expect(() => groupInPlace(ordersOf([[-1, 1, 1]]), 2)).toThrow(/outside 0\.\.1/);
  });

  it('groupedCopy leaves the orders as they were', () => {
    const orders = ordersOf([
      [1, 4, 1],
      [0, 2, 2],
    ]);
    const copy = groupedCopy(orders, 2);
    expect(entriesOf(orders)).toEqual([
      [1, 4, 1],
      [0, 2, 2],
    ]);
    expect(entriesOf(copy)).toEqual([
      [0, 2, 2],
      [1, 4, 1],
    ]);
  });

  it('summarises as a plain count of distinct days would, whatever the order of the entries', () => {
    const entry = fc.tuple(fc.nat(9), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10_000 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 80 }), (entries) => {
        const options = {
          customerCount: 10,
          calibrationEndDay: 40,
          observationEndDay: 55,
          timeUnit: 'days' as const,
        };
        const summary = summarisePurchases(groupInPlace(ordersOf(entries), 10), options);
        for (let customer = 0; customer < 10; customer++) {
          const days = entries.filter(([who]) => who === customer).map(([, day]) => day);
          const calibration = [...new Set(days.filter((day) => day <= 40))].sort((a, b) => a - b);
          const holdout = new Set(days.filter((day) => day > 40 && day <= 55));
          expect(summary.holdoutPurchases[customer]).toBe(holdout.size);
          if (calibration.length === 0) {
            expect(summary.inCalibration[customer]).toBe(0);
            continue;
          }
          const first = calibration[0] as number;
          expect(summary.x[customer]).toBe(calibration.length - 1);
          expect(summary.tx[customer]).toBe((calibration.at(-1) as number) - first);
          expect(summary.T[customer]).toBe(40 - first);
        }
      }),
      { numRuns: 200, seed: 12 },
    );
  });
});
