// analyzeValue and withValueGroups on their own, on small synthetic order sets (analyze-value-orders.ts: a seeded
// BG/NBD purchase process the model beats the baseline on): each way the predictions are withheld, the as-of
// day's cut, the spend model failing alone, the shown figures and their settings, the correlation note, and the
// value at stake per group.
import { describe, expect, it } from 'vitest';
import {
  analyzeValue,
  HIGH_FREQUENCY_VALUE_CORRELATION,
  type ValueOutcome,
} from '../../../lambda/engine/value/analyze-value.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';
import type { GroupAssignment } from '../../../lambda/engine/value/value-groups.ts';
import {
  LIKELY_LOST_BELOW,
  type ValueAnalysis,
  type ValueColumns,
} from '../../../lambda/engine/value/value-result.ts';
import {
  MIN_HISTORY_DAYS,
  MIN_HOLDOUT_DAYS,
  MIN_REPEAT_CUSTOMERS,
} from '../../../lambda/engine/value/value-verdict.ts';
import { withValueGroups } from '../../../lambda/engine/value/with-value-groups.ts';
import {
  entriesOf,
  generateOrders,
  ordersOf,
  ordersWhere,
  type PurchaseProcess,
  withAmounts,
} from './analyze-value-orders.ts';

/** 2022-01-01 as a day number. */
const START = Date.UTC(2022, 0, 1) / 86_400_000;
/** 1,500 customers acquired over 200 days, orders up to 540 days after START (2023-06-25). */
const PROCESS: PurchaseProcess = {
  customers: 1_500,
  firstDay: START,
  acquisitionDays: 200,
  historyDays: 540,
  seed: 1,
};
const ORDERS = generateOrders(PROCESS);
const LAST_ORDER_DAY = Math.max(...ORDERS.days);
/** The day after the last order: every order is seen. */
const AFTER_ALL = LAST_ORDER_DAY + 1;

const FIGURE_COLUMNS = [
  'probabilityAlive',
  'expectedPurchases',
  'expectedOrderValue',
  'clv',
  'probabilityHighValue',
] as const;

const WITHHELD_FIGURES = {
  purchaseModel: null,
  spendModel: null,
  highValue: null,
  customersScored: 0,
  totalPredictedValue: null,
  customersLikelyLost: null,
  probabilityAliveDistribution: null,
  segments: [],
  clusters: [],
};

const CORRELATION_NOTE = /^Purchase frequency and order value are correlated/;

function columnsOf(outcome: ValueOutcome): ValueColumns {
  if (outcome.columns === null) throw new Error('expected shown predictions');
  return outcome.columns;
}

/** The value computed on first use: a throw fails the tests that use it, not the whole file. */
function once<Value>(compute: () => Value): () => Value {
  let value: { computed: Value } | undefined;
  return () => (value ??= { computed: compute() }).computed;
}

/** withValueGroups' analysis, every segment counted as engaged (the priorities are not tested here). */
function grouped(
  outcome: ValueOutcome,
  segments: GroupAssignment,
  clusters: GroupAssignment | null,
): ValueAnalysis {
  const engaged = segments.keys.map(() => true);
  return withValueGroups(outcome, { ...segments, engaged }, clusters).analysis;
}

/** The customers with at least one order before `asOfDay`, counted by hand. */
function customersBefore(orders: OrderColumns, asOfDay: number): number {
  return new Set(entriesOf(orders).flatMap(([customer, day]) => (day < asOfDay ? [customer] : []))).size;
}

/** The rows whose P(alive) is a number. */
function scoredRows(columns: ValueColumns): number[] {
  return [...columns.probabilityAlive.keys()].filter((row) => !Number.isNaN(columns.probabilityAlive[row]));
}

