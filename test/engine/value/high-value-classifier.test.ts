import { beforeAll, describe, expect, it } from 'vitest';
import { createRandomSource } from '../../../lambda/engine/clustering/kmeans/seeded-random.ts';
import { classifyHighValue } from '../../../lambda/engine/value/high-value-classifier.ts';
import type { HighValueResult } from '../../../lambda/engine/value/high-value-result.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';
import { CDNOW, ONLINE_RETAIL, readRealDataText } from '../../../tools/real-data.ts';
import { CDNOW_SAMPLE_CUSTOMERS, cdnowSampleLines, ordersFromLines } from './cdnow-sample.ts';
import { readOrdersOfFile, readOrdersOfText, type RealOrders } from './engine-orders.ts';

function scored(result: HighValueResult): Extract<HighValueResult, { status: 'scored' }> {
  if (result.status !== 'scored') throw new Error(`expected scores, got: ${result.reason}`);
  return result;
}

function expectProbabilities(scores: Float64Array): void {
  for (const score of scores) {
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
  }
}

/** The lines of a text after its header, in a seeded random order. */
function shuffledText(text: string): string {
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const random = createRandomSource(42);
  for (let index = lines.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [lines[index], lines[other]] = [lines[other] as string, lines[index] as string];
  }
  return [header, ...lines].join('\n') + '\n';
}

describe('classifyHighValue on real files, read through the engine', () => {
  let cdnow: RealOrders;
  let onlineRetail: RealOrders;
  beforeAll(async () => {
    cdnow = await readOrdersOfFile(CDNOW);
    onlineRetail = await readOrdersOfFile(ONLINE_RETAIL);
  });

  it('CDNOW master: holdout AUC 0.799 (1,449 positives, 5,601 negatives) over half its 545-day span', () => {
    const result = scored(classifyHighValue(cdnow.orders, cdnow.customerCount));
    const { figures } = result;
    expect(figures.horizonDays).toBe(272);
    expect(figures.horizonShortened).toBe(true);
    expect(figures.notes[0]).toMatch(/545 days, less than twice the 365-day horizon/);
    expect(figures.holdout).toMatchObject({ positives: 1_449, negatives: 5_601 });
    expect(figures.holdout.auc).toBeGreaterThan(0.79);
    expect(figures.model.converged).toBe(true);
    expect(figures.model.features.map((feature) => feature.name)).toContain('recency');
    expect(result.scores.length).toBe(cdnow.customerCount);
    expectProbabilities(result.scores);
  });

  it('Online Retail: holdout AUC 0.886 (172 positives, 657 negatives) over 186 days', () => {
    const result = scored(classifyHighValue(onlineRetail.orders, onlineRetail.customerCount));
    expect(result.figures.horizonDays).toBe(186);
    expect(result.figures.holdout).toMatchObject({ positives: 172, negatives: 657 });
    expect(result.figures.holdout.auc).toBeGreaterThan(0.88);
    expectProbabilities(result.scores);
  });

  it('Online Retail with its lines shuffled: the same model, AUC and scores', async () => {
    const shuffled = await readOrdersOfText(shuffledText(readRealDataText(ONLINE_RETAIL)), 'shuffled.csv');
    const straight = scored(classifyHighValue(onlineRetail.orders, onlineRetail.customerCount));
    const again = scored(classifyHighValue(shuffled.orders, shuffled.customerCount));
    expect(again.figures).toEqual(straight.figures);
    // The ledger numbers customers as it meets them, so compare the scores as a multiset.
    expect(again.scores.slice().sort()).toEqual(straight.scores.slice().sort());
  });
});

describe('classifyHighValue on the CDNOW sample', () => {
  const orders = ordersFromLines(cdnowSampleLines());
  const customers = CDNOW_SAMPLE_CUSTOMERS;

  it('gives each customer the same score when customers are renumbered and entries reordered', () => {
    const renumbered: OrderColumns = {
      count: orders.count,
      customers: Int32Array.from(orders.customers, (customer) => customers - 1 - customer).reverse(),
      days: orders.days.slice().reverse(),
      amounts: orders.amounts.slice().reverse(),
    };
    const straight = scored(classifyHighValue(orders, customers));
    const again = scored(classifyHighValue(renumbered, customers));
    expect(again.figures).toEqual(straight.figures);
    straight.scores.forEach((score, customer) => expect(again.scores[customers - 1 - customer]).toBe(score));
  });

  it('withholds the model under the AUC floor, with the figures and the reason', () => {
    const result = classifyHighValue(orders, customers, { aucFloor: 0.99 });
    expect(result.status).toBe('withheld');
    if (result.status !== 'withheld') return;
    expect(result.reason).toMatch(/holdout AUC is 0\.\d{3}, under the floor of 0\.99/);
    expect(result.figures?.holdout.auc).toBeGreaterThan(0.7);
  });

  it('scores NaN the customers not yet seen at an earlier scoring end', () => {
    const result = scored(classifyHighValue(orders, customers, { scoringEndDay: Math.min(...orders.days) }));
    const seen = Array.from(result.scores).filter((score) => !Number.isNaN(score));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(customers);
  });
});

describe('classifyHighValue withholds what it cannot measure', () => {
  const ordersOf = (rows: readonly [number, number, number][]): OrderColumns => ({
    count: rows.length,
    customers: Int32Array.from(rows, ([customer]) => customer),
    days: Int32Array.from(rows, ([, day]) => day),
    amounts: Float64Array.from(rows, ([, , amount]) => amount),
  });

  it('a history of one day', () => {
    const result = classifyHighValue(
      ordersOf([
        [0, 100, 5],
        [1, 100, 7],
      ]),
      2,
    );
    expect(result).toMatchObject({ status: 'withheld', figures: undefined });
    if (result.status === 'withheld') expect(result.reason).toMatch(/at least 2 days/);
  });

  it('a holdout with fewer than 20 customers of a class', () => {
    const rows: [number, number, number][] = [];
    for (let customer = 0; customer < 40; customer++) rows.push([customer, customer % 10, 10 + customer]);
    for (let customer = 0; customer < 40; customer += 3) rows.push([customer, 700 + customer, 50]);
    const result = classifyHighValue(ordersOf(rows), 40);
    expect(result.status).toBe('withheld');
    if (result.status === 'withheld') expect(result.reason).toMatch(/at least 20 of each/);
  });
});
