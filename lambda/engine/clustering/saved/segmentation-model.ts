/**
 * A saved segmentation (issue 18): what puts a customer into one of an analysis's clusters without refitting. How
 * each feature was prepared (log1p or not, then the mean and standard deviation of the z-score), the centroids in
 * that standardised space, each cluster's key and names, the margin below which a customer is ambiguous, and the
 * version of the rules that made it. A customer is scored from its own features and the model only, never from the
 * other customers of the file, so the result cannot depend on row order or on who else is in the file; on the
 * customers of the analysis itself it gives the analysis's clusters and margins (the same operations in the same
 * order as prepare-features.ts, cluster-margins.ts and the fit's nearest-centroid labels).
 */
import type {
  ClusterNaming,
  ClusteringResult,
  FeatureTable,
  PreparedFeature,
} from '../segmentation/clustering-types.ts';
import { squaredDistance } from '../kmeans/squared-distance.ts';
import { standardisedValue, standardiseRow } from '../segmentation/standardise-row.ts';
import type { RfmEdges } from '../../rfm/score-edges.ts';
import type { ProspectModel } from '../prospects/prospect-model.ts';

/** The model file's format name and version: a reader refuses any other. */
export const SEGMENTATION_MODEL_FORMAT = 'segment-report/segmentation-model';
export const SEGMENTATION_MODEL_VERSION = 1;
/**
 * The version of the rules that turn customers into clusters (the features, their preparation, the naming): a
 * scheduled run refits rather than scores with a model made by other rules. Raise it when one of them changes.
 */
export const SEGMENTATION_RULES_VERSION = 1;

/** Customer tables: the header column a feature is read from, and whether it is a date (days before the as-of). */
export interface FeatureColumnSource {
  column: string;
  date: boolean;
}

/** What the model was fitted on, beyond its clusters. */
export interface ModelContext {
  shape: 'transactions' | 'customers';
  /** The analysed file, as the analysis names it. */
  source: string;
  /** The as-of day of the analysis (YYYY-MM-DD). */
  asOf: string;
  /** The customers the clusters were fitted on. */
  customers: number;
  /** The RFM score ranges and the activity window, so that a later file is scored on the same scale; null without RFM. */
  rfm: { activeWindowDays: number; edges: RfmEdges } | null;
  /** Customer tables: where each feature is read from; null for a transaction log (its features are computed). */
  columns: Record<string, FeatureColumnSource> | null;
}

/** One saved cluster: its index in the analysis, key, names and centroid (standardised, in feature order). */
export interface ModelCluster {
  index: number;
  key: string;
  name: { en: string; fr: string };
  centroid: number[];
}

/** A feature as the model prepares it, and the value a customer without one takes (original units). */
export interface ModelFeature extends PreparedFeature {
  /**
   * The median of the feature over the customers the model was fitted on, which is also what the analysis gave a
   * customer-table customer without a value: so the file the model was fitted on scores as it was clustered, and a
   * missing value never depends on the other customers of the file being scored.
   */
  missingValue: number;
}

export interface SegmentationModel extends ModelContext {
  format: typeof SEGMENTATION_MODEL_FORMAT;
  version: typeof SEGMENTATION_MODEL_VERSION;
  rules: typeof SEGMENTATION_RULES_VERSION;
  naming: ClusterNaming;
  features: ModelFeature[];
  clusters: ModelCluster[];
  /** A customer whose margin is below this is flagged ambiguous. */
  ambiguousMargin: number;
  /**
   * Customer tables: the prospect model (clustering/prospects/), which expects a cluster from the descriptive
   * features alone for people with no purchases yet; null when the table has no descriptive feature, for a
   * transaction log, or for a model saved before.
   */
  prospects: ProspectModel | null;
}

/** The model of a clustering result (its features, centroids and cluster names). */
export function segmentationModelOf(
  result: ClusteringResult,
  naming: ClusterNaming,
  ambiguousMargin: number,
  context: ModelContext,
  missingValues: readonly number[],
): SegmentationModel {
  const dimension = result.features.length;
  return {
    format: SEGMENTATION_MODEL_FORMAT,
    version: SEGMENTATION_MODEL_VERSION,
    rules: SEGMENTATION_RULES_VERSION,
    ...context,
    naming,
    features: result.features.map((feature, column) => ({
      ...feature,
      missingValue: missingValues[column] ?? 0,
    })),
    clusters: result.clusters.map((cluster) => ({
      index: cluster.index,
      key: cluster.key,
      name: { ...cluster.name },
      centroid: Array.from(
        result.centroids.subarray(cluster.index * dimension, (cluster.index + 1) * dimension),
      ),
    })),
    ambiguousMargin,
    prospects: null,
  };
}

/** The customers of a table scored against a model, in the table's row order. */
export interface ScoredTable {
  /** Index of the model's cluster per row. */
  assignments: Int32Array;
  /** 1 - d1/d2 per row, as the analysis computes it (cluster-margins.ts). */
  margins: Float64Array;
  /** Rows whose margin is below the model's ambiguous margin. */
  ambiguous: Uint8Array;
  /**
   * Per feature, how many rows had no usable value (missing, not a number, or out of the log transform's domain):
   * such a value is taken at the feature's missingValue.
   */
  missing: Record<string, number>;
}

/**
 * Scores every row of `table`, whose columns must be the model's features in the model's order (NaN where a
 * customer has no value).
 */
export function scoreTable(model: SegmentationModel, table: FeatureTable): ScoredTable {
  const dimension = model.features.length;
  const centroids = Float64Array.from(model.clusters.flatMap((cluster) => cluster.centroid));
  const k = model.clusters.length;
  const point = new Float64Array(dimension);
  const fills = model.features.map((feature) => {
    const standardised = standardisedValue(feature, feature.missingValue);
    return Number.isFinite(standardised) ? standardised : 0;
  });
  const missing = new Int32Array(dimension);
  const scored: ScoredTable = {
    assignments: new Int32Array(table.rowCount),
    margins: new Float64Array(table.rowCount),
    ambiguous: new Uint8Array(table.rowCount),
    missing: {},
  };
  for (let row = 0; row < table.rowCount; row++) {
    standardiseRow(model.features, table, row, fills, point, missing);
    const { cluster, margin } = nearest(point, centroids, k, dimension);
    scored.assignments[row] = model.clusters[cluster]?.index ?? cluster;
    scored.margins[row] = margin;
    scored.ambiguous[row] = margin < model.ambiguousMargin ? 1 : 0;
  }
  model.features.forEach((feature, column) => (scored.missing[feature.name] = missing[column] as number));
  return scored;
}

/** The nearest centroid (the first on a tie) and the margin 1 - d1/d2 clamped to [0, 1]. */
function nearest(
  point: Float64Array,
  centroids: Float64Array,
  k: number,
  dimension: number,
): { cluster: number; margin: number } {
  let best = 0;
  let bestSquared = Number.POSITIVE_INFINITY;
  let secondSquared = Number.POSITIVE_INFINITY;
  for (let cluster = 0; cluster < k; cluster++) {
    const squared = squaredDistance(point, 0, centroids, cluster * dimension, dimension);
    if (squared < bestSquared) {
      secondSquared = bestSquared;
      bestSquared = squared;
      best = cluster;
    } else if (squared < secondSquared) secondSquared = squared;
  }
  if (k < 2) return { cluster: best, margin: 0 };
  const margin = secondSquared > 0 ? 1 - Math.sqrt(bestSquared) / Math.sqrt(secondSquared) : 0;
  return { cluster: best, margin: Math.min(1, Math.max(0, margin)) };
}
