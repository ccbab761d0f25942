/**
 * The internal interface every K-means implementation sits behind (our own Lloyd iterations and the
 * ml-kmeans library), and the "best of n restarts" rule shared by both.
 */
import { deriveSeed } from './seeded-random.ts';

/** Row-major points, rowCount * dimension values (standardised before they get here). */
export interface PointSet {
  points: Float64Array;
  rowCount: number;
  dimension: number;
}

/** What one K-means run needs besides the points. */
export interface KMeansRunOptions {
  k: number;
  seed: number;
  maxIterations: number;
  /** Start from these centroids (row-major k * dimension) instead of k-means++ seeding. */
  initialCentroids?: Float64Array | undefined;
}

/** One K-means run: every row labelled with its nearest centroid (the centroids returned here). */
export interface KMeansFit {
  assignments: Int32Array;
  /** Row-major, k * dimension. */
  centroids: Float64Array;
  /** Sum of squared distances of rows to their own centroid. */
  inertia: number;
  iterations: number;
}

/** A K-means implementation: k-means++ seeding then Lloyd iterations, reproducible from the seed. */
export interface KMeansEngine {
  name: string;
  fit(pointSet: PointSet, options: KMeansRunOptions): KMeansFit;
}

/** Runs `restarts` seeded k-means++ runs (seeds derived from seed and K) and keeps the lowest inertia. */
export function fitBestOfRestarts(
  engine: KMeansEngine,
  pointSet: PointSet,
  options: KMeansRunOptions & { restarts: number },
): KMeansFit {
  let best: KMeansFit | undefined;
  for (let restart = 0; restart < options.restarts; restart++) {
    const fit = engine.fit(pointSet, {
      k: options.k,
      maxIterations: options.maxIterations,
      seed: deriveSeed(options.seed, options.k, restart),
    });
    // Strictly lower only: on equal inertia the earlier restart wins, so the result does not wobble.
    if (best === undefined || fit.inertia < best.inertia) {
      best = fit;
    }
  }
  if (best === undefined) {
    throw new RangeError('restarts must be at least 1');
  }
  return best;
}

/** The rows of `pointSet` at `rows` (the set itself when every row is taken). */
export function pointSubset(pointSet: PointSet, rows: Int32Array): PointSet {
  if (rows.length === pointSet.rowCount) return pointSet;
  const { dimension } = pointSet;
  const points = new Float64Array(rows.length * dimension);
  rows.forEach((row, index) => {
    points.set(pointSet.points.subarray(row * dimension, (row + 1) * dimension), index * dimension);
  });
  return { points, rowCount: rows.length, dimension };
}
