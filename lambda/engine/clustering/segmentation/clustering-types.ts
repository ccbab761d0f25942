/**
 * Public types of the K-means clustering module: what the caller gives (a numeric feature table and options)
 * and what it gets back (chosen K, per-row assignments and margins, named cluster summaries).
 */

/** A numeric table, one row per customer; the caller chooses the columns and guarantees finite values. */
export interface FeatureTable {
  /** Feature names, e.g. ['recency_days', 'frequency', 'monetary'] or a customer table's numeric columns. */
  names: readonly string[];
  /** Row-major values, rowCount * names.length of them. */
  values: Float64Array;
  rowCount: number;
}

/** 'rfm' when the names include recency_days, frequency and monetary; 'generic' names by distinctive features. */
export type ClusterNaming = 'rfm' | 'generic';

/** Options of clusterCustomers; defaults are in DEFAULT_CLUSTERING_OPTIONS (clustering-options.ts). */
export interface ClusteringOptions {
  /** Required: the same seed gives the identical result. */
  seed: number;
  /** Fixed K; when absent K is chosen by silhouette in kMin..kMax. */
  k?: number | undefined;
  kMin?: number;
  kMax?: number;
  /** k-means++ restarts per K; the run with the lowest inertia is kept. */
  restarts?: number;
  maxIterations?: number;
  /** The silhouette is computed on a seeded sample of at most this many rows. */
  silhouetteSampleSize?: number;
  /** Restarts per candidate K while K is being chosen (the chosen K then gets `restarts`). */
  selectionRestarts?: number;
  /** Candidate K are fitted on a seeded sample of at most this many rows. */
  selectionSampleSize?: number;
  /**
   * Above this many rows, the chosen K's restarts run on a seeded sample of this many rows and the best is refined
   * on every row (fit-chosen-k.ts); up to it, every restart runs on every row.
   */
  restartSampleSize?: number;
  /** A candidate K whose smallest cluster is below this share of rows (or below 5 customers) is not eligible. */
  minClusterShare?: number;
  /** A row whose margin is below this counts as ambiguous in its cluster's ambiguousCount. */
  ambiguousMargin?: number;
  /** Features to log1p before standardising; 'auto' picks non-negative features with skewness above 1. */
  logTransform?: readonly string[] | 'auto';
  naming: ClusterNaming;
}

/** A feature a generic cluster is named after: its column, and whether the cluster is above or below average. */
export interface ClusterTrait {
  feature: string;
  high: boolean;
}

/** One cluster, described for the report. */
export interface ClusterSummary {
  /** 0..k-1; rfm: most valuable first; generic: largest first, ties by standardised centroid. */
  index: number;
  /** Stable kebab-case key, e.g. 'high-value-loyal'. */
  key: string;
  name: { en: string; fr: string };
  /**
   * Generic naming only: the features the name is made of, most distinctive first (none: an average profile), so
   * that the report can word them in its own language and labels; absent for RFM names.
   */
  traits?: ClusterTrait[];
  size: number;
  /** Share of rows, 0..1. */
  share: number;
  /** Mean of every feature in original units (before log and standardisation). */
  profile: Record<string, number>;
  /** Members whose margin is below ambiguousMargin. */
  ambiguousCount: number;
}

/** How K was chosen, with every K tried. */
export interface KSelection {
  /** 'model': no K was chosen, the clusters are a saved segmentation's (clustering/saved/). */
  method: 'fixed' | 'silhouette' | 'model';
  /** Empty when K was fixed; when no candidate is eligible, K falls back to kMin. */
  candidates: { k: number; silhouette: number; smallestClusterSize: number; eligible: boolean }[];
}

/** How one feature was prepared: optional log1p, then z-score with this mean and standard deviation. */
export interface PreparedFeature {
  name: string;
  logTransformed: boolean;
  /** Mean after the optional log1p. */
  mean: number;
  /** Population standard deviation after the optional log1p; 1 when the feature is constant. */
  standardDeviation: number;
}

/** Everything clusterCustomers found. */
export interface ClusteringResult {
  k: number;
  selection: KSelection;
  /** Sum of squared distances to the own centroid, in standardised space. */
  inertia: number;
  /** The rows the chosen K's restarts ran on: rowCount, or restartSampleSize when the rows are more. */
  restartRows: number;
  features: PreparedFeature[];
  /** k x features centroids in standardised space (after log1p and z-score), in ClusterSummary.index order. */
  centroids: Float64Array;
  /** Cluster index per row, matching ClusterSummary.index. */
  assignments: Int32Array;
  /** Per row 1 - d1/d2 (own centroid vs second nearest), in [0, 1]; near 0 means between two clusters. */
  margins: Float64Array;
  clusters: ClusterSummary[];
}
