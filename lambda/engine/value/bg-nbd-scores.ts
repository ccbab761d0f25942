/**
 * Scores every customer with fitted BG/NBD parameters: P(alive) and the expected purchases over a horizon, as
 * columns. The fit may have seen only a sample; scoring always covers the whole base. Each distinct (x, t_x, T)
 * is predicted once (distinct-histories.ts): exact, since the predictions depend on the history alone.
 */
import type { BgNbdParameters } from './bg-nbd-likelihood.ts';
import { conditionalExpectedPurchases, probabilityAlive } from './bg-nbd-predictions.ts';
import { type DistinctHistories, distinctHistories } from './distinct-histories.ts';

export interface BgNbdScores {
  readonly probabilityAlive: Float64Array;
  /** Expected purchases in the next `horizon` units. */
  readonly expectedPurchases: Float64Array;
}

/** The customers' (x, t_x, T) columns, in the unit the parameters were fitted in. */
export interface HistoryColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
}

/** P(alive) and E[X(horizon) | x, t_x, T] for each customer of the columns. */
export function scoreBgNbd(
  parameters: BgNbdParameters,
  columns: HistoryColumns,
  horizon: number,
  distinct: DistinctHistories = distinctHistories(columns),
): BgNbdScores {
  const perHistory = (predict: (history: { x: number; tx: number; T: number }) => number) =>
    perDistinctHistory(distinct, predict);
  const alive = perHistory((history) => probabilityAlive(parameters, history));
  const expected = perHistory((history) => conditionalExpectedPurchases(parameters, history, horizon));
  return {
    probabilityAlive: spreadToRows(alive, distinct.indexOfRow),
    expectedPurchases: spreadToRows(expected, distinct.indexOfRow),
  };
}

/** `predict` of each distinct history. */
export function perDistinctHistory(
  distinct: DistinctHistories,
  predict: (history: { x: number; tx: number; T: number }) => number,
): Float64Array {
  return Float64Array.from(distinct.x, (x, index) =>
    predict({ x, tx: distinct.tx[index] as number, T: distinct.T[index] as number }),
  );
}

/** One value per row from one value per distinct history. */
export function spreadToRows(values: Float64Array, indexOfRow: Int32Array): Float64Array {
  const spread = new Float64Array(indexOfRow.length);
  for (let row = 0; row < indexOfRow.length; row++) spread[row] = values[indexOfRow[row] as number] as number;
  return spread;
}
