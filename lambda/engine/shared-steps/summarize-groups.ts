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
import type { FeatureTable } from '../clustering/segmentation/clustering-types.ts';
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
}

/** Runs the clustering step on the features (or says why not) and adds each cluster's KPIs: nothing per customer. */
export function clusterAndSummarizeColumns(
  table: FeatureTable,
  facts: CustomerFactColumns,
  context: KpiContext,
  options: ClusterStepOptions,
): ClusterColumnsStepResult {
  const { ambiguousMargin } = options;
  const step = runClusteringStep(table, options);
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
    };
  }
  const { result, method } = step;
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
    },
    clusters: clusterColumnsOf(result),
  };
}
