/**
 * The value at stake per group of customers (RFM segment or cluster): customers, predicted value (sum of CLV),
 * customers likely lost and what they would bring if retained, and mean P(alive); and the P(alive) distribution of the whole base. Customers without a
 * figure (NaN: not seen before the as-of day) count as customers but not in the sums and means.
 */
import {
  LIKELY_LOST_BELOW,
  PROBABILITY_ALIVE_BINS,
  type ValueColumns,
  type ValueGroup,
} from './value-result.ts';

/** Each customer row's group, as an index into `keys` (negative or beyond: no group). */
export interface GroupAssignment {
  readonly keys: readonly string[];
  readonly groupOfRow: ArrayLike<number>;
}

/**
 * The figures of each group, in the order of `keys`; `columns` null gives the counts with null figures,
 * `withValue` false keeps P(alive) but nulls the predicted value (the spend model failed).
 */
export function valueByGroup(
  assignment: GroupAssignment,
  columns: ValueColumns | null,
  withValue: boolean,
): ValueGroup[] {
  const size = assignment.keys.length;
  const customers = new Float64Array(size);
  const value = new Float64Array(size);
  const lost = new Float64Array(size);
  const lostValue = new Float64Array(size);
  const aliveSum = new Float64Array(size);
  const scored = new Float64Array(size);
  for (let row = 0; row < assignment.groupOfRow.length; row++) {
    const group = assignment.groupOfRow[row] as number;
    if (!(group >= 0 && group < size)) continue;
    add(customers, group, 1);
    const alive = columns?.probabilityAlive[row] ?? Number.NaN;
    if (Number.isNaN(alive)) continue;
    add(scored, group, 1);
    add(aliveSum, group, alive);
    const clv = columns?.clv[row] as number;
    if (alive < LIKELY_LOST_BELOW) {
      add(lost, group, 1);
      // What a likely-lost customer would bring if still active: their CLV is P(alive) times that.
      if (!Number.isNaN(clv) && alive > 0) add(lostValue, group, clv / alive);
    }
    if (!Number.isNaN(clv)) add(value, group, clv);
  }
  return assignment.keys.map((key, group) => {
    const hasScores = columns !== null && (scored[group] as number) > 0;
    const noScores = columns === null;
    return {
      key,
      customers: customers[group] as number,
      predictedValue: !noScores && withValue ? (value[group] as number) : null,
      customersLikelyLost: noScores ? null : (lost[group] as number),
      valueIfRetained: !noScores && withValue ? (lostValue[group] as number) : null,
      meanProbabilityAlive: hasScores ? (aliveSum[group] as number) / (scored[group] as number) : null,
    };
  });
}

function add(sums: Float64Array, index: number, amount: number): void {
  sums[index] = (sums[index] as number) + amount;
}

/** Customers per tenth of P(alive): [0, 0.1), ..., [0.8, 0.9), [0.9, 1]. */
export function probabilityAliveDistribution(probabilityAlive: Float64Array): number[] {
  const counts = Array.from({ length: PROBABILITY_ALIVE_BINS }, () => 0);
  for (const alive of probabilityAlive) {
    if (Number.isNaN(alive)) continue;
    const bin = Math.min(PROBABILITY_ALIVE_BINS - 1, Math.floor(alive * PROBABILITY_ALIVE_BINS));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

/** Sum of the finite entries of a column, and how many are under a threshold. */
export function columnTotals(column: Float64Array, below: number): { sum: number; countBelow: number } {
  let sum = 0;
  let countBelow = 0;
  for (const entry of column) {
    if (Number.isNaN(entry)) continue;
    sum += entry;
    if (entry < below) countBelow++;
  }
  return { sum, countBelow };
}