describe('analyzeValue with no order before the as-of day', () => {
  const run = once(() => analyzeValue({ orders: ORDERS, customerCount: PROCESS.customers, asOfDay: START }));

  it('withholds too-short, with no column and no figure, the note saying the file covers 0 days', () => {
    const outcome = run();
    const { analysis } = outcome;
    const note =
      'Predictions withheld: the file covers 0 days of purchases with a 0-day check period; checking the model ' +
      `against what customers did needs at least ${MIN_HISTORY_DAYS} days, with at least ${MIN_HOLDOUT_DAYS} ` +
      'held back.';
    expect(outcome.columns).toBeNull();
    expect(analysis.verdict).toEqual({ status: 'withheld', reason: 'too-short', note });
    expect(analysis.notes).toEqual([note]);
    expect(analysis).toMatchObject({ ...WITHHELD_FIGURES, lastDaySeen: '2021-12-31', basis: 'revenue' });
    expect(analysis.backtest).toMatchObject({
      calibrationCustomers: 0,
      repeatCustomers: 0,
      purchaseModel: null,
      purchases: null,
      spend: null,
      spendFailure: null,
      verdict: analysis.verdict,
    });
    expect(analysis.backtest.split).toMatchObject({ historyDays: 0, holdoutDays: 0, timeUnit: 'weeks' });
  });

  it('is the same on an empty order set, and keeps the time unit asked for', () => {
    const empty = ordersOf([]);
    const again = analyzeValue(
      { orders: empty, customerCount: 3, asOfDay: AFTER_ALL },
      { timeUnit: 'days', margin: 0.5 },
    );
    expect(again.columns).toBeNull();
    expect(again.analysis).toMatchObject({ ...WITHHELD_FIGURES, basis: 'margin', timeUnit: 'days' });
    expect(again.analysis.verdict).toEqual(run().analysis.verdict);
    expect(again.analysis.backtest.split.timeUnit).toBe('days');
  });

  it('still counts every customer of a group, with null figures', () => {
    const groups = grouped(run(), { keys: ['a', 'b'], groupOfRow: [0, 1, 1, 5, -1] }, null);
    expect(groups.segments).toEqual([
      {
        key: 'a',
        customers: 1,
        predictedValue: null,
        customersLikelyLost: null,
        valueIfRetained: null,
        meanProbabilityAlive: null,
      },
      {
        key: 'b',
        customers: 2,
        predictedValue: null,
        customersLikelyLost: null,
        valueIfRetained: null,
        meanProbabilityAlive: null,
      },
    ]);
    expect(groups.clusters).toEqual([]);
  });
});

describe('analyzeValue with the as-of day before the last purchase', () => {
  const asOfDay = START + 400; // 2023-02-05
  const cut = ordersWhere(ORDERS, (day) => day < asOfDay);
  const run = once(() => analyzeValue({ orders: ORDERS, customerCount: PROCESS.customers, asOfDay }));

  it('ignores the orders on or after the as-of day: the result is the one on the orders cut by hand', () => {
    const outcome = run();
    expect(entriesOf(ORDERS).some(([, day]) => day === asOfDay)).toBe(true);
    expect(cut.count).toBeLessThan(ORDERS.count);
    const byHand = analyzeValue({ orders: cut, customerCount: PROCESS.customers, asOfDay });
    expect(outcome.analysis).toEqual(byHand.analysis);
    expect(outcome.columns).toEqual(byHand.columns);
    expect(outcome.analysis.verdict.status).toBe('shown');
  });

  it('sees up to the day before the as-of day, and splits only the history before it', () => {
    const { analysis } = run();
    expect(analysis.lastDaySeen).toBe('2023-02-04');
    expect(analysis.backtest.split.lastDay).toBe(Math.max(...cut.days));
    expect(analysis.backtest.split.lastDay).toBeLessThan(asOfDay);
    expect(analysis.customersScored).toBe(customersBefore(ORDERS, asOfDay));
    const all = analyzeValue({ orders: ORDERS, customerCount: PROCESS.customers, asOfDay: AFTER_ALL });
    expect(all.analysis.backtest.split.lastDay).toBe(LAST_ORDER_DAY);
    expect(all.analysis.lastDaySeen).toBe('2023-06-25');
    expect(analysis.totalPredictedValue).not.toBe(all.analysis.totalPredictedValue);
  });

  it('withholds too-short when the as-of day leaves under 180 days of the history', () => {
    const early = analyzeValue({ orders: ORDERS, customerCount: PROCESS.customers, asOfDay: START + 150 });
    const { historyDays } = early.analysis.backtest.split;
    expect(historyDays).toBeLessThan(MIN_HISTORY_DAYS);
    expect(historyDays).toBeGreaterThan(140);
    expect(early.analysis.verdict).toMatchObject({ status: 'withheld', reason: 'too-short' });
    expect(early.analysis.notes).toEqual([early.analysis.verdict.note]);
    expect(early.analysis.notes[0]).toContain(`covers ${historyDays} days`);
    expect(early.columns).toBeNull();
  });
});

