/**
 * The clustering step of an analysis: K-means on the customers' features when there are enough of them, else the
 * reason it was skipped; the method in words for the report; each row's cluster name and margin.
 */
import { canCluster, clusterCustomers } from './cluster-customers.ts';
import { DEFAULT_CLUSTERING_OPTIONS } from './clustering-options.ts';
import type { ClusteringResult, ClusterNaming, FeatureTable } from './clustering-types.ts';

/** What an analysis chooses for its clustering step; the rest is DEFAULT_CLUSTERING_OPTIONS. */
export interface ClusterStepOptions {
  seed: number;
  k?: number | undefined;
  naming: ClusterNaming;
  ambiguousMargin: number;
}

/** The clustering, or the reason there is none; the method in words either way. */
export type ClusterStepOutcome =
  | { skipped: string; method: string; result: null }
  | { skipped: null; method: string; result: ClusteringResult; scoredWith?: ScoredWithModel };

/** A saved segmentation's clusters (clustering/saved/): which model, what it took at its missingValue, prospects. */
export interface ScoredWithModel {
  source: string;
  asOf: string;
  missing: Record<string, number>;
  /** Set when the rows were people with no purchases yet, scored by the model's prospect model. */
  prospects?: { features: string[]; holdoutAgreement: number; majorityShare: number };
}

/** Each row's cluster as columns: `assignments[r]` indexes `names` (English) and the result's clusters. */
export interface ClusterColumns {
  assignments: Int32Array;
  margins: Float64Array;
  names: readonly string[];
}

const RESTARTS = DEFAULT_CLUSTERING_OPTIONS.restarts;
const CLUSTERING_METHOD = `K-means (k-means++ seeding, best inertia of ${RESTARTS} restarts) on standardised features, log1p on skewed ones`;

/** The method, saying so when the restarts ran on a sample (more customers than restartSampleSize). */
function clusteringMethod(rowCount: number, restartRows: number): string {
  if (restartRows >= rowCount) return CLUSTERING_METHOD;
  return (
    `K-means (k-means++ seeding, best inertia of ${RESTARTS} restarts on ${restartRows.toLocaleString('en-US')} ` +
    'sampled customers, then Lloyd iterations on all) on standardised features, log1p on skewed ones'
  );
}

/** Clusters the table's rows when there are enough of them (canCluster), else says why not. */
export function runClusteringStep(table: FeatureTable, options: ClusterStepOptions): ClusterStepOutcome {
  if (!canCluster(table.rowCount)) {
    return {
      skipped: `too few customers to cluster (${table.rowCount}); RFM segments and KPIs are still computed`,
      method: CLUSTERING_METHOD,
      result: null,
    };
  }
  const result = clusterCustomers(table, {
    seed: options.seed,
    k: options.k,
    naming: options.naming,
    ambiguousMargin: options.ambiguousMargin,
  });
  return { skipped: null, method: clusteringMethod(table.rowCount, result.restartRows), result };
}

/** The result's per-row clusters as columns, named in English. */
export function clusterColumnsOf(result: ClusteringResult): ClusterColumns {
  return {
    assignments: result.assignments,
    margins: result.margins,
    names: result.clusters.map((cluster) => cluster.name.en),
  };
}
