/**
 * The P(high value) classifier's settings, with their defaults, and its result as plain data for the analysis
 * JSON (the scores as a Float64Array per customer index).
 */
import { CUSTOMER_VALUE_DEFAULTS } from './customer-value.ts';
import { FIT_SAMPLE_SIZE } from './fit-sample.ts';
import type { TimeUnit } from './purchase-summary.ts';

export interface HighValueOptions {
  /** Months ahead the value is counted over, as days round(months x 365.25 / 12). @default 12 (the CLV's) */
  readonly horizonMonths?: number;
  /** The top group: this share of customers by value over the horizon. @default 0.2 */
  readonly labelShare?: number;
  /** Share of the calibration customers the model is trained on; the others are the holdout. @default 0.7 */
  readonly trainingShare?: number;
  /**
   * Training customers above this are a seeded sample of this size: the regression's time stays bounded on
   * millions of customers (5 features need far fewer), and the holdout AUC still measures it on the others.
   * @default FIT_SAMPLE_SIZE (200,000)
   */
  readonly maxTrainingCustomers?: number;
  /** Seed of the training / holdout draw. @default 1 */
  readonly seed?: number;
  /**
   * Under this holdout AUC the model is withheld. @default 0.6: 0.5 is a coin toss; under 0.6 the ranking is
   * too weak to tell an executive which customers to prioritise.
   */
  readonly aucFloor?: number;
  /** Fewest holdout customers of each class for the AUC to be measured. @default 20 */
  readonly minimumClassSize?: number;
  /** Unit of the time features. @default 'weeks' */
  readonly timeUnit?: TimeUnit;
  /** The last day the scores' features see, inclusive. @default the last order day */
  readonly scoringEndDay?: number;
}

export const HIGH_VALUE_DEFAULTS: Required<Omit<HighValueOptions, 'scoringEndDay'>> = {
  horizonMonths: CUSTOMER_VALUE_DEFAULTS.horizonMonths,
  labelShare: 0.2,
  trainingShare: 0.7,
  maxTrainingCustomers: FIT_SAMPLE_SIZE,
  seed: 1,
  aucFloor: 0.6,
  minimumClassSize: 20,
  timeUnit: 'weeks',
};

/** The fitted model as plain data: coefficients on standardised features, by name. */
export interface HighValueModel {
  readonly intercept: number;
  readonly features: { name: string; coefficient: number; mean: number; scale: number }[];
  readonly converged: boolean;
}

/** What the classifier measured, for the analysis JSON. */
export interface HighValueFigures {
  readonly horizonDays: number;
  readonly horizonShortened: boolean;
  readonly calibrationEndDay: number;
  readonly labelShare: number;
  readonly training: { readonly customers: number; readonly positives: number };
  readonly holdout: { readonly positives: number; readonly negatives: number; readonly auc: number };
  readonly aucFloor: number;
  readonly model: HighValueModel;
  /** Plain-language notes (the shortened horizon). */
  readonly notes: string[];
}

export type HighValueResult =
  | {
      readonly status: 'scored';
      readonly figures: HighValueFigures;
      /** P(high value) per customer index; NaN for a customer with no purchase by the scoring end. */
      readonly scores: Float64Array;
    }
  | { readonly status: 'withheld'; readonly reason: string; readonly figures: HighValueFigures | undefined };
