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
