/**
 * Clustering with a saved segmentation instead of a fit (issue 18): the scheduled runs between two refits and the
 * `score` command put each customer into the model's clusters (scoreTable), keep the model's cluster order, keys
 * and names, and describe each cluster on this file's customers: size, share, profile, ambiguous members. A
 * feature the file lacks, or a customer's missing value, is taken at the model's median and counted.
 */
import { countAmbiguous } from '../segmentation/cluster-margins.ts';
import { clusterSizes } from '../segmentation/select-cluster-count.ts';
import type { ClusteringResult, FeatureTable } from '../segmentation/clustering-types.ts';
import { describeClusters } from '../segmentation/describe-clusters.ts';
import { standardisedValue } from '../segmentation/standardise-row.ts';
import type { ModelFeature, SegmentationModel } from './segmentation-model.ts';
import { type ProspectScoring, scoreFile } from './score-file.ts';

/** The clustering a model gives a table, how many values of each feature were missing, and whether as prospects. */
export interface AppliedModel {
  result: ClusteringResult;
  missing: Record<string, number>;
  prospects: ProspectScoring | null;
}

/** Scores `table` (columns by name, in any order; a feature it lacks is missing for every row) with `model`. */
export function applySegmentationModel(model: SegmentationModel, table: FeatureTable): AppliedModel {
  const aligned = alignTable(table, model.features);
  const scored = scoreFile(model, aligned);
  const k = model.clusters.length;
  const dimension = model.features.length;
  const centroids = Float64Array.from(model.clusters.flatMap((cluster) => cluster.centroid));
  const described = describeClusters(
    atMissingValues(aligned, model.features),
    model.features,
    {
      k,
      assignments: scored.assignments,
      centroids,
      sizes: clusterSizes(scored.assignments, k),
      ambiguousCounts: countAmbiguous(scored.assignments, scored.margins, k, model.ambiguousMargin),
    },
    model.naming,
  );
  const profiles = knownValueProfiles(aligned, scored.assignments, k, model.features);
  const clusters = described.map((cluster, index) => ({
    ...cluster,
    key: model.clusters[index]?.key ?? cluster.key,
    name: { ...(model.clusters[index]?.name ?? cluster.name) },
    profile: profiles[index] ?? cluster.profile,
  }));
  return {
    result: {
      k,
      selection: { method: 'model', candidates: [] },
      inertia: 0,
      restartRows: 0,
      features: model.features.map(({ name, logTransformed, mean, standardDeviation }) => ({
        name,
        logTransformed,
        mean,
        standardDeviation,
      })),
      centroids,
      assignments: scored.assignments,
      margins: scored.margins,
      clusters,
    },
    missing: dimension === 0 ? {} : scored.missing,
    prospects: scored.prospects,
  };
}

/** The table's columns in the model's feature order, NaN for a feature the table does not have. */
function alignTable(table: FeatureTable, features: readonly ModelFeature[]): FeatureTable {
  const width = table.names.length;
  const sources = features.map((feature) => table.names.indexOf(feature.name));
  const dimension = features.length;
  const values = new Float64Array(table.rowCount * dimension);
  for (let row = 0; row < table.rowCount; row++) {
    for (let column = 0; column < dimension; column++) {
      const source = sources[column] as number;
      values[row * dimension + column] =
        source < 0 ? Number.NaN : (table.values[row * width + source] as number);
    }
  }
  return { names: features.map((feature) => feature.name), values, rowCount: table.rowCount };
}

/** The table with every unusable value at the feature's missingValue (what the score assumed). */
function atMissingValues(table: FeatureTable, features: readonly ModelFeature[]): FeatureTable {
  const dimension = features.length;
  const values = Float64Array.from(table.values, (value, index) => {
    const feature = features[index % dimension] as ModelFeature;
    const usable = Number.isFinite(standardisedValue(feature, value));
    return usable ? value : feature.missingValue;
  });
  return { ...table, values };
}

/**
 * Each cluster's mean of every feature over the members that have a value (the feature's missingValue when none
 * has): a profile of what the file says, not of what the score assumed.
 */
function knownValueProfiles(
  table: FeatureTable,
  assignments: Int32Array,
  k: number,
  features: readonly ModelFeature[],
): Record<string, number>[] {
  const dimension = features.length;
  const sums = new Float64Array(k * dimension);
  const counts = new Int32Array(k * dimension);
  for (let row = 0; row < table.rowCount; row++) {
    const base = (assignments[row] as number) * dimension;
    for (let column = 0; column < dimension; column++) {
      const value = table.values[row * dimension + column] as number;
      if (!Number.isFinite(value)) continue;
      sums[base + column] = (sums[base + column] as number) + value;
      counts[base + column] = (counts[base + column] as number) + 1;
    }
  }
  return Array.from({ length: k }, (_, cluster) =>
    Object.fromEntries(
      features.map((feature, column) => {
        const at = cluster * dimension + column;
        const count = counts[at] as number;
        return [feature.name, count > 0 ? (sums[at] as number) / count : feature.missingValue];
      }),
    ),
  );
}
