/**
 * Training the prospect model: a multinomial logistic regression from the descriptive features to the full
 * model's clusters. Its agreement is measured first on a seeded fifth of the customers held out (the evaluation
 * fit sees the other four fifths, its standardisation included, and is scored by scoreProspects, the path the
 * shipped model takes); the shipped weights are then fitted on every customer (a seeded sample past maxTrainRows).
 */
import { prepareFeatures } from '../segmentation/prepare-features.ts';
import type { FeatureTable } from '../segmentation/clustering-types.ts';
import { createRandomSource, deriveSeed, sampleRowIndices } from '../kmeans/seeded-random.ts';
import { PROSPECT_MODEL_METHOD, type ProspectModel } from './prospect-model.ts';
import { scoreProspects } from './score-prospects.ts';
import { DEFAULT_SOFTMAX_OPTIONS, fitSoftmaxRegression, type SoftmaxOptions } from './softmax-regression.ts';
import { checkTrainingInput } from './prospect-training-input.ts';

/** Options of trainProspectModel; defaults in DEFAULT_PROSPECT_TRAINING. */
export interface ProspectTrainingOptions extends SoftmaxOptions {
  /**
   * Past this many customers each fit runs on a seeded sample of this many: each gradient step reads every row,
   * and 50,000 customers pin the weights of a few features and clusters far more closely than the clusters do.
   */
  maxTrainRows: number;
}

export const DEFAULT_PROSPECT_TRAINING: ProspectTrainingOptions = {
  ...DEFAULT_SOFTMAX_OPTIONS,
  maxTrainRows: 50_000,
};

/** The held-out share of the customers: one in five. */
const HOLDOUT_SHARE = 0.2;
/** Labels that give the held-out fifth and the training samples seeds of their own. */
const HOLDOUT_LABEL = 1;
const SAMPLE_LABEL = 2;

/**
 * The prospect model of `table` (the descriptive features, finite, one row per customer) whose customers the full
 * model put in `clusterOfRow` (indices 0..clusterCount-1). Same table, clusters and seed: the same model.
 */
export function trainProspectModel(
  table: FeatureTable,
  clusterOfRow: Int32Array,
  clusterCount: number,
  seed: number,
  options: Partial<ProspectTrainingOptions> = {},
): ProspectModel {
  const settings = { ...DEFAULT_PROSPECT_TRAINING, ...options };
  checkTrainingInput(table, clusterOfRow, clusterCount, seed, settings);
  const heldOut = sampleRowIndices(
    table.rowCount,
    Math.max(1, Math.round(table.rowCount * HOLDOUT_SHARE)),
    createRandomSource(deriveSeed(seed, HOLDOUT_LABEL)),
  );
  const isHeldOut = new Uint8Array(table.rowCount);
  for (const row of heldOut) isHeldOut[row] = 1;
  const kept = Int32Array.from({ length: table.rowCount }, (_, row) => row).filter((row) => !isHeldOut[row]);
  const evaluationRows = sampledRows(kept, settings.maxTrainRows, seed, 0);
  const evaluation = fitOn(
    rowsOf(table, evaluationRows),
    pick(clusterOfRow, evaluationRows),
    clusterCount,
    seed,
    settings,
  );
  const predicted = scoreProspects(evaluation, rowsOf(table, heldOut)).clusters;
  const agreeing = heldOut.filter((row, position) => predicted[position] === clusterOfRow[row]).length;
  const majority = mostCommon(pick(clusterOfRow, evaluationRows), clusterCount);
  const inMajority = heldOut.filter((row) => clusterOfRow[row] === majority).length;
  const allRows = Int32Array.from({ length: table.rowCount }, (_, row) => row);
  const shippedRows = sampledRows(allRows, settings.maxTrainRows, seed, 1);
  return {
    ...fitOn(rowsOf(table, shippedRows), pick(clusterOfRow, shippedRows), clusterCount, seed, settings),
    holdoutRows: heldOut.length,
    holdoutAgreement: agreeing / heldOut.length,
    majorityShare: inMajority / heldOut.length,
  };
}

/** The model fitted on one table: its standardisation, then the regression's weights split per cluster. */
function fitOn(
  table: FeatureTable,
  labels: Int32Array,
  clusterCount: number,
  seed: number,
  settings: ProspectTrainingOptions,
): ProspectModel {
  const { points, features } = prepareFeatures(table, 'auto');
  const dimension = features.length;
  const { weights } = fitSoftmaxRegression(points, dimension, labels, clusterCount, settings);
  const ofCluster = (cls: number) =>
    Array.from(weights.subarray(cls * (dimension + 1), (cls + 1) * (dimension + 1)));
  const perCluster = Array.from({ length: clusterCount }, (_, cls) => ofCluster(cls));
  return {
    method: PROSPECT_MODEL_METHOD,
    features,
    clusterCount,
    coefficients: perCluster.map((row) => row.slice(0, dimension)),
    intercepts: perCluster.map((row) => row[dimension] as number),
    l2Penalty: settings.l2Penalty,
    seed,
    trainRows: table.rowCount,
    holdoutRows: 0,
    holdoutAgreement: 0,
    majorityShare: 0,
  };
}

/** `rows`, or a seeded sample of `limit` of them (in ascending order) when they are more. */
function sampledRows(rows: Int32Array, limit: number, seed: number, which: number): Int32Array {
  if (rows.length <= limit) return rows;
  const positions = sampleRowIndices(
    rows.length,
    limit,
    createRandomSource(deriveSeed(seed, SAMPLE_LABEL, which)),
  );
  return positions.map((position) => rows[position] as number);
}

/** The table restricted to `rows`, in that order. */
function rowsOf(table: FeatureTable, rows: Int32Array): FeatureTable {
  const dimension = table.names.length;
  const values = new Float64Array(rows.length * dimension);
  rows.forEach((row, position) =>
    values.set(table.values.subarray(row * dimension, (row + 1) * dimension), position * dimension),
  );
  return { names: table.names, values, rowCount: rows.length };
}

function pick(labels: Int32Array, rows: Int32Array): Int32Array {
  return rows.map((row) => labels[row] as number);
}

/** The most common class (the lowest index on a tie). */
function mostCommon(labels: Int32Array, classCount: number): number {
  const counts = new Int32Array(classCount);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  return counts.indexOf(Math.max(...counts));
}
