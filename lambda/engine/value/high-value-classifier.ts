/**
 * P(high value): the probability that a customer is in the top group by value over the next horizon, from a
 * logistic regression trained on the file's own history. The history is split in time (high-value-split.ts):
 * features at the calibration end (high-value-features.ts), label = in the top share by value over the horizon
 * after it; a seeded share of those customers trains the model, the others measure its holdout AUC (auc.ts). A
 * model whose AUC is under the floor, or whose holdout is too small to measure it, is withheld with the reason;
 * otherwise it scores every customer on their features at the scoring end (the whole history).
 */
import { createRandomSource, sampleRowIndices } from '../clustering/kmeans/seeded-random.ts';
import { rankAuc } from './auc.ts';
import { groupedFor } from './orders-by-customer.ts';
import {
  customerFeaturesAt,
  customerFeaturesInto,
  HIGH_VALUE_FEATURES,
  isSeen,
} from './high-value-features.ts';
import { splitSamples, type TimeSplit, timeSplit, topShareLabels } from './high-value-split.ts';
import { fitLogisticRegression, type LogisticModel, predictProbability } from './logistic-regression.ts';
import { DAYS_PER_UNIT, type OrderColumns, type TimeUnit } from './purchase-summary.ts';
import {
  HIGH_VALUE_DEFAULTS,
  type HighValueFigures,
  type HighValueModel,
  type HighValueOptions,
  type HighValueResult,
} from './high-value-result.ts';

/** Trains, measures and (unless withheld) applies the P(high value) classifier on one file's orders. */
export function classifyHighValue(
  orders: OrderColumns,
  customerCount: number,
  options: HighValueOptions = {},
): HighValueResult {
  const settings = { ...HIGH_VALUE_DEFAULTS, ...options };
  const { firstDay, lastDay } = orderDayRange(orders);
  const askedDays = Math.round(settings.horizonMonths * DAYS_PER_UNIT.months);
  const split = timeSplit(firstDay, lastDay, askedDays);
  if (!(split.horizonDays >= 1)) {
    const history = orders.count === 0 ? 'no order' : 'orders on one day only';
    return {
      status: 'withheld',
      reason: `P(high value) withheld: the history must span at least 2 days to be split in time; it has ${history}`,
      figures: undefined,
    };
  }
  const { model, training, holdout } = trainAndMeasure(orders, customerCount, split, settings);
  const figures: HighValueFigures = {
    horizonDays: split.horizonDays,
    horizonShortened: split.shortened,
    calibrationEndDay: split.calibrationEndDay,
    labelShare: settings.labelShare,
    training,
    holdout,
    aucFloor: settings.aucFloor,
    model: describeModel(model),
    notes: split.shortened ? [shortenedNote(lastDay - firstDay, askedDays, split.horizonDays)] : [],
  };
  const reason = withholdingReason(figures, settings.minimumClassSize);
  if (reason !== undefined) return { status: 'withheld', reason, figures };
  const scoringEndDay = options.scoringEndDay ?? lastDay;
  const scores = scoreCustomers(orders, customerCount, scoringEndDay, model, settings.timeUnit);
  return { status: 'scored', figures, scores };
}

/** Features at the calibration end, labels after it; the model fitted on the training draw, scored on the rest. */
function trainAndMeasure(
  orders: OrderColumns,
  customerCount: number,
  split: TimeSplit,
  settings: typeof HIGH_VALUE_DEFAULTS,
): { model: LogisticModel } & Pick<HighValueFigures, 'training' | 'holdout'> {
  const calibration = customerFeaturesAt(orders, {
    customerCount,
    endDay: split.calibrationEndDay,
    followingDays: split.horizonDays,
    timeUnit: settings.timeUnit,
  });
  const { features, followingValue } = calibration;
  const labels = topShareLabels(followingValue, settings.labelShare);
  const samples = splitSamples(features, followingValue, settings.trainingShare, settings.seed);
  const training = atMost(samples.training, settings.maxTrainingCustomers, settings.seed);
  const model = fitLogisticRegression(features, labels, training);
  const holdoutScores = Float64Array.from(samples.holdout, (row) => predictProbability(model, features, row));
  const holdoutLabels = Uint8Array.from(samples.holdout, (row) => labels[row] as number);
  const positives = holdoutLabels.reduce((sum, label) => sum + label, 0);
  const trainingPositives = training.reduce((sum, row) => sum + (labels[row] as number), 0);
  return {
    model,
    training: { customers: training.length, positives: trainingPositives },
    holdout: {
      positives,
      negatives: holdoutLabels.length - positives,
      auc: rankAuc(holdoutScores, holdoutLabels),
    },
  };
}

/** The rows, or a seeded sample of `size` of them (in their order) when there are more. */
function atMost(rows: Int32Array, size: number, seed: number): Int32Array {
  if (rows.length <= size) return rows;
  return Int32Array.from(
    sampleRowIndices(rows.length, size, createRandomSource(seed)),
    (index) => rows[index] as number,
  );
}

/** Why the model must not be shown, or undefined when it may. */
function withholdingReason(figures: HighValueFigures, minimumClassSize: number): string | undefined {
  const { positives, negatives, auc } = figures.holdout;
  if (positives < minimumClassSize || negatives < minimumClassSize) {
    return (
      `P(high value) withheld: the holdout has ${positives} customer(s) in the top group and ${negatives} other(s); ` +
      `at least ${minimumClassSize} of each are needed to measure the model`
    );
  }
  if (!(auc >= figures.aucFloor)) {
    return `P(high value) withheld: its holdout AUC is ${auc.toFixed(3)}, under the floor of ${figures.aucFloor}`;
  }
  return undefined;
}

/** P(high value) of every customer from their features at the scoring end; NaN for those not yet seen. */
function scoreCustomers(
  orders: OrderColumns,
  customerCount: number,
  endDay: number,
  model: LogisticModel,
  timeUnit: TimeUnit,
): Float64Array {
  const grouped = groupedFor(orders, customerCount);
  const day = { customerCount, endDay, followingDays: 0, timeUnit };
  const values = new Float64Array(HIGH_VALUE_FEATURES.length);
  const features = { rowCount: 1, columnCount: values.length, values };
  const scores = new Float64Array(customerCount).fill(Number.NaN);
  for (let customer = 0; customer < customerCount; customer++) {
    if (!isSeen(grouped, customer, day)) continue;
    customerFeaturesInto(grouped, customer, day, values);
    scores[customer] = predictProbability(model, features, 0);
  }
  return scores;
}

function describeModel(model: LogisticModel): HighValueModel {
  return {
    intercept: model.intercept,
    features: HIGH_VALUE_FEATURES.map((name, column) => ({
      name,
      coefficient: model.coefficients[column] as number,
      mean: model.means[column] as number,
      scale: model.scales[column] as number,
    })),
    converged: model.converged,
  };
}

function shortenedNote(spanDays: number, askedDays: number, usedDays: number): string {
  return (
    `The history spans ${spanDays} days, less than twice the ${askedDays}-day horizon: the classifier learnt ` +
    `over half the span, ${usedDays} days, and its scores are for that horizon`
  );
}

/** The first and last order day (NaN when there is no order). */
function orderDayRange(orders: OrderColumns): { firstDay: number; lastDay: number } {
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let order = 0; order < orders.count; order++) {
    const day = orders.days[order] as number;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  return orders.count === 0 ? { firstDay: Number.NaN, lastDay: Number.NaN } : { firstDay, lastDay };
}