describe('analyzeValue withholds on a thin history', () => {
  it(`too-short: 150 days of purchases (under ${MIN_HISTORY_DAYS})`, () => {
    const orders = generateOrders({ ...PROCESS, historyDays: 150 });
    const outcome = analyzeValue({ orders, customerCount: PROCESS.customers, asOfDay: START + 151 });
    const { analysis } = outcome;
    expect(analysis.backtest.split).toMatchObject({ historyDays: 150, holdoutDays: 38 });
    // Repeat customers enough: the length alone withholds.
    expect(analysis.backtest.repeatCustomers).toBeGreaterThanOrEqual(MIN_REPEAT_CUSTOMERS);
    expect(analysis.verdict).toMatchObject({ status: 'withheld', reason: 'too-short' });
    expect(analysis.notes).toEqual([analysis.verdict.note]);
    expect(analysis.notes[0]).toMatch(
      /^Predictions withheld: the file covers 150 days .* a 38-day check period/,
    );
    expect(analysis).toMatchObject(WITHHELD_FIGURES);
    expect(analysis.backtest.purchaseModel).toBeNull();
    expect(outcome.columns).toBeNull();
  });

  it(`too-few-repeat-customers: 120 customers, 85 of them repeat in calibration (under ${MIN_REPEAT_CUSTOMERS})`, () => {
    const orders = generateOrders({ ...PROCESS, customers: 120 });
    const outcome = analyzeValue({ orders, customerCount: 120, asOfDay: START + 541 });
    const { analysis } = outcome;
    expect(analysis.backtest.split.historyDays).toBeGreaterThanOrEqual(MIN_HISTORY_DAYS);
    expect(analysis.backtest.repeatCustomers).toBe(85);
    expect(analysis.verdict).toMatchObject({ status: 'withheld', reason: 'too-few-repeat-customers' });
    expect(analysis.notes).toEqual([analysis.verdict.note]);
    expect(analysis.notes[0]).toContain('only 85 customers bought more than once');
    expect(analysis).toMatchObject(WITHHELD_FIGURES);
    expect(analysis.backtest.purchaseModel).toBeNull();
    expect(outcome.columns).toBeNull();
  });
});

