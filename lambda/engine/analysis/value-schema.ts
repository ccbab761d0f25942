/**
 * The schema of the analysis's `value` (value/value-result.ts): customer value ahead and its backtest, as read
 * back from an archived analysis. analysis-schema.ts checks it against the type at compile time with the rest.
 * Counts are whole numbers of 0 or more, probabilities and shares within [0, 1], money and model figures finite.
 */
import * as z from 'zod';
import { type PriorityKey, PRIORITY_KEYS } from '../value/value-priority.ts';
import { count, finite, flag, isoDay, list, object, oneOf, share, text } from './schema-words.ts';

const positive = finite.positive('expected a positive number');
const timeUnit = oneOf(['days', 'weeks', 'months']);

const verdict = z.discriminatedUnion(
  'status',
  [
    object({ status: z.literal('shown'), note: text, spendNote: text.nullable() }),
    object({
      status: z.literal('withheld'),
      reason: oneOf(['too-short', 'too-few-repeat-customers', 'fit-failed', 'no-better-than-baseline']),
      note: text,
    }),
  ],
  { error: 'expected a verdict, shown or withheld' },
);

const bgNbdParameters = object({ r: positive, alpha: positive, a: positive, b: positive });
const gammaGammaParameters = object({ p: positive, q: positive, v: positive });

const purchaseComparison = object({
  customers: count,
  predictedTotal: finite,
  baselineTotal: finite,
  actualTotal: finite,
  modelMae: finite,
  baselineMae: finite,
  maeRatio: finite.nullable(),
  byRepeatPurchases: list(
    object({
      repeatPurchases: count,
      orMore: flag,
      customers: count,
      meanPredicted: finite.nullable(),
      meanBaseline: finite.nullable(),
      meanActual: finite.nullable(),
    }),
  ),
});

const spendBacktest = object({
  parameters: gammaGammaParameters,
  logLikelihood: finite,
  customersFitted: count,
  frequencyValueCorrelation: finite,
  predictedRevenue: finite,
  actualRevenue: finite,
  revenueMae: finite,
});

const backtest = object({
  split: object({
    firstDay: z.int(),
    calibrationEndDay: z.int(),
    lastDay: z.int(),
    historyDays: count,
    holdoutDays: count,
    firstPurchase: isoDay,
    calibrationEnd: isoDay,
    lastPurchase: isoDay,
    timeUnit,
    holdoutLength: finite,
  }),
  calibrationCustomers: count,
  repeatCustomers: count,
  purchaseModel: object({
    parameters: bgNbdParameters,
    logLikelihood: finite,
    customersFitted: count,
  }).nullable(),
  purchases: purchaseComparison.nullable(),
  spend: spendBacktest.nullable(),
  spendFailure: text.nullable(),
  verdict,
});

const highValueFigures = object({
  horizonDays: count,
  horizonShortened: flag,
  calibrationEndDay: z.int(),
  labelShare: share,
  training: object({ customers: count, positives: count }),
  holdout: object({ positives: count, negatives: count, auc: finite }),
  aucFloor: finite,
  model: object({
    intercept: finite,
    features: list(object({ name: text, coefficient: finite, mean: finite, scale: finite })),
    converged: flag,
  }),
  notes: list(text),
});

const valueGroup = object({
  key: text,
  customers: count,
  predictedValue: finite.nullable(),
  customersLikelyLost: count.nullable(),
  valueIfRetained: finite.nullable(),
  meanProbabilityAlive: share.nullable(),
});

const priorityCounts = object(
  Object.fromEntries(PRIORITY_KEYS.map((key) => [key, count])) as Record<PriorityKey, typeof count>,
);

const priority = object({
  highValueRule: oneOf(['probability', 'clv-top-share', 'purchases-top-share']),
  levels: list(object({ key: oneOf(PRIORITY_KEYS), customers: count, predictedValue: finite.nullable() })),
  bySegment: list(object({ key: text, customers: priorityCounts })),
});

const aggregate = object({
  lastDaySeen: isoDay,
  points: list(object({ day: isoDay, expected: finite, actual: finite.nullable() })),
});

export const valueAnalysisSchema = object({
  basis: oneOf(['revenue', 'margin']),
  horizonMonths: count,
  monthlyDiscountRate: finite,
  margin: finite,
  timeUnit,
  lastDaySeen: isoDay,
  verdict,
  backtest,
  purchaseModel: object({
    parameters: bgNbdParameters,
    logLikelihood: finite,
    customersFitted: count,
    converged: flag,
  }).nullable(),
  spendModel: object({
    parameters: gammaGammaParameters,
    logLikelihood: finite,
    customersFitted: count,
    frequencyValueCorrelation: finite,
  }).nullable(),
  highValue: object({
    status: oneOf(['scored', 'withheld']),
    reason: text.nullable(),
    figures: highValueFigures.nullable(),
  }).nullable(),
  customersScored: count,
  totalPredictedValue: finite.nullable(),
  customersLikelyLost: count.nullable(),
  probabilityAliveDistribution: list(count).nullable(),
  aggregate: aggregate.nullable(),
  segments: list(valueGroup),
  clusters: list(valueGroup),
  priority: priority.nullable(),
  notes: list(text),
});
