/**
 * Names for clusters whose basket sets them apart, when K-means ran on the purchase-diversity features beside R, F
 * and M (a transaction log with a product column). Read from the standardised centroid (z-scores, after any log1p),
 * before the RFM table (name-rfm-clusters.ts), which names every other cluster:
 *
 * - single-product: the share of spend in the top product has z > 1 (most of their spend goes to one product);
 * - broad basket: distinct products have z > 1, and at least 0.5 above the value z (mean of the frequency and
 *   monetary z-scores): more products than their spending alone would bring (big spenders buy many products
 *   anyway, and keep their RFM name);
 * - lapsed: recency z > 0.5, as in the RFM table; recent and steady clusters share the other row.
 *
 * | recency \ basket | broad basket                | single product                |
 * |------------------|-----------------------------|-------------------------------|
 * | recent or steady | broad-basket-regulars       | single-product-buyers         |
 * | lapsed           | lapsed-broad-basket         | lapsed-single-product         |
 *
 * A cluster both broad and single-product (impossible in practice) takes single-product: the top product's share
 * is what its marketing would act on. Without the diversity features no cluster is named here.
 *
 * @example
 * nameDiversityCluster({ recency: 0.54, frequency: -0.63, monetary: -0.87 }, { distinctProducts: -1.89, topProductShare: 2.8 })
 * // lapsed-single-product, "Lapsed single-product buyers"
 */
import type { ClusterName } from './cluster-name.ts';
import { DIVERSITY_FEATURE_NAMES } from './clustering-options.ts';
import { RFM_LEVEL_THRESHOLD, type RfmCentroid } from './name-rfm-clusters.ts';

/** Standardised centroid coordinates on the two diversity features the names read. */
export interface DiversityCentroid {
  distinctProducts: number;
  topProductShare: number;
}

/** A diversity z-score above this makes the basket distinctive. */
export const DIVERSITY_LEVEL_THRESHOLD = 1;

/** How far the distinct products' z must stand above the value z for a broad basket. */
export const BROAD_BASKET_LEAD = 0.5;

type Basket = 'broad' | 'single';
type RecencyRow = 'active' | 'lapsed';

function named(key: string, en: string, fr: string): ClusterName {
  return { key, name: { en, fr } };
}

/** The documented table of names, English and French. */
export const DIVERSITY_CLUSTER_NAMES: Record<RecencyRow, Record<Basket, ClusterName>> = {
  active: {
    broad: named('broad-basket-regulars', 'Broad-basket regulars', 'Clients réguliers au panier large'),
    single: named('single-product-buyers', 'Single-product buyers', 'Acheteurs d’un seul produit'),
  },
  lapsed: {
    broad: named(
      'lapsed-broad-basket',
      'Lapsed broad-basket buyers',
      'Clients au panier large à reconquérir',
    ),
    single: named(
      'lapsed-single-product',
      'Lapsed single-product buyers',
      'Acheteurs d’un seul produit à reconquérir',
    ),
  },
};

/** The cluster's diversity name through the table above, or undefined when its basket is not distinctive. */
export function nameDiversityCluster(
  rfm: RfmCentroid,
  diversity: DiversityCentroid | undefined,
): ClusterName | undefined {
  if (diversity === undefined) return undefined;
  const valueZ = (rfm.frequency + rfm.monetary) / 2;
  const basket: Basket | undefined =
    diversity.topProductShare > DIVERSITY_LEVEL_THRESHOLD
      ? 'single'
      : diversity.distinctProducts > DIVERSITY_LEVEL_THRESHOLD &&
          diversity.distinctProducts - valueZ >= BROAD_BASKET_LEAD
        ? 'broad'
        : undefined;
  if (basket === undefined) return undefined;
  return DIVERSITY_CLUSTER_NAMES[rfm.recency > RFM_LEVEL_THRESHOLD ? 'lapsed' : 'active'][basket];
}

/** The diversity coordinates of a centroid; undefined when the table has no diversity features. */
export function readDiversityCentroid(
  centroid: readonly number[],
  featureNames: readonly string[],
): DiversityCentroid | undefined {
  const products = featureNames.indexOf(DIVERSITY_FEATURE_NAMES.distinctProducts);
  const share = featureNames.indexOf(DIVERSITY_FEATURE_NAMES.topProductShare);
  if (products < 0 || share < 0) return undefined;
  return { distinctProducts: centroid[products] ?? 0, topProductShare: centroid[share] ?? 0 };
}
