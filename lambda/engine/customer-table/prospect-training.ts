/**
 * The prospect model a customer-table analysis saves with its segmentation (issue 18): trained on the descriptive
 * features (descriptive-features.ts) to expect the clusters the analysis found, its agreement measured on a
 * held-out fifth (clustering/prospects/train-prospect-model.ts). None when the table has no descriptive feature or
 * too few customers to hold a fifth out.
 */
import type { FeatureTable } from '../clustering/segmentation/clustering-types.ts';
import type { SegmentationModel } from '../clustering/saved/segmentation-model.ts';
import { MIN_PROSPECT_TRAINING_ROWS } from '../clustering/prospects/prospect-training-input.ts';
import { trainProspectModel } from '../clustering/prospects/train-prospect-model.ts';
import type { CustomerTableRoles } from './customer-table-columns.ts';
import { descriptiveFeatures } from './descriptive-features.ts';

/** What the training reads of the analysis. */
export interface ProspectTrainingInput {
  features: FeatureTable;
  featureSources: Readonly<Record<string, string>>;
  header: readonly string[];
  roles: CustomerTableRoles;
  /** The analysis's cluster of each row. */
  assignments: Int32Array;
  seed: number;
  prospectFeatures?: readonly string[] | undefined;
}

/** The model with its prospect model (or none, when it cannot be trained). */
export function withProspectModel(model: SegmentationModel, input: ProspectTrainingInput): SegmentationModel {
  const names = descriptiveFeatures(input.featureSources, input.header, input.roles, input.prospectFeatures);
  const { features } = input;
  if (names.length === 0 || features.rowCount < MIN_PROSPECT_TRAINING_ROWS) return model;
  const columns = names.map((name) => features.names.indexOf(name));
  const width = features.names.length;
  const values = new Float64Array(features.rowCount * names.length);
  for (let row = 0; row < features.rowCount; row++) {
    columns.forEach((column, at) => {
      values[row * names.length + at] = features.values[row * width + column] as number;
    });
  }
  const table = { names, values, rowCount: features.rowCount };
  const prospects = trainProspectModel(table, input.assignments, model.clusters.length, input.seed);
  return { ...model, prospects };
}
