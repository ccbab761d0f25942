import type { ClustersSummary, SegmentSummary } from './analysis-types.ts';
import { canCluster, clusterCustomers } from './clustering/cluster-customers.ts';
import type { ClusterNaming, FeatureTable } from './clustering/clustering-types.ts';
import {
  type CustomerFactColumns,
  type CustomerFacts,
  computeGroupKpisByGroup,
  factColumnsOf,
  type GroupKpis,
  type KpiContext,
} from './kpis/group-kpis.ts';
import { RFM_SEGMENT_KEYS, RFM_SEGMENT_NAMES, type RfmSegmentKey } from './rfm/rfm-segments.ts';

/** Every RFM segment (empty ones included, so reports compare like with like) with its KPIs. */
export function summarizeSegments(
  customers: readonly (CustomerFacts & { segment: RfmSegmentKey })[],
  context: KpiContext,
): SegmentSummary[] {
  const segments = customers.map((customer) => RFM_SEGMENT_KEYS.indexOf(customer.segment));
  return summarizeSegmentColumns(factColumnsOf(customers), segments, context);
}

/** summarizeSegments on columns: `segments[r]` is the index in RFM_SEGMENT_KEYS of row r's segment. */
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

export interface ClusterStepOptions {
  seed: number;
  k?: number | undefined;
  naming: ClusterNaming;
  ambiguousMargin: number;
}

export interface ClusterStepResult {
  summary: ClustersSummary;
  /** Per customer (same order as the facts): the cluster name (English) and margin, or null when clustering was skipped. */
  assignments: { cluster: string; margin: number }[] | null;
}

/** Each row's cluster as columns: `assignments[r]` indexes `names` (English) and summary.clusters. */
export interface ClusterColumns {
  assignments: Int32Array;
  margins: Float64Array;
  names: readonly string[];
}

export interface ClusterColumnsStepResult {
  summary: ClustersSummary;
  /** Null when clustering was skipped. */
  clusters: ClusterColumns | null;
}

const CLUSTERING_METHOD =
  'K-means (k-means++ seeding, best inertia of 10 restarts) on standardised features, log1p on skewed ones';

/** The method, saying so when the restarts ran on a sample (more customers than restartSampleSize). */
function clusteringMethod(rowCount: number, restartRows: number): string {
  if (restartRows >= rowCount) return CLUSTERING_METHOD;
  return (
    `K-means (k-means++ seeding, best inertia of 10 restarts on ${restartRows.toLocaleString('en-US')} sampled ` +
    'customers, then Lloyd iterations on all) on standardised features, log1p on skewed ones'
  );
}

/** Runs K-means on the features (or says why not) and adds each cluster's KPIs. */
export function clusterAndSummarize(
  table: FeatureTable,
  facts: readonly CustomerFacts[],
  context: KpiContext,
  options: ClusterStepOptions,
): ClusterStepResult {
  const { summary, clusters } = clusterAndSummarizeColumns(table, factColumnsOf(facts), context, options);
  return {
    summary,
    assignments:
      clusters &&
      Array.from(clusters.assignments, (cluster, row) => ({
        cluster: clusters.names[cluster] ?? String(cluster),
        margin: clusters.margins[row] ?? 0,
      })),
  };
}

/** clusterAndSummarize with the facts and the result as columns: nothing per customer. */
export function clusterAndSummarizeColumns(
  table: FeatureTable,
  facts: CustomerFactColumns,
  context: KpiContext,
  options: ClusterStepOptions,
): ClusterColumnsStepResult {
  if (!canCluster(table.rowCount)) {
    return {
      summary: {
        skipped: `too few customers to cluster (${table.rowCount}); RFM segments and KPIs are still computed`,
        k: 0,
        method: CLUSTERING_METHOD,
        selection: null,
        features: [],
        clusters: [],
        ambiguousCustomers: 0,
        ambiguousMargin: options.ambiguousMargin,
      },
      clusters: null,
    };
  }
  const result = clusterCustomers(table, {
    seed: options.seed,
    k: options.k,
    naming: options.naming,
    ambiguousMargin: options.ambiguousMargin,
  });
  const kpis = computeGroupKpisByGroup(facts, result.assignments, result.clusters.length, context);
  return {
    summary: {
      skipped: null,
      k: result.k,
      method: clusteringMethod(table.rowCount, result.restartRows),
      selection: result.selection,
      features: result.features,
      clusters: result.clusters.map((cluster) => ({ ...cluster, kpis: kpis[cluster.index] as GroupKpis })),
      ambiguousCustomers: result.clusters.reduce((sum, cluster) => sum + cluster.ambiguousCount, 0),
      ambiguousMargin: options.ambiguousMargin,
    },
    clusters: {
      assignments: result.assignments,
      margins: result.margins,
      names: result.clusters.map((cluster) => cluster.name.en),
    },
  };
}
