/**
 * Turns the final (stably ordered) clusters into ClusterSummary records: size, share, profile in original
 * units, ambiguous members and a unique bilingual name ('rfm', with the basket's names when the features include
 * purchase diversity, or 'generic', with the traits it is made of).
 */
import { type ClusterName, makeNamesUnique } from './cluster-name.ts';
import { RFM_FEATURE_NAMES } from './clustering-options.ts';
import type { ClusterNaming, ClusterSummary, FeatureTable, PreparedFeature } from './clustering-types.ts';
import { type GenericClusterName, nameGenericClusters } from './name-generic-clusters.ts';
import { nameDiversityCluster, readDiversityCentroid } from './name-diversity-clusters.ts';
import { nameRfmCluster, type RfmCentroid } from './name-rfm-clusters.ts';
import { toOriginalUnits } from './prepare-features.ts';
import { assertUnreachable } from '../../../errors/segment-report-error.ts';

/** The final clusters: labels, standardised centroids and per-cluster counts. */
export interface FinalClusters {
  k: number;
  assignments: Int32Array;
  /** Standardised, row-major k * dimension, in final order. */
  centroids: Float64Array;
  sizes: readonly number[];
  ambiguousCounts: readonly number[];
}

/** Builds one summary per cluster, in index order. */
export function describeClusters(
  table: FeatureTable,
  features: readonly PreparedFeature[],
  clusters: FinalClusters,
  naming: ClusterNaming,
): ClusterSummary[] {
  const dimension = table.names.length;
  const centroidRows = Array.from({ length: clusters.k }, (_, cluster) =>
    Array.from(clusters.centroids.subarray(cluster * dimension, (cluster + 1) * dimension)),
  );
  const names = nameClusters(centroidRows, table.names, naming);
  const profileSums = new Float64Array(clusters.k * dimension);
  for (let row = 0; row < table.rowCount; row++) {
    const base = (clusters.assignments[row] as number) * dimension;
    for (let feature = 0; feature < dimension; feature++) {
      profileSums[base + feature] =
        (profileSums[base + feature] as number) + (table.values[row * dimension + feature] as number);
    }
  }
  return centroidRows.map((centroid, index) => {
    const size = clusters.sizes[index] as number;
    const profile: Record<string, number> = {};
    features.forEach((feature, column) => {
      // An empty cluster (only possible with a fixed K above the number of distinct rows) shows its centroid.
      profile[feature.name] =
        size > 0
          ? (profileSums[index * dimension + column] as number) / size
          : toOriginalUnits(feature, centroid[column] as number);
    });
    const { key, name, traits } = names[index] as ClusterName & Partial<GenericClusterName>;
    return {
      index,
      key,
      name,
      ...(traits ? { traits } : {}),
      size,
      share: size / table.rowCount,
      profile,
      ambiguousCount: clusters.ambiguousCounts[index] as number,
    };
  });
}

/** Unique names for centroids already in final order. */
function nameClusters(
  centroids: readonly (readonly number[])[],
  featureNames: readonly string[],
  naming: ClusterNaming,
): (ClusterName | GenericClusterName)[] {
  switch (naming) {
    case 'rfm':
      return makeNamesUnique(
        centroids.map((centroid) => {
          const rfm = readRfmCentroid(centroid, featureNames);
          return (
            nameDiversityCluster(rfm, readDiversityCentroid(centroid, featureNames)) ?? nameRfmCluster(rfm)
          );
        }),
      );
    case 'generic':
      return nameGenericClusters(centroids, featureNames);
    default:
      return assertUnreachable(naming);
  }
}

/** The recency, frequency and monetary coordinates of a centroid (their presence is checked up front). */
export function readRfmCentroid(centroid: readonly number[], featureNames: readonly string[]): RfmCentroid {
  const at = (name: string): number => centroid[featureNames.indexOf(name)] ?? 0;
  return {
    recency: at(RFM_FEATURE_NAMES.recency),
    frequency: at(RFM_FEATURE_NAMES.frequency),
    monetary: at(RFM_FEATURE_NAMES.monetary),
  };
}
