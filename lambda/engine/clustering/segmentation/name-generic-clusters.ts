/**
 * Names for clusters of arbitrary features: the features where the standardised centroid is farthest from the
 * average (largest |z|, lower feature index on ties), e.g. "High MntWines, high Income" /
 * "MntWines élevé, Income élevé". Two features at most, the second only if |z| >= 0.25; a cluster with no
 * feature that far from average is an "Average profile". Duplicates get a third feature, then a number.
 * These names keep the column names (the customers file's `cluster` column and the value groups are keyed by the
 * English one); the traits the name is made of go with it, for the report to word with its labels (issue 13).
 */
import { type ClusterName, makeNamesUnique, toKebabCase } from './cluster-name.ts';
import type { ClusterTrait } from './clustering-types.ts';

/** A generic name and the traits it says, most distinctive first (none for the average profile). */
export type GenericClusterName = ClusterName & { traits: ClusterTrait[] };

/** |z| below this is not distinctive enough to name a cluster after. */
export const DISTINCTIVE_Z = 0.25;

const AVERAGE_PROFILE: GenericClusterName = {
  key: 'average-profile',
  name: { en: 'Average profile', fr: 'Profil moyen' },
  traits: [],
};

/** Names clusters (given in their final order) by their most distinctive features, unique within the list. */
export function nameGenericClusters(
  centroids: readonly (readonly number[])[],
  featureNames: readonly string[],
): GenericClusterName[] {
  const ranked = centroids.map((centroid) => rankFeatures(centroid));
  const first = centroids.map((centroid, cluster) =>
    nameFromFeatures(centroid, ranked[cluster] ?? [], 2, featureNames),
  );
  const keyCounts = new Map<string, number>();
  for (const name of first) keyCounts.set(name.key, (keyCounts.get(name.key) ?? 0) + 1);
  const widened = first.map((name, cluster) =>
    (keyCounts.get(name.key) ?? 0) > 1 && name.key !== AVERAGE_PROFILE.key
      ? nameFromFeatures(centroids[cluster] ?? [], ranked[cluster] ?? [], 3, featureNames)
      : name,
  );
  return makeNamesUnique(widened);
}

/** Feature indices by decreasing |z|, lower index first on ties. */
function rankFeatures(centroid: readonly number[]): number[] {
  return centroid
    .map((_, feature) => feature)
    .sort(
      (left, right) =>
        Math.abs(centroid[right] as number) - Math.abs(centroid[left] as number) || left - right,
    );
}

function nameFromFeatures(
  centroid: readonly number[],
  ranked: readonly number[],
  count: number,
  featureNames: readonly string[],
): GenericClusterName {
  const chosen = ranked
    .slice(0, count)
    .filter((feature, position) => position === 0 || Math.abs(centroid[feature] as number) >= DISTINCTIVE_Z);
  const leading = chosen[0];
  if (leading === undefined || Math.abs(centroid[leading] as number) < DISTINCTIVE_Z) return AVERAGE_PROFILE;
  const traits = chosen.map((feature) => ({
    feature: featureNames[feature] ?? `feature ${feature}`,
    high: (centroid[feature] as number) > 0,
  }));
  const parts = traits.map(({ feature: name, high }) => ({
    key: `${high ? 'high' : 'low'}-${toKebabCase(name)}`,
    en: `${high ? 'high' : 'low'} ${name}`,
    fr: `${name} ${high ? 'élevé' : 'faible'}`,
  }));
  const en = parts.map((part) => part.en).join(', ');
  return {
    key: parts.map((part) => part.key).join('-'),
    name: { en: `${en.charAt(0).toUpperCase()}${en.slice(1)}`, fr: parts.map((part) => part.fr).join(', ') },
    traits,
  };
}
