/**
 * Scoring prospects with a prospect model: each row's descriptive features standardised as at training (a missing
 * or unusable value taken at the training mean, and counted), then the most probable of the full model's clusters
 * and its probability. A row's result depends on that row and the model only.
 */
import type { FeatureTable } from '../segmentation/clustering-types.ts';
import { standardiseRow } from '../segmentation/standardise-row.ts';
import type { ProspectModel, ScoredProspects } from './prospect-model.ts';
import { softmaxProbabilities } from './softmax-regression.ts';
import { InputError } from '../../../errors/input-errors.ts';

/**
 * Scores every row of `table`, whose columns must be the model's features in the model's order (NaN where a
 * prospect has no value).
 * @example a model whose two clusters are split at a standardised 0: a value at the training mean → confidence 0.5
 */
export function scoreProspects(model: ProspectModel, table: FeatureTable): ScoredProspects {
  const names = model.features.map((feature) => feature.name);
  if (table.names.length !== names.length || table.names.some((name, column) => name !== names[column])) {
    throw new InputError(
      `The prospects' columns must be the prospect model's features in order (${names.join(', ')}), got ${table.names.join(', ')}`,
    );
  }
  const dimension = names.length;
  const classCount = model.clusterCount;
  const weights = flatWeights(model);
  const point = new Float64Array(dimension);
  const probabilities = new Float64Array(classCount);
  const missing = new Int32Array(dimension);
  // A missing value at the training mean: 0 in standardised space.
  const atMean = new Float64Array(dimension);
  const scored: ScoredProspects = {
    clusters: new Int32Array(table.rowCount),
    confidence: new Float64Array(table.rowCount),
    margins: new Float64Array(table.rowCount),
    missing: {},
  };
  for (let row = 0; row < table.rowCount; row++) {
    standardiseRow(model.features, table, row, atMean, point, missing);
    softmaxProbabilities(weights, classCount, dimension, point, 0, probabilities);
    let best = 0;
    for (let cls = 1; cls < classCount; cls++) {
      if ((probabilities[cls] as number) > (probabilities[best] as number)) best = cls;
    }
    let runnerUp = 0;
    for (let cls = 0; cls < classCount; cls++) {
      if (cls !== best) runnerUp = Math.max(runnerUp, probabilities[cls] as number);
    }
    scored.clusters[row] = best;
    scored.confidence[row] = probabilities[best] as number;
    scored.margins[row] = (probabilities[best] as number) - runnerUp;
  }
  names.forEach((name, column) => (scored.missing[name] = missing[column] as number));
  return scored;
}

/** The model's coefficients and intercepts laid out as softmax-regression.ts reads them. */
function flatWeights(model: ProspectModel): Float64Array {
  return Float64Array.from(
    model.coefficients.flatMap((coefficients, cls) => [...coefficients, model.intercepts[cls] as number]),
  );
}
