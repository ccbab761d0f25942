/**
 * A cluster's basket as the report shows it (issue 18): the mean distinct products per customer, the mean distinct
 * categories (when the log had a category column) and the mean share of spend in the top product, read from the
 * cluster's profile when K-means ran on the purchase-diversity features; none otherwise (customer tables, logs
 * without a product column, purchase diversity off), and the overview table then has no basket column.
 */
import { DIVERSITY_FEATURE_NAMES } from '../../engine/clustering/segmentation/clustering-options.ts';

/** A cluster's basket: means over its customers, in the profile's units. */
export interface ClusterBasket {
  distinctProducts: number;
  distinctCategories?: number;
  /** 0..1. */
  topProductShare: number;
}

/** The basket in a cluster's profile; undefined when its features did not include purchase diversity. */
export function clusterBasketOf(profile: Readonly<Record<string, number>>): ClusterBasket | undefined {
  const distinctProducts = profile[DIVERSITY_FEATURE_NAMES.distinctProducts];
  const topProductShare = profile[DIVERSITY_FEATURE_NAMES.topProductShare];
  if (distinctProducts === undefined || topProductShare === undefined) return undefined;
  const distinctCategories = profile[DIVERSITY_FEATURE_NAMES.distinctCategories];
  return {
    distinctProducts,
    ...(distinctCategories === undefined ? {} : { distinctCategories }),
    topProductShare,
  };
}
