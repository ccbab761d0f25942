/**
 * A saved segmentation (issue 18): what puts a customer into one of an analysis's clusters without refitting. How
 * each feature was prepared (log1p or not, then the mean and standard deviation of the z-score), the centroids in
 * that standardised space, each cluster's key and names, the margin below which a customer is ambiguous, and the
 * version of the rules that made it. A customer is scored from its own features and the model only, never from the
 * other customers of the file, so the result cannot depend on row order or on who else is in the file; on the
 * customers of the analysis itself it gives the analysis's clusters and margins (the same operations in the same
 * order as prepare-features.ts, cluster-margins.ts and the fit's nearest-centroid labels).
 */
import type { ClusterNaming, ClusteringResult, FeatureTable, PreparedFeature } from './clustering-types.ts';
import { squaredDistance } from '../kmeans/squared-distance.ts';

/** The model file's format name and version: a reader refuses any other. */
export const SEGMENTATION_MODEL_FORMAT = 'segment-report/segmentation-model';
export const SEGMENTATION_MODEL_VERSION = 1;

/** One saved cluster: its index in the analysis, key, names and centroid (standardised, in feature order). */
export interface ModelCluster {
  index: number;
  key: string;
  name: { en: string; fr: string };
  centroid: number[];
}

export interface SegmentationModel {
  format: typeof SEGMENTATION_MODEL_FORMAT;
  version: typeof SEGMENTATION_MODEL_VERSION;
  naming: ClusterNaming;
  features: PreparedFeature[];
  clusters: ModelCluster[];
  /** A customer whose margin is below this is flagged ambiguous. */
  ambiguousMargin: number;
}

/** The model of a clustering result (its features, centroids and cluster names). */
export function segmentationModelOf(
  result: ClusteringResult,
  naming: ClusterNaming,
  ambiguousMargin: number,
): SegmentationModel {
  const dimension = result.features.length;
  return {
    format: SEGMENTATION_MODEL_FORMAT,
    version: SEGMENTATION_MODEL_VERSION,
    naming,
    features: result.features.map((feature) => ({ ...feature })),
    clusters: result.clusters.map((cluster) => ({
      index: cluster.index,
      key: cluster.key,
      name: { ...cluster.name },
      centroid: Array.from(
        result.centroids.subarray(cluster.index * dimension, (cluster.index + 1) * dimension),
      ),
    })),
    ambiguousMargin,
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
   * such a value is taken at the feature's mean (0 in standardised space), the neutral choice between clusters.
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
  const missing = new Int32Array(dimension);
  const scored: ScoredTable = {
    assignments: new Int32Array(table.rowCount),
    margins: new Float64Array(table.rowCount),
    ambiguous: new Uint8Array(table.rowCount),
    missing: {},
  };
  for (let row = 0; row < table.rowCount; row++) {
    for (let column = 0; column < dimension; column++) {
      const standardised = standardise(
        model.features[column] as PreparedFeature,
        table.values[row * dimension + column] as number,
      );
      if (!Number.isFinite(standardised)) missing[column] = (missing[column] as number) + 1;
      point[column] = Number.isFinite(standardised) ? standardised : 0;
    }
    const { cluster, margin } = nearest(point, centroids, k, dimension);
    scored.assignments[row] = model.clusters[cluster]?.index ?? cluster;
    scored.margins[row] = margin;
    scored.ambiguous[row] = margin < model.ambiguousMargin ? 1 : 0;
  }
  model.features.forEach((feature, column) => (scored.missing[feature.name] = missing[column] as number));
  return scored;
}

/** A raw value in the feature's standardised space, as prepare-features.ts computes it (NaN when unusable). */
function standardise(feature: PreparedFeature, value: number): number {
  const transformed = feature.logTransformed ? Math.log1p(value) : value;
  return (transformed - feature.mean) / feature.standardDeviation;
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
