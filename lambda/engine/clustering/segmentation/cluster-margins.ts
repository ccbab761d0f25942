/**
 * How clearly each row belongs to its cluster: margin = 1 - d1/d2, with d1 the Euclidean distance to its own
 * centroid and d2 to the nearest other centroid. 1 = sits on its centroid, 0 = halfway between two.
 */
import type { PointSet } from '../kmeans/kmeans-engine.ts';
import { squaredDistance } from '../kmeans/squared-distance.ts';

/** Per-row margins in [0, 1]; 0 when the row is as close to another centroid as to its own (or d2 is 0). */
export function computeMargins(
  pointSet: PointSet,
  centroids: Float64Array,
  k: number,
  assignments: Int32Array,
): Float64Array {
  const { points, rowCount, dimension } = pointSet;
  const margins = new Float64Array(rowCount);
  if (k < 2) return margins;
  for (let row = 0, base = 0; row < rowCount; row++, base += dimension) {
    const ownCluster = assignments[row] as number;
    let ownSquared = 0;
    let otherSquared = Number.POSITIVE_INFINITY;
    for (let cluster = 0, centroidBase = 0; cluster < k; cluster++, centroidBase += dimension) {
      const squared = squaredDistance(points, base, centroids, centroidBase, dimension);
      if (cluster === ownCluster) ownSquared = squared;
      else if (squared < otherSquared) otherSquared = squared;
    }
    const margin = otherSquared > 0 ? 1 - Math.sqrt(ownSquared) / Math.sqrt(otherSquared) : 0;
    // Labels come from the nearest centroid, so the margin is already >= 0 except for rounding on ties.
    margins[row] = Math.min(1, Math.max(0, margin));
  }
  return margins;
}

/** Counts, per cluster, the rows whose margin is below `threshold`. */
export function countAmbiguous(
  assignments: Int32Array,
  margins: Float64Array,
  k: number,
  threshold: number,
): number[] {
  const counts = new Array<number>(k).fill(0);
  for (let row = 0; row < assignments.length; row++) {
    if ((margins[row] as number) < threshold) {
      const cluster = assignments[row] as number;
      counts[cluster] = (counts[cluster] as number) + 1;
    }
  }
  return counts;
}
