// The backtest on the CDNOW sample with the published split (calibration to 1997-09-30, a 39-week holdout), and
// each way it withholds the predictions on small synthetic order columns.
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from '../../../lambda/engine/value/bg-nbd-predictions.ts';
import { runBacktest, type ValueBacktest } from '../../../lambda/engine/value/backtest.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';
import { MIN_REPEAT_CUSTOMERS } from '../../../lambda/engine/value/value-verdict.ts';
import { PUBLISHED_BG_NBD, relativeErrors, UNROUNDED_BG_NBD } from './cdnow-fits.ts';
import {
  CALIBRATION_END_DAY,
  CDNOW_SAMPLE_CUSTOMERS,
  cdnowSampleLines,
  dayOf,
  OBSERVATION_END_DAY,
  ordersFromLines,
  publishedSummaryRows,
} from './cdnow-sample.ts';
import { ordersOf } from './analyze-value-orders.ts';

/** The published split: the 273 days (39 weeks) from 1997-10-01 to 1998-06-30 held out. */
const PUBLISHED_HOLDOUT_DAYS = OBSERVATION_END_DAY - CALIBRATION_END_DAY;

describe('runBacktest on the CDNOW sample with the published split (39 weeks held out)', () => {
  const lines = cdnowSampleLines();
  const backtest = runBacktest(ordersFromLines(lines), CDNOW_SAMPLE_CUSTOMERS, {
    holdoutDays: PUBLISHED_HOLDOUT_DAYS,
  });
  const purchases = backtest.purchases as NonNullable<ValueBacktest['purchases']>;

  it('cuts at 1997-09-30 with a 39-week holdout and compares all 2,357 customers, 946 of them repeat', () => {
    expect(backtest.split).toMatchObject({
      firstPurchase: '1997-01-01',
      calibrationEnd: '1997-09-30',
      lastPurchase: '1998-06-30',
      holdoutDays: 273,
      holdoutLength: 39,
      timeUnit: 'weeks',
    });
    expect(backtest.calibrationCustomers).toBe(2_357);
    expect(backtest.repeatCustomers).toBe(946);
  });

  it('fits the published BG/NBD parameters on calibration (each within 0.5%)', () => {
    const parameters = backtest.purchaseModel?.parameters ?? { r: 0, alpha: 0, a: 0, b: 0 };
    for (const error of Object.values(relativeErrors({ ...parameters }, PUBLISHED_BG_NBD))) {
      expect(error).toBeLessThan(0.005);
    }
  });

  it('predicts the total the published model predicts: the sum of E[X(39) | x, t_x, T] (within 0.1%)', () => {
    const published = publishedSummaryRows().reduce(
      (sum, row) =>
        sum +
        conditionalExpectedPurchases(
          UNROUNDED_BG_NBD,
          { x: Number(row.x), tx: Number(row.tx), T: Number(row.T) },
          39,
        ),
      0,
    );
    expect(purchases.predictedTotal / published - 1).toBeLessThan(0.001);
    expect(published / purchases.predictedTotal - 1).toBeLessThan(0.001);
  });

  it('counts the actual holdout purchase days as a plain count of distinct (customer, day) pairs does: 1,882', () => {
    const orders = ordersFromLines(lines);
    const pairs = new Set<string>();
    orders.customers.forEach((customer, order) => {
      const day = orders.days[order] as number;
      if (day > CALIBRATION_END_DAY) pairs.add(`${customer}:${day}`);
    });
    expect(purchases.actualTotal).toBe(pairs.size);
    expect(purchases.actualTotal).toBe(1_882);
  });

  it('predicts 1,653 purchases for 1,882 actual (12% under, within 20%) and beats the baseline (MAE 0.79 vs 1.02)', () => {
    expect(purchases.predictedTotal).toBeCloseTo(1_653.4, 0);
    expect(Math.abs(purchases.predictedTotal / purchases.actualTotal - 1)).toBeLessThan(0.2);
    expect(purchases.modelMae).toBeCloseTo(0.785, 3);
    expect(purchases.baselineMae).toBeCloseTo(1.024, 3);
    expect(purchases.maeRatio).toBeLessThan(0.8);
    expect(backtest.verdict.status).toBe('shown');
  });

  it('bins the customers by calibration repeat purchases as the published summary does (0 .. 7+)', () => {
    const published = Array.from({ length: 8 }, () => 0);
    for (const row of publishedSummaryRows()) published[Math.min(Number(row.x), 7)]! += 1;
    expect(purchases.byRepeatPurchases.map((row) => row.customers)).toEqual(published);
    expect(published).toEqual([1_411, 439, 214, 100, 62, 38, 29, 64]);
    expect(purchases.byRepeatPurchases.map((row) => row.orMore)).toEqual([...Array(7).fill(false), true]);
  });

  it('is nearer the actual mean than the baseline on every row, as in Fader, Hardie & Lee Figure 4', () => {
    for (const row of purchases.byRepeatPurchases) {
      const actual = row.meanActual as number;
      expect(Math.abs((row.meanPredicted as number) - actual)).toBeLessThan(
        Math.abs((row.meanBaseline as number) - actual),
      );
    }
    expect(purchases.byRepeatPurchases[0]).toMatchObject({ meanBaseline: 0 });
    expect(purchases.byRepeatPurchases[0]?.meanActual).toBeCloseTo(0.237, 3);
    expect(purchases.byRepeatPurchases[0]?.meanPredicted).toBeCloseTo(0.225, 3);
  });

  it('fits the published Gamma-Gamma on calibration and predicts holdout revenue within 20% (59,932 for 70,976)', () => {
    expect(backtest.spend?.parameters.p).toBeCloseTo(6.25, 2);
    expect(backtest.spend?.customersFitted).toBe(946);
    expect(backtest.spend?.actualRevenue).toBeCloseTo(70_976.39, 2);
    expect(Math.abs((backtest.spend?.predictedRevenue ?? 0) / 70_976.39 - 1)).toBeLessThan(0.2);
  });

  it('is plain data: the same after a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(backtest))).toEqual(backtest);
  });
});

