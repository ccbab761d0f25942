// The K-means input of a transaction log (customer-features.ts): R, F and M alone without a product column, then
// distinct products, distinct categories (with a category column only) and the top product's share, row-major.
import { describe, expect, it } from 'vitest';
import { customerFeatureTable } from '../../../lambda/engine/transactions/customer-features.ts';

const FACTS = { count: 2, recencyDays: [5, 40], frequency: [1, 4], monetary: [10, 250] };

describe('customerFeatureTable', () => {
  it('is recency, frequency and monetary alone without purchase diversity', () => {
    const table = customerFeatureTable(FACTS, undefined);
    expect(table.names).toEqual(['recency_days', 'frequency', 'monetary']);
    expect(Array.from(table.values)).toEqual([5, 1, 10, 40, 4, 250]);
    expect(table.rowCount).toBe(2);
  });

  it('adds distinct products and the top product share when the log names products', () => {
    const table = customerFeatureTable(FACTS, {
      distinctProducts: Int32Array.of(1, 3),
      distinctCategories: undefined,
      topProductShare: Float64Array.of(1, 0.6),
    });
    expect(table.names).toEqual([
      'recency_days',
      'frequency',
      'monetary',
      'distinct_products',
      'top_product_share',
    ]);
    expect(Array.from(table.values)).toEqual([5, 1, 10, 1, 1, 40, 4, 250, 3, 0.6]);
  });

  it('adds distinct categories between them when the log has a category column', () => {
    const table = customerFeatureTable(FACTS, {
      distinctProducts: Int32Array.of(1, 3),
      distinctCategories: Int32Array.of(1, 2),
      topProductShare: Float64Array.of(1, 0.6),
    });
    expect(table.names).toEqual([
      'recency_days',
      'frequency',
      'monetary',
      'distinct_products',
      'distinct_categories',
      'top_product_share',
    ]);
    expect(Array.from(table.values)).toEqual([5, 1, 10, 1, 1, 1, 40, 4, 250, 3, 2, 0.6]);
    expect(table.rowCount).toBe(2);
  });
});
