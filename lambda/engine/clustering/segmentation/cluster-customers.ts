/**
 * Customer segmentation by K-means: log1p on skewed features, z-scores, greedy k-means++ with the best of n
 * restarts, K by silhouette (or fixed), clusters in a stable order with per-row margins and bilingual names.
 * Pure: same table and seed, same result.
 */
import { computeMargins, countAmbiguous } from './cluster-margins.ts';
import { resolveClusteringOptions } from './clustering-options.ts';
import type { ClusteringOptions, ClusteringResult, FeatureTable } from './clustering-types.ts';
import { describeClusters, readRfmCentroid } from './describe-clusters.ts';
import type { KMeansEngine } from '../kmeans/kmeans-engine.ts';
import { lloydKMeans } from '../kmeans/lloyd-kmeans.ts';
import { rfmValueScore } from './name-rfm-clusters.ts';
import { orderClusters, relabelClusters } from './order-clusters.ts';
import { prepareFeatures } from './prepare-features.ts';
import { clusterSizes, selectClusterCount } from './select-cluster-count.ts';

export { canCluster } from './clustering-options.ts';
export type * from './clustering-types.ts';

/** The engine clusterCustomers uses: our Lloyd implementation, see the measurements in lloyd-kmeans.ts. */
export const DEFAULT_KMEANS_ENGINE: KMeansEngine = lloydKMeans;

/** Clusters customers on the table's features with the default engine; see ClusteringOptions for defaults. */
export function clusterCustomers(table: FeatureTable, options: ClusteringOptions): ClusteringResult {
  return clusterCustomersWith(DEFAULT_KMEANS_ENGINE, table, options);
}

/** clusterCustomers with an explicit K-means engine (to compare engines on the same pipeline). */
export function clusterCustomersWith(
  engine: KMeansEngine,
  table: FeatureTable,
  options: ClusteringOptions,
): ClusteringResult {
  const settings = resolveClusteringOptions(table, options);
  const dimension = table.names.length;
  const prepared = prepareFeatures(table, settings.logTransform);
  const pointSet = { points: prepared.points, rowCount: table.rowCount, dimension };
  const { k, fit, selection, restartRows } = selectClusterCount(engine, pointSet, settings);

  const sizesBefore = clusterSizes(fit.assignments, k);
  const centres = sizesBefore.map((size, cluster) => ({
    size,
    centroid: Array.from(fit.centroids.subarray(cluster * dimension, (cluster + 1) * dimension)),
  }));
  const valueScore =
    settings.naming === 'rfm'
      ? (centroid: readonly number[]) => rfmValueScore(readRfmCentroid(centroid, table.names))
      : undefined;
  const order = orderClusters(centres, valueScore);
  const { assignments, centroids } = relabelClusters(fit.assignments, fit.centroids, dimension, order);
  const margins = computeMargins(pointSet, centroids, k, assignments);
  const clusters = describeClusters(
    table,
    prepared.features,
    {
      k,
      assignments,
      centroids,
      sizes: clusterSizes(assignments, k),
      ambiguousCounts: countAmbiguous(assignments, margins, k, settings.ambiguousMargin),
    },
    settings.naming,
  );
  return {
    k,
    selection,
    inertia: fit.inertia,
    restartRows,
    features: prepared.features,
    centroids,
    assignments,
    margins,
    clusters,
  };
}