describe('runBacktest with the default split on the CDNOW sample', () => {
  it('holds out the last quarter, 136 of the 545 days, and still beats the baseline', () => {
    const backtest = runBacktest(ordersFromLines(cdnowSampleLines()), CDNOW_SAMPLE_CUSTOMERS);
    expect(backtest.split).toMatchObject({
      historyDays: 545,
      holdoutDays: 136,
      calibrationEnd: '1998-02-14',
    });
    expect(backtest.purchases?.maeRatio).toBeLessThan(1);
    expect(backtest.verdict.status).toBe('shown');
  });
});

describe('runBacktest withholds the predictions', () => {
  const start = dayOf('20230101');

  it('on a 60-day file: too-short, nothing fitted', () => {
    const entries = Array.from(
      { length: 400 },
      (_, order) => [order % 200, start + (order % 61), 10] as const,
    );
    const backtest = runBacktest(ordersOf(entries), 200);
    expect(backtest.split.historyDays).toBe(60);
    expect(backtest.verdict).toMatchObject({ status: 'withheld', reason: 'too-short' });
    expect(backtest.verdict.note).toContain('60 days');
    expect(backtest).toMatchObject({ purchaseModel: null, purchases: null, spend: null });
  });

  it('on a year-long file with a 20-day holdout: too-short', () => {
    const entries = Array.from(
      { length: 2_000 },
      (_, order) => [order % 300, start + (order % 366), 10] as const,
    );
    const backtest = runBacktest(ordersOf(entries), 300, { holdoutDays: 20 });
    expect(backtest.repeatCustomers).toBeGreaterThanOrEqual(MIN_REPEAT_CUSTOMERS);
    expect(backtest.verdict).toMatchObject({ status: 'withheld', reason: 'too-short' });
  });

  it('when every customer bought once: too-few-repeat-customers', () => {
    const entries = Array.from(
      { length: 1_000 },
      (_, customer) => [customer, start + (customer % 366), 10] as const,
    );
    const backtest = runBacktest(ordersOf(entries), 1_000);
    expect(backtest.repeatCustomers).toBe(0);
    expect(backtest.verdict).toMatchObject({ status: 'withheld', reason: 'too-few-repeat-customers' });
    expect(backtest.verdict.note).toContain('only 0 customers');
    expect(backtest.purchaseModel).toBeNull();
  });

  it(`with ${MIN_REPEAT_CUSTOMERS - 1} repeat customers among 1,000: too-few-repeat-customers`, () => {
    const entries = Array.from(
      { length: 1_000 },
      (_, customer) => [customer, start + (customer % 200), 10] as const,
    );
    const repeats = Array.from(
      { length: MIN_REPEAT_CUSTOMERS - 1 },
      (_, customer) => [customer, start + 250, 10] as const,
    );
    const backtest = runBacktest(ordersOf([...entries, ...repeats, [999, start + 365, 10]]), 1_000);
    expect(backtest.repeatCustomers).toBe(MIN_REPEAT_CUSTOMERS - 1);
    expect(backtest.verdict).toMatchObject({ status: 'withheld', reason: 'too-few-repeat-customers' });
  });

  it('when customers buy like clockwork and never leave: no-better-than-baseline (ratio 1.47)', () => {
    // BG/NBD assumes Poisson purchases and dropout; a customer who buys every p days for ever is the naive
    // baseline's world, and the model, which shrinks each rate and allows dropout, misses more.
    const backtest = runBacktest(
      clockworkOrders((customer, order) => 5 + (customer % 17) * 3 + (order % 3)),
      350,
    );
    expect(backtest.repeatCustomers).toBe(350);
    expect(backtest.purchases?.maeRatio).toBeGreaterThan(1.2);
    expect(backtest.verdict).toMatchObject({ status: 'withheld', reason: 'no-better-than-baseline' });
    expect(backtest.verdict.note).toContain('no better than assuming each keeps their past rate');
  });

  it('when every customer spends about the same: the spend model fails alone, the purchase figures and verdict stay', () => {
    const backtest = runBacktest(
      clockworkOrders((_, order) => 10 + (order % 5)),
      350,
    );
    expect(backtest.spendFailure).toContain('spend model');
    expect(backtest.verdict).not.toMatchObject({ reason: 'fit-failed' });
    expect(backtest.spend).toBeNull();
    expect(backtest.purchases?.customers).toBe(350);
  });
});

/** 350 customers buying every 3, 5, 7, 10, 14, 21 or 30 days from a first day in 0 .. 59 to day 400. */
function clockworkOrders(amountOf: (customer: number, order: number) => number): OrderColumns {
  const periods = [3, 5, 7, 10, 14, 21, 30];
  const entries: [number, number, number][] = [];
  for (let customer = 0; customer < 350; customer++) {
    const period = periods[customer % periods.length] as number;
    for (let day = (customer * 13) % 60; day <= 400; day += period) {
      entries.push([customer, day, amountOf(customer, entries.length)]);
    }
  }
  return ordersOf(entries);
}
