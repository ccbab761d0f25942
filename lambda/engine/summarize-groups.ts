import type { ClustersSummary, SegmentSummary } from './analysis-types.ts';
import { canCluster, clusterCustomers } from './clustering/cluster-customers.ts';
import type { ClusterNaming, FeatureTable } from './clustering/clustering-types.ts';
import { type CustomerFacts, computeGroupKpis, type KpiContext } from './kpis/group-kpis.ts';
import { RFM_SEGMENT_KEYS, RFM_SEGMENT_NAMES, type RfmSegmentKey } from './rfm/rfm-segments.ts';

/** Every RFM segment (empty ones included, so reports compare like with like) with its KPIs. */
export function summarizeSegments(
  customers: readonly (CustomerFacts & { segment: RfmSegmentKey })[],
  context: KpiContext,
): SegmentSummary[] {
  const members = new Map<RfmSegmentKey, CustomerFacts[]>(RFM_SEGMENT_KEYS.map((key) => [key, []]));
  for (const customer of customers) members.get(customer.segment)?.push(customer);
  return RFM_SEGMENT_KEYS.map((key) => ({
    key,
    name: RFM_SEGMENT_NAMES[key],
    ...computeGroupKpis(members.get(key) ?? [], context),
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

/** Runs K-means on the features (or says why not) and adds each cluster's KPIs. */
export function clusterAndSummarize(
  table: FeatureTable,
  facts: readonly CustomerFacts[],
  context: KpiContext,
  options: ClusterStepOptions,
): ClusterStepResult {
  const method =
    'K-means (k-means++ seeding, best inertia of 10 restarts) on standardised features, log1p on skewed ones';
  if (!canCluster(table.rowCount)) {
    return {
      summary: {
        skipped: `too few customers to cluster (${table.rowCount}); RFM segments and KPIs are still computed`,
        k: 0,
        method,
        selection: null,
        features: [],
        clusters: [],
        ambiguousCustomers: 0,
        ambiguousMargin: options.ambiguousMargin,
      },
      assignments: null,
    };
  }
  const result = clusterCustomers(table, {
    seed: options.seed,
    k: options.k,
    naming: options.naming,
    ambiguousMargin: options.ambiguousMargin,
  });
  const members = result.clusters.map((): CustomerFacts[] => []);
  result.assignments.forEach((cluster, row) => {
    const fact = facts[row];
    if (fact) members[cluster]?.push(fact);
  });
  return {
    summary: {
      skipped: null,
      k: result.k,
      method,
      selection: result.selection,
      features: result.features,
      clusters: result.clusters.map((cluster) => ({
        ...cluster,
        kpis: computeGroupKpis(members[cluster.index] ?? [], context),
      })),
      ambiguousCustomers: result.clusters.reduce((sum, cluster) => sum + cluster.ambiguousCount, 0),
      ambiguousMargin: options.ambiguousMargin,
    },
    assignments: Array.from(result.assignments, (cluster, row) => ({
      cluster: result.clusters[cluster]?.name.en ?? String(cluster),
      margin: result.margins[row] ?? 0,
    })),
  };
}
