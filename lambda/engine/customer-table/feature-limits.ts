/** How many columns of a customer table are clustered at most: few enough for distances to mean something. */

/**
 * The most columns clustered: past 50, distances between customers say little more, and K-means' cost grows with
 * each (a 10,000-column table would take minutes). The 50 with the largest spread are kept (feature-spread.ts).
 */
export const MAX_CLUSTERED_FEATURES = 50;

/**
 * The most feature values clustered, customers x features: 10 million (80 MB, copied a few times on the way to
 * K-means and into each customer's row). 200,000 customers or fewer get 50 features; 1,000,000 get 10.
 */
export const MAX_FEATURE_VALUES = 10_000_000;

/** How many features a table of `rows` customers may have clustered: 1 to 50. */
export function maxFeaturesFor(rows: number): number {
  return Math.max(1, Math.min(MAX_CLUSTERED_FEATURES, Math.floor(MAX_FEATURE_VALUES / Math.max(1, rows))));
}
