// The strategic priority, segment × predicted value (value-priority.ts): the grid, the high-value rule and its
// fallbacks, the top-share threshold, and the summary per level and per segment.
import { describe, expect, it } from 'vitest';
import {
  assignPriorities,
  HIGH_VALUE_PROBABILITY,
  NO_PRIORITY,
  type PriorityInput,
  PRIORITY_KEYS,
  summarizePriorities,
  topShareThreshold,
} from '../../../lambda/engine/value/value-priority.ts';
import type { ValueColumns } from '../../../lambda/engine/value/value-result.ts';

const NaN_ = Number.NaN;

function valueColumns(rows: Partial<Record<keyof ValueColumns, number[]>>, count: number): ValueColumns {
  const column = (values: number[] | undefined) =>
    Float64Array.from(values ?? Array.from({ length: count }, () => 0.5));
  return {
    probabilityAlive: column(rows.probabilityAlive),
    expectedPurchases: column(rows.expectedPurchases),
    expectedOrderValue: column(rows.expectedOrderValue),
    clv: column(rows.clv),
    probabilityHighValue: column(rows.probabilityHighValue),
  };
}

const keysOf = (priorityOfRow: Int8Array) =>
  [...priorityOfRow].map((level) => (level === NO_PRIORITY ? null : PRIORITY_KEYS[level]));

function input(
  overrides: Partial<PriorityInput> & Pick<PriorityInput, 'columns' | 'engaged'>,
): PriorityInput {
  return { classifierScored: true, valueShown: true, topShare: 0.2, ...overrides };
}

describe('assignPriorities', () => {
  it('crosses engaged or not with P(high value) at the even-odds line: strategic, save, develop, maintain', () => {
    const columns = valueColumns({ probabilityHighValue: [0.9, 0.5, 0.49, 0.1, 0.8] }, 5);
    const engaged = [1, 0, 1, 0, 0];
    const { highValueRule, priorityOfRow } = assignPriorities(input({ columns, engaged }));
    expect(highValueRule).toBe('probability');
    expect(HIGH_VALUE_PROBABILITY).toBe(0.5);
    expect(keysOf(priorityOfRow)).toEqual(['strategic', 'save', 'develop', 'maintain', 'save']);
  });

  it('gives no priority to a customer without predictions (P(alive) or the evidence NaN)', () => {
    const columns = valueColumns(
      { probabilityAlive: [NaN_, 0.7, 0.7], probabilityHighValue: [0.9, NaN_, 0.9] },
      3,
    );
    const { priorityOfRow } = assignPriorities(input({ columns, engaged: [1, 1, 1] }));
    expect(keysOf(priorityOfRow)).toEqual([null, null, 'strategic']);
  });

  it('falls back to the top share by CLV when the classifier was withheld', () => {
    const clv = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
    const columns = valueColumns({ clv, probabilityHighValue: clv.map(() => NaN_) }, 10);
    const engaged = [1, 0, 1, 1, 1, 1, 1, 1, 1, 0];
    const result = assignPriorities(input({ columns, engaged, classifierScored: false }));
    expect(result.highValueRule).toBe('clv-top-share');
    expect(keysOf(result.priorityOfRow)).toEqual([
      'strategic',
      'save',
      ...Array.from({ length: 7 }, () => 'develop'),
      'maintain',
    ]);
  });

  it('falls back to the top share by expected purchases when the value figures are withheld too', () => {
    const columns = valueColumns(
      { expectedPurchases: [0, 3, 1, 2, 0.5], clv: [NaN_, NaN_, NaN_, NaN_, NaN_] },
      5,
    );
    const result = assignPriorities(
      input({ columns, engaged: [1, 1, 1, 1, 1], classifierScored: false, valueShown: false }),
    );
    expect(result.highValueRule).toBe('purchases-top-share');
    expect(keysOf(result.priorityOfRow)).toEqual(['develop', 'strategic', 'develop', 'develop', 'develop']);
  });

  it('never calls a customer with no predicted value high, even in the top share', () => {
    const columns = valueColumns({ clv: [0, 0, 0, 0, 0] }, 5);
    const result = assignPriorities(input({ columns, engaged: [1, 1, 1, 1, 1], classifierScored: false }));
    expect(keysOf(result.priorityOfRow)).toEqual(Array.from({ length: 5 }, () => 'develop'));
  });
});

describe('topShareThreshold', () => {
  it('is the figure at rank ceil(share x n) from the top, NaN ignored, ties at it kept in', () => {
    expect(topShareThreshold(Float64Array.of(5, 1, 4, 2, 3, NaN_), 0.2)).toBe(5);
    expect(topShareThreshold(Float64Array.of(5, 1, 4, 2, 3, 6, NaN_), 0.5)).toBe(4);
    expect(topShareThreshold(Float64Array.of(2, 2, 2, 1), 0.25)).toBe(2);
    expect(topShareThreshold(Float64Array.of(NaN_), 0.2)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('summarizePriorities', () => {
  const priorities = {
    highValueRule: 'probability' as const,
    priorityOfRow: Int8Array.of(0, 1, 2, 3, 0, -1),
  };
  const segments = { keys: ['champions', 'atRisk'], groupOfRow: [0, 1, 0, 1, 0, 1] };
  const clv = Float64Array.of(100, 50, 10, 1, 200, NaN_);

  it('counts the customers and sums the predicted value of each priority, per segment too', () => {
    const summary = summarizePriorities(priorities, segments, clv, true);
    expect(summary.highValueRule).toBe('probability');
    expect(summary.levels).toEqual([
      { key: 'strategic', customers: 2, predictedValue: 300 },
      { key: 'save', customers: 1, predictedValue: 50 },
      { key: 'develop', customers: 1, predictedValue: 10 },
      { key: 'maintain', customers: 1, predictedValue: 1 },
    ]);
    expect(summary.bySegment).toEqual([
      { key: 'champions', customers: { strategic: 2, save: 0, develop: 1, maintain: 0 } },
      { key: 'atRisk', customers: { strategic: 0, save: 1, develop: 0, maintain: 1 } },
    ]);
  });

  it('gives no predicted value when the value figures are withheld', () => {
    const summary = summarizePriorities(priorities, segments, clv, false);
    expect(summary.levels.map((level) => level.predictedValue)).toEqual([null, null, null, null]);
    expect(summary.levels.map((level) => level.customers)).toEqual([2, 1, 1, 1]);
  });
});