describe('analyzeValue when only the spend model fails (no repeat purchase has a positive value)', () => {
  // Each customer's first order has a value, the repeat ones are free: Gamma-Gamma has no one to fit.
  const orders = generateOrders({
    ...PROCESS,
    orderValue: (traits, order) => (order === 0 ? Math.round(traits.meanOrderValue * 100) / 100 : 0),
  });
  const run = once(() => {
    const outcome = analyzeValue({ orders, customerCount: PROCESS.customers, asOfDay: AFTER_ALL });
    return { outcome, analysis: outcome.analysis, columns: columnsOf(outcome) };
  });
  const failure = 'Gamma-Gamma needs at least one repeat customer with a positive value';

  it('shows the purchase predictions, with the spend note', () => {
    const { analysis, columns } = run();
    expect(analysis.verdict.status).toBe('shown');
    const spendNote =
      `Order value and customer value withheld: the spend model could not be fitted (${failure}); ` +
      'expected purchases and P(alive) are shown.';
    expect(analysis.verdict).toMatchObject({ spendNote });
    expect(analysis.backtest.spendFailure).toBe(failure);
    expect(analysis.notes[0]).toBe(analysis.verdict.note);
    expect(analysis.notes[1]).toBe(spendNote);
    expect(analysis.purchaseModel?.converged).toBe(true);
    expect(analysis.customersScored).toBe(PROCESS.customers);
    const rows = scoredRows(columns);
    expect(rows).toHaveLength(PROCESS.customers);
    for (const row of rows) {
      expect(columns.probabilityAlive[row]).toBeGreaterThanOrEqual(0);
      expect(columns.probabilityAlive[row]).toBeLessThanOrEqual(1);
      expect(Number.isFinite(columns.expectedPurchases[row])).toBe(true);
      expect(columns.expectedPurchases[row]).toBeGreaterThan(0);
    }
    const lost = rows.filter((row) => (columns.probabilityAlive[row] as number) < LIKELY_LOST_BELOW).length;
    expect(lost).toBeGreaterThan(0);
    expect(analysis.customersLikelyLost).toBe(lost);
  });

  it('withholds the value figures: no spend model, no total, NaN order value and CLV', () => {
    const { analysis, columns } = run();
    expect(analysis.spendModel).toBeNull();
    expect(analysis.totalPredictedValue).toBeNull();
    expect(columns.clv.every(Number.isNaN)).toBe(true);
    expect(columns.expectedOrderValue.every(Number.isNaN)).toBe(true);
    expect(analysis.notes.some((note) => CORRELATION_NOTE.test(note))).toBe(false);
  });

  it('gives the groups their likely lost customers and P(alive) but no predicted value', () => {
    const { outcome, analysis } = run();
    const groupOfRow = Int32Array.from({ length: PROCESS.customers }, (_, row) => row % 2);
    const { segments } = grouped(outcome, { keys: ['even', 'odd'], groupOfRow }, null);
    expect(segments.map((group) => group.predictedValue)).toEqual([null, null]);
    expect(segments.map((group) => group.customers)).toEqual([750, 750]);
    expect(segments.reduce((sum, group) => sum + (group.customersLikelyLost ?? Number.NaN), 0)).toBe(
      analysis.customersLikelyLost,
    );
    for (const group of segments) expect(group.meanProbabilityAlive).toBeGreaterThan(0);
  });
});

describe('analyzeValue when the spend model fails in the backtest but would fit the whole history', () => {
  // Every order worth 25: the backtest's Gamma-Gamma does not converge, the whole history's would (p ~ 5,456).
  // Both the note and the figures follow the backtest: withheld, never a note saying so beside shown figures.
  const orders = withAmounts(generateOrders(PROCESS), () => 25);
  const run = once(() => analyzeValue({ orders, customerCount: PROCESS.customers, asOfDay: AFTER_ALL }));

  it('withholds the value figures and says so, once', () => {
    const { analysis, columns } = run();
    expect(analysis.verdict.status).toBe('shown');
    const spendNote = analysis.verdict.status === 'shown' ? analysis.verdict.spendNote : null;
    expect(spendNote).toContain('the spend model could not be fitted');
    expect(analysis.notes.filter((note) => note === spendNote)).toHaveLength(1);
    expect(analysis.spendModel).toBeNull();
    expect(analysis.totalPredictedValue).toBeNull();
    expect(columns?.clv.every(Number.isNaN)).toBe(true);
  });
});

