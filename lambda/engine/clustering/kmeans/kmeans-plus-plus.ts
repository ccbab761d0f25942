/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007), greedy variant as in scikit-learn: each new centre is the
 * best of 2 + ln(k) candidates drawn with probability proportional to D(x)^2, the squared distance to the
 * nearest centre already chosen; "best" means the lowest total D^2 once the candidate is added.
 */
import type { PointSet } from './kmeans-engine.ts';
import type { RandomSource } from './seeded-random.ts';
import { squaredDistance } from './squared-distance.ts';

/** Chooses k initial centroids (row-major, k * dimension) among the rows by greedy k-means++. */
export function seedCentroidsKMeansPlusPlus(
  pointSet: PointSet,
  k: number,
  random: RandomSource,
): Float64Array {
  const { points, rowCount, dimension } = pointSet;
  const centroids = new Float64Array(k * dimension);
  const candidateTrials = 2 + Math.floor(Math.log(k));
  let closest = new Float64Array(rowCount);
  let trialDistances = new Float64Array(rowCount);
  let bestTrialDistances = new Float64Array(rowCount);

  const firstRow = Math.floor(random() * rowCount);
  copyRow(points, dimension, firstRow, centroids, 0);
  let potential = distancesToRow(pointSet, firstRow, undefined, closest);

  for (let cluster = 1; cluster < k; cluster++) {
    let bestRow = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let trial = 0; trial < candidateTrials; trial++) {
      const candidateRow = drawProportionally(closest, potential, random);
      const candidatePotential = distancesToRow(pointSet, candidateRow, closest, trialDistances);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestRow = candidateRow;
        [bestTrialDistances, trialDistances] = [trialDistances, bestTrialDistances];
      }
    }
    copyRow(points, dimension, bestRow, centroids, cluster);
    [closest, bestTrialDistances] = [bestTrialDistances, closest];
    potential = bestPotential;
  }
  return centroids;
}

/**
 * Writes min(previous, squared distance to `row`) for every point into `output` and returns the sum;
 * without `previous`, just the squared distances.
 */
function distancesToRow(
  pointSet: PointSet,
  row: number,
  previous: Float64Array | undefined,
  output: Float64Array,
): number {
  const { points, rowCount, dimension } = pointSet;
  const centreBase = row * dimension;
  let total = 0;
  for (let other = 0, base = 0; other < rowCount; other++, base += dimension) {
    let distance = squaredDistance(points, base, points, centreBase, dimension);
    if (previous !== undefined) {
      const before = previous[other] as number;
      if (before < distance) distance = before;
    }
    output[other] = distance;
    total += distance;
  }
  return total;
}

/** Draws a row with probability weight / total; uniformly when every weight is 0 (all rows on a centre). */
function drawProportionally(weights: Float64Array, total: number, random: RandomSource): number {
  if (!(total > 0)) {
    return Math.floor(random() * weights.length);
  }
  const target = random() * total;
  let cumulative = 0;
  let lastPositive = 0;
  for (let row = 0; row < weights.length; row++) {
    const weight = weights[row] as number;
    if (weight > 0) {
      cumulative += weight;
      lastPositive = row;
      if (cumulative > target) return row;
    }
  }
  // Rounding can leave the target just above the running sum: the last row with weight is the right answer.
  return lastPositive;
}

function copyRow(
  source: Float64Array,
  dimension: number,
  row: number,
  target: Float64Array,
  slot: number,
): void {
  target.set(source.subarray(row * dimension, (row + 1) * dimension), slot * dimension);
}
