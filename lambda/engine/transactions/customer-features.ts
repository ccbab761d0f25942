/**
 * What K-means clusters a transaction log's customers on: recency, frequency and monetary value, and, when the log
 * names each line's product (and purchase diversity is on), the customer's distinct products, distinct categories
 * (when the log has a category column) and the share of their spend in their top product. Without a product column
 * the table is exactly R, F and M. The clustering's 'auto' log1p applies to every column alike.
 *
 * @example
 * // two customers; the second bought 3 products, 60% of their spend in the first
 * customerFeatureTable({ count: 2, recencyDays: [5, 40], frequency: [1, 4], monetary: [10, 250] }, {
 *   distinctProducts: Int32Array.of(1, 3), distinctCategories: undefined, topProductShare: Float64Array.of(1, 0.6),
 * }).names; // ['recency_days', 'frequency', 'monetary', 'distinct_products', 'top_product_share']
 */
import { DIVERSITY_FEATURE_NAMES, RFM_FEATURE_NAMES } from '../clustering/segmentation/clustering-options.ts';
import type { FeatureTable } from '../clustering/segmentation/clustering-types.ts';
import type { RfmMeasureColumns } from '../rfm/score-rfm.ts';
import type { PurchaseDiversity } from './ledger-customers.ts';

/** The feature table, one row per customer (row-major), in the columns' order: R, F, M, then diversity. */
export function customerFeatureTable(
  facts: RfmMeasureColumns & { count: number },
  diversity: PurchaseDiversity | undefined,
): FeatureTable {
  const columns: [string, ArrayLike<number>][] = [
    [RFM_FEATURE_NAMES.recency, facts.recencyDays],
    [RFM_FEATURE_NAMES.frequency, facts.frequency],
    [RFM_FEATURE_NAMES.monetary, facts.monetary],
    ...diversityColumns(diversity),
  ];
  const dimension = columns.length;
  const values = new Float64Array(facts.count * dimension);
  columns.forEach(([, column], feature) => {
    for (let row = 0; row < facts.count; row++) {
      values[row * dimension + feature] = column[row] as number;
    }
  });
  return { names: columns.map(([name]) => name), values, rowCount: facts.count };
}

/** The diversity columns, in the table's order; none without a product column. */
function diversityColumns(diversity: PurchaseDiversity | undefined): [string, ArrayLike<number>][] {
  if (diversity === undefined) return [];
  const { distinctProducts, distinctCategories, topProductShare } = diversity;
  return [
    [DIVERSITY_FEATURE_NAMES.distinctProducts, distinctProducts],
    ...(distinctCategories === undefined
      ? []
      : [[DIVERSITY_FEATURE_NAMES.distinctCategories, distinctCategories] as [string, ArrayLike<number>]]),
    [DIVERSITY_FEATURE_NAMES.topProductShare, topProductShare],
  ];
}
