/**
 * The groups of an analysis with their KPIs: every RFM segment, and the clusters of the clustering step
 * (clustering/segmentation/clustering-step.ts) or the reason there are none.
 */
import type { ClustersSummary, SegmentSummary } from '../analysis/analysis-types.ts';
import {
  type ClusterColumns,
  clusterColumnsOf,
  type ClusterStepOptions,
  runClusteringStep,
} from '../clustering/segmentation/clustering-step.ts';
import type { ClusteringResult, FeatureTable } from '../clustering/segmentation/clustering-types.ts';
import { modelClusteringStep } from '../clustering/saved/model-clustering-step.ts';
import type { SegmentationModel } from '../clustering/saved/segmentation-model.ts';
import {
  type CustomerFactColumns,
  computeGroupKpisByGroup,
  type GroupKpis,
  type KpiContext,
} from '../kpis/group-kpis.ts';
import { RFM_SEGMENT_KEYS, RFM_SEGMENT_NAMES } from '../rfm/rfm-segments.ts';

/**
 * Every RFM segment (empty ones included, so reports compare like with like) with its KPIs: `segments[r]` is the
 * index in RFM_SEGMENT_KEYS of row r's segment.
 */
export function summarizeSegmentColumns(
  facts: CustomerFactColumns,
  segments: ArrayLike<number>,
  context: KpiContext,
): SegmentSummary[] {
  const kpis = computeGroupKpisByGroup(facts, segments, RFM_SEGMENT_KEYS.length, context);
  return RFM_SEGMENT_KEYS.map((key, index) => ({
    key,
    name: RFM_SEGMENT_NAMES[key],
    ...(kpis[index] as GroupKpis),
  }));
}

export interface ClusterColumnsStepResult {
  summary: ClustersSummary;
  /** Null when clustering was skipped. */
  clusters: ClusterColumns | null;
  /** The fit (null when skipped or scored with a saved model), for the model file. */
  fitted: ClusteringResult | null;
}

/**
 * Runs the clustering step on the features (or says why not), or puts the customers into a saved segmentation's
 * clusters, and adds each cluster's KPIs: nothing per customer.
 */
export function clusterAndSummarizeColumns(
  table: FeatureTable,
  facts: CustomerFactColumns,
  context: KpiContext,
  options: ClusterStepOptions & { model?: SegmentationModel | undefined },
): ClusterColumnsStepResult {
  const { ambiguousMargin } = options;
  const { model } = options;
  const step =
    model && table.rowCount > 0 ? modelClusteringStep(table, model) : runClusteringStep(table, options);
  if (step.result === null) {
    const { skipped, method } = step;
    return {
      summary: {
        skipped,
        k: 0,
        method,
        selection: null,
        features: [],
        clusters: [],
        ambiguousCustomers: 0,
        ambiguousMargin,
      },
      clusters: null,
      fitted: null,
    };
  }
  const { result, method, scoredWith } = step;
  const kpis = computeGroupKpisByGroup(facts, result.assignments, result.clusters.length, context);
  return {
    summary: {
      skipped: null,
      k: result.k,
      method,
      selection: result.selection,
      features: result.features,
      clusters: result.clusters.map((cluster) => ({ ...cluster, kpis: kpis[cluster.index] as GroupKpis })),
      ambiguousCustomers: result.clusters.reduce((sum, cluster) => sum + cluster.ambiguousCount, 0),
      ambiguousMargin,
      ...(scoredWith && { scoredWith }),
    },
    clusters: clusterColumnsOf(result),
    fitted: scoredWith ? null : result,
  };
}
