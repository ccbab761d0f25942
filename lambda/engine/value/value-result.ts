/**
 * The customer-value analysis as the analysis JSON carries it (plain numbers, strings, arrays and objects), and
 * the per-customer columns the customers file reads. Its settings' defaults are CUSTOMER_VALUE_DEFAULTS.
 */
import type { AggregateCurve } from './aggregate-curve.ts';
import type { ValueBacktest } from './backtest.ts';
import type { BgNbdParameters } from './bg-nbd-likelihood.ts';
import type { GammaGammaParameters } from './gamma-gamma-likelihood.ts';
import type { HighValueFigures } from './high-value-result.ts';
import type { TimeUnit } from './purchase-summary.ts';
import type { ValuePriority } from './value-priority.ts';
import type { ValueVerdict } from './value-verdict.ts';

/**
 * A customer whose P(alive) is under this is counted as likely lost: more likely gone than still buying, the
 * even-odds line lifetimes' users draw too.
 */
export const LIKELY_LOST_BELOW = 0.5;

/** Bins of the P(alive) distribution: [0, 0.1), [0.1, 0.2), ..., [0.9, 1]. */
export const PROBABILITY_ALIVE_BINS = 10;

/** One segment's or cluster's figures; the predictions are null when withheld. */
export interface ValueGroup {
  readonly key: string;
  readonly customers: number;
  /** Sum of the customers' CLV; null when the value figures are withheld. */
  readonly predictedValue: number | null;
  /** Customers with P(alive) under LIKELY_LOST_BELOW. */
  readonly customersLikelyLost: number | null;
  /**
   * What those customers would bring over the horizon if still active (each one's CLV / P(alive)): the value a
   * win-back plan works to save. Null when the value figures are withheld.
   */
  readonly valueIfRetained: number | null;
  readonly meanProbabilityAlive: number | null;
}

export interface ValueAnalysis {
  /** 'revenue' when the margin is 1 (revenue CLV), else 'margin' (profit CLV at that margin). */
  readonly basis: 'revenue' | 'margin';
  readonly horizonMonths: number;
  readonly monthlyDiscountRate: number;
  readonly margin: number;
  readonly timeUnit: TimeUnit;
  /** The last day the models see, inclusive (the day before the as-of day). */
  readonly lastDaySeen: string;
  readonly verdict: ValueVerdict;
  readonly backtest: ValueBacktest;
  /** The fit on the whole history; null when the predictions are withheld. */
  readonly purchaseModel: {
    readonly parameters: BgNbdParameters;
    readonly logLikelihood: number;
    readonly customersFitted: number;
    readonly converged: boolean;
  } | null;
  /** Null when the predictions are withheld or the spend model failed. */
  readonly spendModel: {
    readonly parameters: GammaGammaParameters;
    readonly logLikelihood: number;
    readonly customersFitted: number;
    readonly frequencyValueCorrelation: number;
  } | null;
  /** The P(high value) classifier: AUC, coefficients; null when the predictions are withheld. */
  readonly highValue: {
    readonly status: 'scored' | 'withheld';
    readonly reason: string | null;
    readonly figures: HighValueFigures | null;
  } | null;
  /** Customers with predictions (first purchase before the as-of day). */
  readonly customersScored: number;
  readonly totalPredictedValue: number | null;
  readonly customersLikelyLost: number | null;
  readonly probabilityAliveDistribution: number[] | null;
  /** Cumulative repeat purchases of the base, expected and actual, to the horizon's end; null when withheld. */
  readonly aggregate: AggregateCurve | null;
  readonly segments: ValueGroup[];
  readonly clusters: ValueGroup[];
  /** Segment × predicted value (value-priority.ts); null when the predictions are withheld. */
  readonly priority: ValuePriority | null;
  /** Plain-language notes: the verdict's, the spend model's, the classifier's, a high correlation. */
  readonly notes: string[];
}

/** Per customer row (id order); NaN where there is no figure (withheld, or not seen before the as-of day). */
export interface ValueColumns {
  readonly probabilityAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  readonly expectedOrderValue: Float64Array;
  readonly clv: Float64Array;
  readonly probabilityHighValue: Float64Array;
}
