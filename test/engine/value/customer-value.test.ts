import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from '../../../lambda/engine/value/bg-nbd-predictions.ts';
import {
  customerLifetimeValue,
  customerLifetimeValues,
  type ValueModels,
} from '../../../lambda/engine/value/customer-value.ts';
import { expectedAverageOrderValue } from '../../../lambda/engine/value/gamma-gamma.ts';
import { cdnowSampleSummary, PUBLISHED_BG_NBD, PUBLISHED_GAMMA_GAMMA } from './cdnow-fits.ts';

const MODELS: ValueModels = { purchases: PUBLISHED_BG_NBD, spend: PUBLISHED_GAMMA_GAMMA };
const CUSTOMER_1 = { x: 2, tx: 30.43, T: 38.86 };
const WEEKS_PER_MONTH = 365.25 / 12 / 7;

describe('customerLifetimeValue', () => {
  it('is, undiscounted, the expected purchases over the horizon times the expected order value', () => {
    const value = customerLifetimeValue(MODELS, CUSTOMER_1, 22.35, { monthlyDiscountRate: 0 });
    const purchases = conditionalExpectedPurchases(PUBLISHED_BG_NBD, CUSTOMER_1, 12 * WEEKS_PER_MONTH);
    expect(value).toBeCloseTo(purchases * expectedAverageOrderValue(PUBLISHED_GAMMA_GAMMA, 2, 22.35), 10);
  });

  it('discounts each month at the monthly rate (default 1%), as lifetimes sums it', () => {
    const orderValue = expectedAverageOrderValue(PUBLISHED_GAMMA_GAMMA, 2, 22.35);
    let byHand = 0;
    for (let month = 1; month <= 12; month++) {
      const inMonth =
        conditionalExpectedPurchases(PUBLISHED_BG_NBD, CUSTOMER_1, month * WEEKS_PER_MONTH) -
        conditionalExpectedPurchases(PUBLISHED_BG_NBD, CUSTOMER_1, (month - 1) * WEEKS_PER_MONTH);
      byHand += (inMonth * orderValue) / 1.01 ** month;
    }
    const value = customerLifetimeValue(MODELS, CUSTOMER_1, 22.35);
    expect(value).toBeCloseTo(byHand, 10);
    expect(value).toBeLessThan(customerLifetimeValue(MODELS, CUSTOMER_1, 22.35, { monthlyDiscountRate: 0 }));
    expect(value).toBeGreaterThan(0);
  });

  it('scales with the margin and grows with the horizon', () => {
    const revenue = customerLifetimeValue(MODELS, CUSTOMER_1, 22.35);
    expect(customerLifetimeValue(MODELS, CUSTOMER_1, 22.35, { margin: 0.3 })).toBeCloseTo(0.3 * revenue, 10);
    expect(customerLifetimeValue(MODELS, CUSTOMER_1, 22.35, { horizonMonths: 24 })).toBeGreaterThan(revenue);
  });

  it('reads t_x and T in the unit given: the same history in days gives the same value', () => {
    const inDays = { x: 2, tx: 30.43 * 7, T: 38.86 * 7 };
    const daysModels = { ...MODELS, purchases: { ...PUBLISHED_BG_NBD, alpha: PUBLISHED_BG_NBD.alpha * 7 } };
    expect(customerLifetimeValue(daysModels, inDays, 22.35, { timeUnit: 'days' })).toBeCloseTo(
      customerLifetimeValue(MODELS, CUSTOMER_1, 22.35),
      10,
    );
  });

  it('scores every CDNOW customer with a finite, non-negative value', () => {
    const values = customerLifetimeValues(MODELS, cdnowSampleSummary());
    expect(values).toHaveLength(2_357);
    expect(values.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
  });

  it('refuses a horizon that is not a whole number of months, and a rate of -100% or less', () => {
    expect(() => customerLifetimeValue(MODELS, CUSTOMER_1, 10, { horizonMonths: 1.5 })).toThrow(
      /whole number/,
    );
    expect(() => customerLifetimeValue(MODELS, CUSTOMER_1, 10, { monthlyDiscountRate: -1 })).toThrow(
      /discount/,
    );
  });
});
