/**
 * Defaults of clusterCustomers, merged once, and the plain-English checks of the table and the options.
 */
import type { ClusteringOptions, FeatureTable } from './clustering-types.ts';
import { InputError, InvalidOptionError } from '../../../errors/input-errors.ts';

/** Feature names that 'rfm' naming reads; recency is in days, so low is good. */
export const RFM_FEATURE_NAMES = {
  recency: 'recency_days',
  frequency: 'frequency',
  monetary: 'monetary',
} as const;

/**
 * Purchase-diversity feature names (transaction logs with a product column): 'rfm' naming reads them when present
 * (name-diversity-clusters.ts); distinct categories only when the log has a category column.
 */
export const DIVERSITY_FEATURE_NAMES = {
  distinctProducts: 'distinct_products',
  distinctCategories: 'distinct_categories',
  topProductShare: 'top_product_share',
} as const;

/** A cluster smaller than this many customers never makes a candidate K eligible. */
export const MIN_CLUSTER_CUSTOMERS = 5;

/**
 * Documented defaults: K from 2 to 8 by silhouette on 2000 sampled rows, candidates fitted with 3 restarts on at
 * most 20,000 sampled rows, then the chosen K with 10 k-means++ restarts on every row (above 100,000 rows, the
 * restarts on 100,000 sampled rows and the best refined on every row: fit-chosen-k.ts).
 */
export const DEFAULT_CLUSTERING_OPTIONS = {
  kMin: 2,
  kMax: 8,
  restarts: 10,
  maxIterations: 300,
  silhouetteSampleSize: 2000,
  minClusterShare: 0.02,
  selectionRestarts: 3,
  selectionSampleSize: 20_000,
  restartSampleSize: 100_000,
  ambiguousMargin: 0.1,
  logTransform: 'auto',
} as const satisfies Partial<ClusteringOptions>;

/** Options with every default filled in. */
export type ResolvedClusteringOptions = Required<Omit<ClusteringOptions, 'k'>> & { k: number | undefined };

/** True when there are enough customers to cluster: at least max(10, 2 * kMin). */
export function canCluster(rowCount: number, kMin: number = DEFAULT_CLUSTERING_OPTIONS.kMin): boolean {
  return rowCount >= Math.max(10, 2 * kMin);
}

/** Merges the defaults and checks the table and options, throwing InputError / InvalidOptionError. */
export function resolveClusteringOptions(
  table: FeatureTable,
  options: ClusteringOptions,
): ResolvedClusteringOptions {
  checkTable(table);
  const resolved: ResolvedClusteringOptions = { ...DEFAULT_CLUSTERING_OPTIONS, ...options, k: options.k };
  const rows = table.rowCount;
  if (!Number.isFinite(resolved.seed)) throw new InvalidOptionError('seed must be a finite number');
  if (resolved.k !== undefined) {
    if (!Number.isInteger(resolved.k) || resolved.k < 2 || resolved.k > rows) {
      throw new InvalidOptionError(
        `k must be between 2 and the number of customers (${rows}), got ${resolved.k}`,
      );
    }
  } else {
    requireInteger('kMin', resolved.kMin, 2);
    requireInteger('kMax', resolved.kMax, resolved.kMin);
    if (!canCluster(rows, resolved.kMin)) {
      const needed = Math.max(10, 2 * resolved.kMin);
      throw new InputError(
        `Too few customers to cluster: ${rows}, at least ${needed} are needed for kMin ${resolved.kMin}`,
      );
    }
  }
  requireInteger('restarts', resolved.restarts, 1);
  requireInteger('maxIterations', resolved.maxIterations, 1);
  requireInteger('silhouetteSampleSize', resolved.silhouetteSampleSize, 2);
  requireInteger('selectionRestarts', resolved.selectionRestarts, 1);
  requireInteger('selectionSampleSize', resolved.selectionSampleSize, 2);
  requireInteger('restartSampleSize', resolved.restartSampleSize, 2);
  requireShare('minClusterShare', resolved.minClusterShare);
  requireShare('ambiguousMargin', resolved.ambiguousMargin);
  if (resolved.logTransform !== 'auto') {
    for (const name of resolved.logTransform) requireFeature(table, name, 'logTransform');
  }
  if (resolved.naming === 'rfm') {
    for (const name of Object.values(RFM_FEATURE_NAMES)) requireFeature(table, name, "naming 'rfm'");
  }
  return resolved;
}

function checkTable(table: FeatureTable): void {
  const dimension = table.names.length;
  if (dimension === 0) throw new InputError('The feature table has no features to cluster on');
  if (new Set(table.names).size !== dimension) {
    throw new InputError(`The feature names must be unique, got ${table.names.join(', ')}`);
  }
  if (!Number.isInteger(table.rowCount) || table.rowCount < 1) {
    throw new InputError(`The feature table must have at least one row, got rowCount ${table.rowCount}`);
  }
  if (table.values.length !== table.rowCount * dimension) {
    throw new InputError(
      `The feature table has ${table.values.length} values, expected ${table.rowCount} rows x ${dimension} features`,
    );
  }
}

function requireInteger(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new InvalidOptionError(`${name} must be a whole number of at least ${minimum}, got ${value}`);
  }
}

function requireShare(name: string, value: number): void {
  if (!(value >= 0 && value <= 1))
    throw new InvalidOptionError(`${name} must be between 0 and 1, got ${value}`);
}

function requireFeature(table: FeatureTable, name: string, neededBy: string): void {
  if (!table.names.includes(name)) {
    throw new InvalidOptionError(
      `${neededBy} needs a feature named "${name}"; the features are ${table.names.join(', ')}`,
    );
  }
}
