/**
 * The backtest run with every analysis: the history split into calibration and holdout (backtest-split.ts),
 * BG/NBD and Gamma-Gamma fitted on calibration alone, each calibration customer's purchases over the holdout
 * predicted (the conditional expectation) and compared with what they did, beside a naive baseline
 * (backtest-comparison.ts); the verdict (value-verdict.ts) says whether the predictions may be shown. Customers
 * first seen in the holdout are not compared: the model predicts only customers it has seen.
 */
import { formatIsoDay, MS_PER_DAY } from '../input/date-parsing.ts';
import { type BacktestSplit, type BacktestSplitOptions, splitHistory } from './backtest-split.ts';
import { comparePurchases, naiveBaselinePurchases, type PurchaseComparison } from './backtest-comparison.ts';
import { backtestSpend, type SpendBacktest } from './backtest-spend.ts';
import { fitBgNbd } from './bg-nbd-fit.ts';
import type { BgNbdParameters } from './bg-nbd-likelihood.ts';
import { scoreBgNbd } from './bg-nbd-scores.ts';
import type { FitOptions } from './fit-sample.ts';
import {
  calibrationColumns,
  DAYS_PER_UNIT,
  type OrderColumns,
  pickRows,
  summarisePurchases,
  type TimeUnit,
} from './purchase-summary.ts';
import {
  type BacktestOutcome,
  decideValueVerdict,
  type ValueVerdict,
  withholdBeforeFit,
} from './value-verdict.ts';

export interface BacktestOptions extends BacktestSplitOptions {
  /** The unit of t_x, T and the model's alpha. @default 'weeks' */
  readonly timeUnit?: TimeUnit;
  /** The fits' sample size and seed (fit-sample.ts). */
  readonly fit?: FitOptions;
}

/** The backtest as the analysis JSON carries it: plain numbers, strings, arrays and objects. */
export interface ValueBacktest {
  readonly split: BacktestSplit & {
    readonly firstPurchase: string;
    readonly calibrationEnd: string;
    readonly lastPurchase: string;
    readonly timeUnit: TimeUnit;
    /** The holdout in `timeUnit`: the horizon of the compared predictions. */
    readonly holdoutLength: number;
  };
  /** Customers whose first purchase is in the calibration period: those compared. */
  readonly calibrationCustomers: number;
  /** Of those, the customers with at least one repeat purchase in calibration. */
  readonly repeatCustomers: number;
  /** The BG/NBD fit on calibration; null when the history ruled the fit out or it failed. */
  readonly purchaseModel: {
    readonly parameters: BgNbdParameters;
    readonly logLikelihood: number;
    readonly customersFitted: number;
  } | null;
  readonly purchases: PurchaseComparison | null;
  readonly spend: SpendBacktest | null;
  /** Why the spend model failed when the purchase model did not (then only the value figures are withheld). */
  readonly spendFailure: string | null;
  readonly verdict: ValueVerdict;
}

type Calibration = ReturnType<typeof calibrationColumns> & {
  actualPurchases: Float64Array;
  actualRevenue: Float64Array;
};

/** Runs the backtest on a file's orders (customers as dense indices below `customerCount`). */
export function runBacktest(
  orders: OrderColumns,
  customerCount: number,
  options: BacktestOptions = {},
): ValueBacktest {
  const split = splitHistory(orders, options);
  const timeUnit = options.timeUnit ?? 'weeks';
  const holdoutLength = split.holdoutDays / DAYS_PER_UNIT[timeUnit];
  const calibration = calibrationOf(orders, customerCount, split, timeUnit);
  const evidence = {
    historyDays: split.historyDays,
    holdoutDays: split.holdoutDays,
    repeatCustomers: calibration.x.reduce((count, x) => count + (x > 0 ? 1 : 0), 0),
  };
  const isoDay = (day: number) => formatIsoDay(day * MS_PER_DAY);
  const base = {
    split: {
      ...split,
      firstPurchase: isoDay(split.firstDay),
      calibrationEnd: isoDay(split.calibrationEndDay),
      lastPurchase: isoDay(split.lastDay),
      timeUnit,
      holdoutLength,
    },
    calibrationCustomers: calibration.x.length,
    repeatCustomers: evidence.repeatCustomers,
  };
  const early = withholdBeforeFit(evidence);
  if (early !== undefined)
    return { ...base, purchaseModel: null, purchases: null, spend: null, spendFailure: null, verdict: early };
  const fitted = fitAndCompare(calibration, holdoutLength, options.fit ?? {});
  return { ...base, ...fitted.figures, verdict: decideValueVerdict(evidence, fitted.outcome) };
}

/** The calibration columns of the customers first seen in calibration, with their holdout purchases and revenue. */
function calibrationOf(
  orders: OrderColumns,
  customerCount: number,
  split: BacktestSplit,
  timeUnit: TimeUnit,
): Calibration {
  const summary = summarisePurchases(orders, {
    customerCount,
    calibrationEndDay: split.calibrationEndDay,
    observationEndDay: split.lastDay,
    timeUnit,
  });
  const columns = calibrationColumns(summary);
  return {
    ...columns,
    actualPurchases: pickRows(summary.holdoutPurchases, columns.rows),
    actualRevenue: pickRows(summary.holdoutValue, columns.rows),
  };
}

interface Fitted {
  readonly figures: Pick<ValueBacktest, 'purchaseModel' | 'purchases' | 'spend' | 'spendFailure'>;
  readonly outcome: BacktestOutcome;
}

/**
 * Both fits, the predictions over the holdout and their comparison; a failure is an outcome, not a throw. When
 * only the spend fit fails, the purchase figures and their verdict stay, and the value figures are withheld.
 */
function fitAndCompare(calibration: Calibration, holdoutLength: number, fitOptions: FitOptions): Fitted {
  const fit = fitBgNbd(calibration, fitOptions);
  const { parameters, logLikelihood, customersFitted } = fit;
  const predicted = scoreBgNbd(parameters, calibration, holdoutLength).expectedPurchases;
  if (!fit.converged || !predicted.every(Number.isFinite)) {
    return {
      figures: { purchaseModel: null, purchases: null, spend: null, spendFailure: null },
      outcome: {
        kind: 'fit-failed',
        detail: fit.converged
          ? 'purchase model: a prediction is not a finite number'
          : 'purchase model: the optimiser did not converge',
      },
    };
  }
  const baseline = Float64Array.from(calibration.x, (x, customer) =>
    naiveBaselinePurchases(x, calibration.T[customer] as number, holdoutLength),
  );
  const purchases = comparePurchases({
    x: calibration.x,
    predicted,
    baseline,
    actual: calibration.actualPurchases,
  });
  const purchaseModel = { parameters, logLikelihood, customersFitted };
  const { modelMae, baselineMae } = purchases;
  try {
    const spend = backtestSpend({ ...calibration, predictedPurchases: predicted }, fitOptions);
    return {
      figures: { purchaseModel, purchases, spend, spendFailure: null },
      outcome: { kind: 'compared', modelMae, baselineMae },
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      figures: { purchaseModel, purchases, spend: null, spendFailure: error.message },
      outcome: { kind: 'compared', modelMae, baselineMae, spendFailure: error.message },
    };
  }
}
