/**
 * Scores every customer with fitted BG/NBD parameters: P(alive) and the expected purchases over a horizon, as
 * columns. The fit may have seen only a sample; scoring always covers the whole base.
 */
import type { BgNbdParameters } from './bg-nbd-likelihood.ts';
import { conditionalExpectedPurchases, probabilityAlive } from './bg-nbd-predictions.ts';

export interface BgNbdScores {
  readonly probabilityAlive: Float64Array;
  /** Expected purchases in the next `horizon` units. */
  readonly expectedPurchases: Float64Array;
}

/** P(alive) and E[X(horizon) | x, t_x, T] for each customer of the columns. */
export function scoreBgNbd(
  parameters: BgNbdParameters,
  columns: { readonly x: Float64Array; readonly tx: Float64Array; readonly T: Float64Array },
  horizon: number,
): BgNbdScores {
  const count = columns.x.length;
  const scores = { probabilityAlive: new Float64Array(count), expectedPurchases: new Float64Array(count) };
  for (let customer = 0; customer < count; customer++) {
    const history = {
      x: columns.x[customer] as number,
      tx: columns.tx[customer] as number,
      T: columns.T[customer] as number,
    };
    scores.probabilityAlive[customer] = probabilityAlive(parameters, history);
    scores.expectedPurchases[customer] = conditionalExpectedPurchases(parameters, history, horizon);
  }
  return scores;
}
