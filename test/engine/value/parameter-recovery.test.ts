// The value models recover the parameters customers were drawn from (tools/bg-nbd-process.ts): the generator
// and the fits check each other, since a bug in either (a dropout never drawn, a rate taken for a scale, a
// wrong likelihood term) moves the fitted parameters far outside their sampling error. Then the generated log
// read back through the engine's own front has the orders and customers that were drawn.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrderColumns } from '../../../lambda/engine/read-order-columns.ts';
import { fitBgNbd } from '../../../lambda/engine/value/bg-nbd-fit.ts';
import { fitGammaGamma } from '../../../lambda/engine/value/gamma-gamma.ts';
import { calibrationColumns, summarisePurchases } from '../../../lambda/engine/value/purchase-summary.ts';
import { writeBgNbdLog } from '../../../tools/bg-nbd-log.ts';
import { CDNOW_PROCESS, drawBgNbdOrders, PERIOD_LAST_DAY } from '../../../tools/bg-nbd-process.ts';
import { AFTER_ALL_DATA } from '../../../tools/real-data.ts';
import { relativeErrors } from './cdnow-fits.ts';

const CUSTOMERS = 20_000;

/**
 * Relative error (fitted / true - 1) of each parameter over 20,000 customers, measured once by hand on 30 seeds
 * (101 to 130): mean and standard deviation. Seeds 1 to 5 gave the same picture (sd r 1.5%, alpha 2.7%, a 4.0%,
 * b 4.3%, p 7.0%, q 2.4%, v 9.4%). r and alpha are biased upwards: 1.5% of repeat purchases fall on the day of
 * the previous one and merge into one purchase day in the summary (as in any real file), which hides mostly heavy
 * buyers' purchases; fitted on the undiscretised draws, alpha's bias drops to about 2%. p and v trade off along a
 * ridge of the spend likelihood, hence their wide spread. The default seed (2005) lands at r +2.8%, alpha +6.5%,
 * a +5.6%, b +12.0%, p +6.1%, q -0.4%, v -5.9%; without the dropout draw, a is off by 100%.
 */
const OBSERVED_ERROR: Record<string, { readonly mean: number; readonly sd: number }> = {
  r: { mean: 0.013, sd: 0.013 },
  alpha: { mean: 0.047, sd: 0.024 },
  a: { mean: -0.011, sd: 0.048 },
  b: { mean: -0.013, sd: 0.066 },
  p: { mean: -0.01, sd: 0.068 },
  q: { mean: 0, sd: 0.024 },
  v: { mean: 0.023, sd: 0.092 },
};
/** A fit passes within its bias and three standard deviations: r 5.2%, alpha 11.9%, a 15.5%, ... v 29.9%. */
const SPREADS_ALLOWED = 3;
const tolerance = (name: string): number => {
  const { mean, sd } = OBSERVED_ERROR[name] as { mean: number; sd: number };
  return Math.abs(mean) + SPREADS_ALLOWED * sd;
};

describe('parameter recovery on 20,000 customers drawn from the published CDNOW parameters', () => {
  const drawn = drawBgNbdOrders(CUSTOMERS);
  const summary = summarisePurchases(drawn.orders, {
    customerCount: CUSTOMERS,
    calibrationEndDay: PERIOD_LAST_DAY,
    timeUnit: 'weeks',
  });
  const columns = calibrationColumns(summary);

  it('draws every customer a first purchase, and about 2.6 orders each', () => {
    expect(columns.rows.length).toBe(CUSTOMERS);
    expect(drawn.orders.count / CUSTOMERS).toBeGreaterThan(2.4);
    expect(drawn.orders.count / CUSTOMERS).toBeLessThan(2.8);
  });

  it('recovers r, alpha, a and b within their sampling error', () => {
    const fit = fitBgNbd(columns);
    expect(fit.converged).toBe(true);
    const errors = relativeErrors({ ...fit.parameters }, { ...CDNOW_PROCESS.purchases });
    for (const [name, error] of Object.entries(errors))
      expect(error, name).toBeLessThanOrEqual(tolerance(name));
  });

  it('recovers p, q and v within their sampling error', () => {
    const fit = fitGammaGamma(columns.x, columns.meanRepeatValue);
    expect(fit.converged).toBe(true);
    const errors = relativeErrors({ ...fit.parameters }, { ...CDNOW_PROCESS.spend });
    for (const [name, error] of Object.entries(errors))
      expect(error, name).toBeLessThanOrEqual(tolerance(name));
    // Spend is drawn independently of the purchase rate, as the model assumes.
    expect(Math.abs(fit.frequencyValueCorrelation)).toBeLessThan(0.05);
  });
});

describe('the generated log, written and read back through the engine', () => {
  it('has the drawn orders and customers: 2,000 customers, gzipped', async () => {
    const customers = 2_000;
    const directory = await mkdtemp(join(tmpdir(), 'bg-nbd-log-'));
    try {
      const path = join(directory, 'bg_nbd.csv.gz');
      const written = await writeBgNbdLog(path, customers);
      const drawn = drawBgNbdOrders(customers);
      const read = await readOrderColumns(createReadStream(path), { sourceName: path, now: AFTER_ALL_DATA });
      expect(written.lines).toBe(drawn.orders.count + 1);
      expect(read.orders.count).toBe(drawn.orders.count);
      expect(read.customerCount).toBe(customers);
      const total = (amounts: Float64Array) => amounts.reduce((sum, amount) => sum + amount, 0);
      expect(total(read.orders.amounts)).toBeCloseTo(total(drawn.orders.amounts), 6);
      expect(Math.max(...read.orders.days)).toBe(Math.max(...drawn.orders.days));
      expect(Math.min(...read.orders.days)).toBe(Math.min(...drawn.orders.days));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
