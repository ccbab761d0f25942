/**
 * Where the backtest cuts a file's history: the calibration period the models are fitted on, then the holdout
 * period their predictions are compared with. By default the holdout is the last quarter of the span from the
 * first order day to the last, long enough to hold several purchase cycles, short enough to leave most of the
 * history to fit on; Fader, Hardie & Lee's CDNOW split (39 of 78 weeks) is a half, given as `holdoutDays: 273`.
 */
import type { OrderColumns } from './purchase-summary.ts';

/** Share of the history (first to last order day) held out by default. */
export const DEFAULT_HOLDOUT_SHARE = 0.25;

export interface BacktestSplitOptions {
  /** Days held out, counted back from the last order day. @default round(DEFAULT_HOLDOUT_SHARE x span) */
  readonly holdoutDays?: number;
}

/** Day numbers (days since 1970-01-01) of the cut; the holdout is calibrationEndDay + 1 .. lastDay. */
export interface BacktestSplit {
  readonly firstDay: number;
  /** The last day of calibration, inclusive. */
  readonly calibrationEndDay: number;
  /** The last order day: the end of the holdout, inclusive. */
  readonly lastDay: number;
  /** lastDay - firstDay: the days of history the file covers. */
  readonly historyDays: number;
  /** lastDay - calibrationEndDay: the days of the holdout. */
  readonly holdoutDays: number;
}

/**
 * The split of the orders' history; an explicit `holdoutDays` must leave at least the first day in calibration.
 * @example splitHistory(orders spanning day 0 .. day 545).holdoutDays // 136 (545 / 4 = 136.25)
 */
export function splitHistory(orders: OrderColumns, options: BacktestSplitOptions = {}): BacktestSplit {
  if (orders.count === 0) throw new RangeError('the backtest needs at least one order');
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let order = 0; order < orders.count; order++) {
    const day = orders.days[order] as number;
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
  }
  const historyDays = lastDay - firstDay;
  const holdoutDays = options.holdoutDays ?? Math.round(DEFAULT_HOLDOUT_SHARE * historyDays);
  if (!Number.isInteger(holdoutDays) || holdoutDays < 0 || holdoutDays > historyDays) {
    throw new RangeError(
      `the holdout must be a whole number of days between 0 and the ${historyDays} of history`,
    );
  }
  return { firstDay, calibrationEndDay: lastDay - holdoutDays, lastDay, historyDays, holdoutDays };
}
