/**
 * The clustering step of an analysis given a saved segmentation (issue 18: a scheduled run between two refits,
 * the `score` command): the customers put into the model's clusters rather than fitted, the method in words for
 * the report, and what the scoring took at the model's missingValue.
 */
import type { ClusterStepOutcome } from '../segmentation/clustering-step.ts';
import type { FeatureTable } from '../segmentation/clustering-types.ts';
import { applySegmentationModel } from './apply-segmentation-model.ts';
import type { SegmentationModel } from './segmentation-model.ts';

/** The model's clusters for the table's rows (one row at least). */
export function modelClusteringStep(table: FeatureTable, model: SegmentationModel): ClusterStepOutcome {
  const { result, missing, prospects } = applySegmentationModel(model, table);
  const saved = `the saved segmentation of ${model.asOf} (${model.source})`;
  return {
    skipped: null,
    method: prospects
      ? `${saved}: prospects to the cluster its prospect model expects from ${prospects.features.join(', ')}, no refit`
      : `${saved}: each customer to the nearest of its centroids, no refit`,
    result,
    scoredWith: { source: model.source, asOf: model.asOf, missing, ...(prospects && { prospects }) },
  };
}