describe('analyzeValue when the predictions are shown', () => {
  // Customer 1,500 first buys on the as-of day (then again), customer 1,501 never: neither is scored.
  const asOfDay = AFTER_ALL;
  const orders = ordersOf([...entriesOf(ORDERS), [1_500, asOfDay, 30], [1_500, asOfDay + 20, 45]]);
  const input = { orders, customerCount: 1_502, asOfDay };
  const runRevenue = once(() => {
    const revenue = analyzeValue(input);
    return { revenue, columns: columnsOf(revenue) };
  });

  it('scores the customers with an order before the as-of day, on the revenue basis with the defaults', () => {
    const { revenue, columns } = runRevenue();
    const { analysis } = revenue;
    expect(analysis).toMatchObject({
      basis: 'revenue',
      margin: 1,
      horizonMonths: 12,
      monthlyDiscountRate: 0.01,
      timeUnit: 'weeks',
      lastDaySeen: '2023-06-25',
      customersScored: customersBefore(orders, asOfDay),
    });
    expect(analysis.customersScored).toBe(1_500);
    expect(analysis.verdict).toMatchObject({ status: 'shown', spendNote: null });
    expect(analysis.purchaseModel?.customersFitted).toBe(1_500);
    expect(analysis.spendModel?.parameters.q).toBeGreaterThan(1);
    expect(analysis.highValue?.status).toBe('scored');
    expect(analysis.notes).toEqual([analysis.verdict.note]);
    expect(scoredRows(columns)).toHaveLength(1_500);
  });

  it('gives every scored customer P(alive) and P(high value) in [0, 1], CLV of 0 or more', () => {
    const { columns } = runRevenue();
    for (const row of scoredRows(columns)) {
      expect(columns.probabilityAlive[row]).toBeGreaterThanOrEqual(0);
      expect(columns.probabilityAlive[row]).toBeLessThanOrEqual(1);
      expect(columns.probabilityHighValue[row]).toBeGreaterThanOrEqual(0);
      expect(columns.probabilityHighValue[row]).toBeLessThanOrEqual(1);
      expect(columns.expectedPurchases[row]).toBeGreaterThanOrEqual(0);
      expect(columns.expectedOrderValue[row]).toBeGreaterThan(0);
      expect(columns.clv[row]).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(columns.clv[row])).toBe(true);
    }
  });

  it('gives NaN everywhere to a customer first seen on the as-of day and to one never seen', () => {
    const { columns } = runRevenue();
    for (const row of [1_500, 1_501]) {
      expect(FIGURE_COLUMNS.map((name) => columns[name][row])).toEqual(Array(5).fill(Number.NaN));
    }
  });

  it('adds up: the total is the sum of CLV, likely lost and the P(alive) bins count the scored customers', () => {
    const { revenue, columns } = runRevenue();
    const { analysis } = revenue;
    const rows = scoredRows(columns);
    const clvSum = rows.reduce((sum, row) => sum + (columns.clv[row] as number), 0);
    expect(analysis.totalPredictedValue).toBeGreaterThan(0);
    expect(analysis.totalPredictedValue).toBeCloseTo(clvSum, 6);
    const alive = rows.map((row) => columns.probabilityAlive[row] as number);
    expect(analysis.customersLikelyLost).toBe(alive.filter((p) => p < LIKELY_LOST_BELOW).length);
    const bins = Array<number>(10).fill(0);
    for (const p of alive) bins[Math.min(9, Math.floor(p * 10))]! += 1;
    expect(analysis.probabilityAliveDistribution).toEqual(bins);
    expect(bins.reduce((sum, count) => sum + count, 0)).toBe(1_500);
  });

  it('says margin at a margin of 0.3, and its CLV is 0.3 times the revenue CLV, purchases unchanged', () => {
    const { revenue, columns } = runRevenue();
    const margin = analyzeValue(input, { margin: 0.3 });
    expect(margin.analysis).toMatchObject({ basis: 'margin', margin: 0.3 });
    const marginColumns = columnsOf(margin);
    for (const row of scoredRows(columns)) {
      const clv = columns.clv[row] as number;
      expect(marginColumns.clv[row]).toBeCloseTo(0.3 * clv, 9);
    }
    expect(marginColumns.probabilityAlive).toEqual(columns.probabilityAlive);
    expect(marginColumns.expectedPurchases).toEqual(columns.expectedPurchases);
    expect(marginColumns.expectedOrderValue).toEqual(columns.expectedOrderValue);
    const total = revenue.analysis.totalPredictedValue as number;
    expect((margin.analysis.totalPredictedValue as number) / total).toBeCloseTo(0.3, 12);
  });
});

