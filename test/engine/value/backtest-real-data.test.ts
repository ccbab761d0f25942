// The backtest on the two full real files, read through the engine's own reading (so its cleaning applies), with
// the default split (the last quarter held out). CDNOW: the model beats the naive baseline and its predictions are
// shown. Online Retail: it does not (the holdout, September to December 2011, is the Christmas peak that a
// stationary model cannot foresee), so the test asserts that its predictions are withheld with the reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type ValueBacktest } from '../../../lambda/engine/value/backtest.ts';
import { CDNOW, ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { readOrdersOfFile } from './engine-orders.ts';

let cdnow: ValueBacktest;
let onlineRetail: ValueBacktest;
let cdnowCustomers = 0;
let onlineRetailCustomers = 0;

beforeAll(async () => {
  const cdnowOrders = await readOrdersOfFile(CDNOW);
  cdnowCustomers = cdnowOrders.customerCount;
  cdnow = runBacktest(cdnowOrders.orders, cdnowOrders.customerCount);
  const retailOrders = await readOrdersOfFile(ONLINE_RETAIL);
  onlineRetailCustomers = retailOrders.customerCount;
  onlineRetail = runBacktest(retailOrders.orders, retailOrders.customerCount);
}, 60_000);

/** |a / b - 1|. */
const relativeGap = (a: number, b: number) => Math.abs(a / b - 1);

describe('the backtest on the full CDNOW master (23,570 customers; 23,502 once lines of 0.00 are cleaned out)', () => {
  it('reads the 23,502 customers with a positive purchase (68 have only lines of value 0.00) and compares all', () => {
    expect(cdnowCustomers).toBe(23_502);
    expect(cdnow.calibrationCustomers).toBe(23_502);
    expect(cdnow.split).toMatchObject({
      holdoutDays: 136,
      calibrationEnd: '1998-02-14',
      lastPurchase: '1998-06-30',
    });
    expect(cdnow.repeatCustomers).toBe(10_775);
  });

  it('beats the naive baseline (MAE 0.420 vs 0.486, ratio 0.86) and predicts the total within 20% (8,731 vs 9,423)', () => {
    const purchases = cdnow.purchases as NonNullable<ValueBacktest['purchases']>;
    expect(purchases.maeRatio).toBeLessThan(0.9);
    expect(purchases.modelMae).toBeCloseTo(0.42, 2);
    expect(relativeGap(purchases.predictedTotal, purchases.actualTotal)).toBeLessThan(0.1);
    // The baseline, which cannot see dropout, overshoots the total by a third.
    expect(purchases.baselineTotal / purchases.actualTotal).toBeGreaterThan(1.3);
    expect(cdnow.verdict.status).toBe('shown');
  });

  it('tracks the actual mean of every row 0 .. 7+ more closely than the baseline', () => {
    for (const row of cdnow.purchases?.byRepeatPurchases ?? []) {
      const actual = row.meanActual as number;
      expect(Math.abs((row.meanPredicted as number) - actual)).toBeLessThan(
        Math.abs((row.meanBaseline as number) - actual),
      );
    }
  });

  it('predicts the holdout revenue within 10% (338,169 vs 364,707)', () => {
    expect(relativeGap(cdnow.spend?.predictedRevenue ?? 0, cdnow.spend?.actualRevenue ?? 1)).toBeLessThan(
      0.1,
    );
  });
});

describe('the backtest on Online Retail (4,338 customers after cleaning)', () => {
  it('holds out 2011-09-08 .. 2011-12-09 and compares the 3,357 customers first seen before', () => {
    expect(onlineRetailCustomers).toBe(4_338);
    expect(onlineRetail.split).toMatchObject({ holdoutDays: 93, calibrationEnd: '2011-09-07' });
    expect(onlineRetail.calibrationCustomers).toBe(3_357);
    expect(onlineRetail.repeatCustomers).toBe(1_934);
  });

  it('does not beat the baseline (MAE 0.956 vs 0.934), so its predictions are withheld with the note', () => {
    const purchases = onlineRetail.purchases as NonNullable<ValueBacktest['purchases']>;
    expect(purchases.maeRatio).toBeGreaterThanOrEqual(1);
    expect(purchases.maeRatio).toBeLessThan(1.1);
    expect(onlineRetail.verdict).toMatchObject({ status: 'withheld', reason: 'no-better-than-baseline' });
    expect(onlineRetail.verdict.note).toMatch(/^Predictions withheld: .* 0\.96 .* \(0\.93\)\.$/);
  });

  it('under-predicts the peak: 3,424 purchases for 4,567 actual (25% under), and the figures stay for the reader', () => {
    const purchases = onlineRetail.purchases as NonNullable<ValueBacktest['purchases']>;
    expect(purchases.predictedTotal / purchases.actualTotal).toBeGreaterThan(0.7);
    expect(purchases.predictedTotal / purchases.actualTotal).toBeLessThan(0.8);
    expect(onlineRetail.purchaseModel).not.toBeNull();
  });
});
