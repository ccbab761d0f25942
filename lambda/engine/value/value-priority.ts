/**
 * Strategic priority: what a customer did (their segment: still engaged, or slipping away) crossed with what they
 * are likely worth next (high predicted value or not), the "segment × predicted value" grid marketing plans by:
 *
 * | predicted value \ segment | engaged     | slipping or lapsed |
 * |---------------------------|-------------|--------------------|
 * | high                      | strategic   | save               |
 * | not high                  | develop     | maintain           |
 *
 * "High" is the best evidence available, in this order: P(high value) of at least HIGH_VALUE_PROBABILITY (more
 * likely than not to be in the top group next horizon) when the classifier passed its backtest; else the top share
 * by predicted CLV; else (spend model failed) the top share by expected purchases. The rule used is named in the
 * result. Customers without predictions (not seen before the as-of day, or predictions withheld) have none.
 */
import type { ValueColumns } from './value-result.ts';

export const PRIORITY_KEYS = ['strategic', 'save', 'develop', 'maintain'] as const;
export type PriorityKey = (typeof PRIORITY_KEYS)[number];

/** P(high value) from which a customer counts as high value: more likely than not in the top group. */
export const HIGH_VALUE_PROBABILITY = 0.5;

export type HighValueRule = 'probability' | 'clv-top-share' | 'purchases-top-share';

/** No priority for that row (no prediction). */
export const NO_PRIORITY = -1;

export interface PriorityInput {
  readonly columns: ValueColumns;
  /** Per row, 1 when the customer's segment is engaged (recent buyers), 0 when slipping or lapsed. */
  readonly engaged: ArrayLike<number>;
  /** Whether P(high value) was scored (the classifier passed its backtest). */
  readonly classifierScored: boolean;
  /** Whether CLV is shown (the spend model did not fail). */
  readonly valueShown: boolean;
  /** The top group's share, for the top-share rules (the classifier's label share). */
  readonly topShare: number;
}

export interface Priorities {
  readonly highValueRule: HighValueRule;
  /** Per row, an index into PRIORITY_KEYS, or NO_PRIORITY. */
  readonly priorityOfRow: Int8Array;
}

/** Each row's priority, and the high-value rule that was used. */
export function assignPriorities(input: PriorityInput): Priorities {
  const { columns, engaged } = input;
  const highValueRule: HighValueRule = input.classifierScored
    ? 'probability'
    : input.valueShown
      ? 'clv-top-share'
      : 'purchases-top-share';
  const evidence =
    highValueRule === 'probability'
      ? columns.probabilityHighValue
      : highValueRule === 'clv-top-share'
        ? columns.clv
        : columns.expectedPurchases;
  const threshold =
    highValueRule === 'probability' ? HIGH_VALUE_PROBABILITY : topShareThreshold(evidence, input.topShare);
  const priorityOfRow = new Int8Array(evidence.length).fill(NO_PRIORITY);
  for (let row = 0; row < evidence.length; row++) {
    const figure = evidence[row] as number;
    if (Number.isNaN(figure) || Number.isNaN(columns.probabilityAlive[row] as number)) continue;
    const high = figure >= threshold && figure > 0;
    const isEngaged = (engaged[row] as number) === 1;
    priorityOfRow[row] = high ? (isEngaged ? 0 : 1) : isEngaged ? 2 : 3;
  }
  return { highValueRule, priorityOfRow };
}

/**
 * The figure a customer must reach to be in the top `share` of the finite figures: the value at rank
 * ceil(share × n) from the top (ties at it are in, so the group can be a little larger than the share).
 */
export function topShareThreshold(figures: Float64Array, share: number): number {
  const finite = figures.filter((figure) => !Number.isNaN(figure)).sort();
  if (finite.length === 0) return Number.POSITIVE_INFINITY;
  const rank = Math.max(1, Math.ceil(share * finite.length));
  return finite[finite.length - rank] as number;
}

/** One priority's customers and their predicted value (null when the value figures are withheld). */
export interface PriorityLevel {
  readonly key: PriorityKey;
  readonly customers: number;
  readonly predictedValue: number | null;
}

/** The priorities as the analysis JSON carries them: per level, and the customers of each per segment. */
export interface ValuePriority {
  readonly highValueRule: HighValueRule;
  readonly levels: PriorityLevel[];
  readonly bySegment: { readonly key: string; readonly customers: Record<PriorityKey, number> }[];
}

/** Counts and predicted value per priority, and the customers of each priority per segment (`keys` order). */
export function summarizePriorities(
  priorities: Priorities,
  segments: { readonly keys: readonly string[]; readonly groupOfRow: ArrayLike<number> },
  clv: Float64Array,
  valueShown: boolean,
): ValuePriority {
  const levelCount = PRIORITY_KEYS.length;
  const customers = new Float64Array(levelCount);
  const value = new Float64Array(levelCount);
  const bySegment = new Float64Array(segments.keys.length * levelCount);
  const { priorityOfRow } = priorities;
  for (let row = 0; row < priorityOfRow.length; row++) {
    const level = priorityOfRow[row] as number;
    if (level === NO_PRIORITY) continue;
    customers[level] = (customers[level] as number) + 1;
    const rowValue = clv[row] as number;
    if (!Number.isNaN(rowValue)) value[level] = (value[level] as number) + rowValue;
    const segment = segments.groupOfRow[row] as number;
    if (segment >= 0 && segment < segments.keys.length) {
      const cell = segment * levelCount + level;
      bySegment[cell] = (bySegment[cell] as number) + 1;
    }
  }
  const countsOf = (segment: number) =>
    Object.fromEntries(
      PRIORITY_KEYS.map((key, level) => [key, bySegment[segment * levelCount + level] as number]),
    ) as Record<PriorityKey, number>;
  return {
    highValueRule: priorities.highValueRule,
    levels: PRIORITY_KEYS.map((key, level) => ({
      key,
      customers: customers[level] as number,
      predictedValue: valueShown ? (value[level] as number) : null,
    })),
    bySegment: segments.keys.map((key, segment) => ({ key, customers: countsOf(segment) })),
  };
}