describe('analyzeValue notes a high correlation of purchase frequency and order value', () => {
  /** The orders of PROCESS with each order's value a function of the customer's purchase rate, +/- 10%. */
  const correlated = (valueOfRate: (ratePerDay: number) => number) =>
    generateOrders({
      ...PROCESS,
      orderValue: (traits, _order, random) =>
        Math.round(valueOfRate(traits.ratePerDay) * (0.9 + 0.2 * random()) * 100) / 100,
    });
  const noteOf = (orders: OrderColumns) => {
    const { analysis } = analyzeValue({ orders, customerCount: PROCESS.customers, asOfDay: AFTER_ALL });
    expect(analysis.verdict).toMatchObject({ status: 'shown', spendNote: null });
    const correlation = analysis.spendModel?.frequencyValueCorrelation ?? Number.NaN;
    return { correlation, notes: analysis.notes.filter((note) => CORRELATION_NOTE.test(note)) };
  };

  it('when frequent buyers spend more (r about 0.42), with r in the note', () => {
    const { correlation, notes } = noteOf(correlated((rate) => 10 + 600 * rate));
    expect(correlation).toBeGreaterThan(0.4);
    expect(notes).toEqual([
      `Purchase frequency and order value are correlated (r = ${correlation.toFixed(2)}); the spend model ` +
        'assumes they are not, so order values of frequent buyers may be off.',
    ]);
    expect(notes[0]).toContain('(r = 0.42)');
  });

  it('when frequent buyers spend less (r about -0.42)', () => {
    const { correlation, notes } = noteOf(correlated((rate) => 200 / (1 + 60 * rate)));
    expect(correlation).toBeLessThan(-0.4);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('(r = -0.42)');
  });

  it(`not when order values are drawn apart from the rate (|r| under ${HIGH_FREQUENCY_VALUE_CORRELATION})`, () => {
    const { correlation, notes } = noteOf(ORDERS);
    expect(Math.abs(correlation)).toBeLessThan(0.1);
    expect(notes).toEqual([]);
  });
});

