/**
 * The ml-kmeans library (v7) behind our KMeansEngine interface, for comparison only (bench/kmeans-bench.ts and
 * the engine contract tests): it lives in bench/, so the runtime never loads ml-kmeans. It needs number[][] rows,
 * so this adapter copies the points; its labels come from the centroids before its last update, so a final
 * assignment pass makes them match the returned centroids.
 */
import { kmeans } from 'ml-kmeans';
import { assignToNearest } from './assign-to-nearest.ts';
import type {
  KMeansEngine,
  KMeansFit,
  KMeansRunOptions,
  PointSet,
} from '../../lambda/engine/clustering/kmeans/kmeans-engine.ts';

/** K-means by ml-kmeans: its k-means++ seeding and Lloyd iterations, seeded. */
export const mlKMeans: KMeansEngine = {
  name: 'ml-kmeans',
  fit(pointSet: PointSet, options: KMeansRunOptions): KMeansFit {
    const { points, rowCount, dimension } = pointSet;
    const rows: number[][] = new Array(rowCount);
    for (let row = 0; row < rowCount; row++) {
      rows[row] = Array.from(points.subarray(row * dimension, (row + 1) * dimension));
    }
    const initial = options.initialCentroids;
    const result = kmeans(rows, options.k, {
      initialization:
        initial === undefined
          ? 'kmeans++'
          : Array.from({ length: options.k }, (_, cluster) =>
              Array.from(initial.subarray(cluster * dimension, (cluster + 1) * dimension)),
            ),
      seed: options.seed,
      maxIterations: options.maxIterations,
    });
    const centroids = new Float64Array(options.k * dimension);
    result.centroids.forEach((centroid, cluster) => {
      centroids.set(centroid, cluster * dimension);
    });
    const assignments = Int32Array.from(result.clusters);
    const pass = assignToNearest(pointSet, centroids, options.k, assignments, new Float64Array(rowCount));
    return { assignments, centroids, inertia: pass.inertia, iterations: result.iterations };
  },
};