describe('withValueGroups', () => {
  const orders = ordersOf([...entriesOf(ORDERS), [1_500, AFTER_ALL, 30]]);
  const run = once(() => {
    const outcome = analyzeValue({ orders, customerCount: 1_502, asOfDay: AFTER_ALL });
    const total = outcome.analysis.totalPredictedValue as number;
    return { outcome, columns: columnsOf(outcome), total };
  });
  const keys = ['Champions', 'Loyal', 'At risk', 'Lost'];
  // Groups by row, the two unscored customers (1,500 and 1,501) in group 3.
  const groupOfRow = Int32Array.from({ length: 1_502 }, (_, row) => (row >= 1_500 ? 3 : (row * 7) % 4));

  it('shares out the total predicted value and counts every row of each group', () => {
    const { outcome, columns, total } = run();
    const { segments } = grouped(outcome, { keys, groupOfRow }, null);
    expect(segments.map((group) => group.key)).toEqual(keys);
    expect(segments.map((group) => group.customers)).toEqual([375, 375, 375, 377]);
    const shared = segments.reduce((sum, group) => sum + (group.predictedValue as number), 0);
    expect(shared).toBeCloseTo(total, 6);
    for (const [group, figures] of segments.entries()) {
      const rows = scoredRows(columns).filter((row) => groupOfRow[row] === group);
      const alive = rows.map((row) => columns.probabilityAlive[row] as number);
      expect(figures.predictedValue).toBeCloseTo(
        rows.reduce((sum, row) => sum + (columns.clv[row] as number), 0),
        6,
      );
      expect(figures.customersLikelyLost).toBe(alive.filter((p) => p < LIKELY_LOST_BELOW).length);
      // What the likely lost would bring if still active: each one's CLV / P(alive).
      const ifRetained = rows
        .filter((row) => (columns.probabilityAlive[row] as number) < LIKELY_LOST_BELOW)
        .reduce(
          (sum, row) => sum + (columns.clv[row] as number) / (columns.probabilityAlive[row] as number),
          0,
        );
      expect(figures.valueIfRetained).toBeCloseTo(ifRetained, 6);
      expect(figures.valueIfRetained).toBeGreaterThan(0);
      expect(figures.meanProbabilityAlive).toBeCloseTo(
        alive.reduce((sum, p) => sum + p, 0) / alive.length,
        12,
      );
    }
    const lost = segments.reduce((sum, group) => sum + (group.customersLikelyLost as number), 0);
    expect(lost).toBe(outcome.analysis.customersLikelyLost);
  });

  it('gives the clusters their own figures, and none when clustering was skipped (null)', () => {
    const { outcome, total } = run();
    const segments = { keys, groupOfRow };
    const clusters = {
      keys: ['0', '1'],
      groupOfRow: Int32Array.from({ length: 1_502 }, (_, row) => row % 2),
    };
    const both = grouped(outcome, segments, clusters);
    expect(both.clusters.map((group) => group.customers)).toEqual([751, 751]);
    const shared = both.clusters.reduce((sum, group) => sum + (group.predictedValue as number), 0);
    expect(shared).toBeCloseTo(total, 6);
    const withoutClusters = grouped(outcome, segments, null);
    expect(withoutClusters.clusters).toEqual([]);
    expect(withoutClusters.segments).toEqual(both.segments);
    // The rest of the analysis is analyzeValue's, and analyzeValue's own groups stay empty.
    for (const analysis of [both, withoutClusters]) {
      expect(analysis.verdict).toBe(outcome.analysis.verdict);
      expect(analysis.totalPredictedValue).toBe(total);
      expect(analysis.notes).toBe(outcome.analysis.notes);
    }
    expect(outcome.analysis.segments).toEqual([]);
    expect(outcome.analysis.clusters).toEqual([]);
  });
});

describe('analyzeValue options', () => {
  const input = { orders: ORDERS, customerCount: PROCESS.customers, asOfDay: AFTER_ALL };

  it('a longer horizon never gives less total value or fewer expected purchases to any customer', () => {
    const byHorizon = [1, 6, 12, 24, 60].map((horizonMonths) => ({
      horizonMonths,
      outcome: analyzeValue(input, { horizonMonths }),
    }));
    for (const [index, { horizonMonths, outcome }] of byHorizon.entries()) {
      expect(outcome.analysis.horizonMonths).toBe(horizonMonths);
      if (index === 0) continue;
      const shorter = byHorizon[index - 1]?.outcome as ValueOutcome;
      expect(outcome.analysis.totalPredictedValue).toBeGreaterThan(
        shorter.analysis.totalPredictedValue as number,
      );
      const longer = columnsOf(outcome).expectedPurchases;
      const before = columnsOf(shorter).expectedPurchases;
      for (const [row, purchases] of longer.entries()) {
        expect(purchases).toBeGreaterThanOrEqual(before[row] as number);
      }
      const sum = (column: Float64Array) => column.reduce((total, figure) => total + figure, 0);
      expect(sum(longer)).toBeGreaterThan(sum(before) + 1);
      expect(columnsOf(outcome).probabilityAlive).toEqual(columnsOf(shorter).probabilityAlive);
    }
  });

  it('a higher monthly discount rate gives less total value', () => {
    const totals = [0, 0.01, 0.05].map(
      (monthlyDiscountRate) =>
        analyzeValue(input, { monthlyDiscountRate }).analysis.totalPredictedValue as number,
    );
    expect(totals[0]).toBeGreaterThan(totals[1] as number);
    expect(totals[1]).toBeGreaterThan(totals[2] as number);
  });
});
