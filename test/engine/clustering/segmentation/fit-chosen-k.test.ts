import { describe, expect, it } from 'vitest';
import {
  fitChosenK,
  restartRowCount,
} from '../../../../lambda/engine/clustering/segmentation/fit-chosen-k.ts';
import {
  fitBestOfRestarts,
  type KMeansEngine,
  type KMeansRunOptions,
} from '../../../../lambda/engine/clustering/kmeans/kmeans-engine.ts';
import { lloydKMeans } from '../../../../lambda/engine/clustering/kmeans/lloyd-kmeans.ts';
import { countPerCluster, separatedClouds } from '../fixtures.ts';

const DIMENSION = 2;
const CLOUDS = {
  points: separatedClouds([400, 300, 300], DIMENSION, 5),
  rowCount: 1_000,
  dimension: DIMENSION,
};
const OPTIONS = { k: 3, seed: 7, maxIterations: 100, restarts: 4 };

/** Lloyd, recording the rows and options of every run. */
function recordingEngine(): KMeansEngine & { runs: { rows: number; options: KMeansRunOptions }[] } {
  const runs: { rows: number; options: KMeansRunOptions }[] = [];
  return {
    name: 'recording',
    runs,
    fit(pointSet, options) {
      runs.push({ rows: pointSet.rowCount, options });
      return lloydKMeans.fit(pointSet, options);
    },
  };
}

describe('fitChosenK', () => {
  it('is fitBestOfRestarts on every row up to restartSampleSize rows', () => {
    const engine = recordingEngine();
    const fit = fitChosenK(engine, CLOUDS, { ...OPTIONS, restartSampleSize: 1_000 });
    expect(fit).toEqual(fitBestOfRestarts(lloydKMeans, CLOUDS, OPTIONS));
    expect(engine.runs.map((run) => run.rows)).toEqual([1_000, 1_000, 1_000, 1_000]);
  });

  it('above, runs the restarts on a seeded sample, then refines the best on every row', () => {
    const engine = recordingEngine();
    const fit = fitChosenK(engine, CLOUDS, { ...OPTIONS, restartSampleSize: 200 });
    expect(engine.runs.map((run) => run.rows)).toEqual([200, 200, 200, 200, 1_000]);
    expect(engine.runs.slice(0, 4).every((run) => run.options.initialCentroids === undefined)).toBe(true);
    expect(engine.runs[4]?.options.initialCentroids).toHaveLength(3 * DIMENSION);
    // The three clouds are found whole, with every row labelled.
    expect(countPerCluster(fit.assignments, 3).sort((left, right) => left - right)).toEqual([300, 300, 400]);
    expect(fit.inertia).toBeCloseTo(fitBestOfRestarts(lloydKMeans, CLOUDS, OPTIONS).inertia, 6);
    expect(fitChosenK(lloydKMeans, CLOUDS, { ...OPTIONS, restartSampleSize: 200 })).toEqual(fit);
  });

  it('uses every row when the sample could not hold K rows', () => {
    expect(restartRowCount(1_000, 3, 200)).toBe(200);
    expect(restartRowCount(1_000, 3, 1_000)).toBe(1_000);
    expect(restartRowCount(1_000, 300, 200)).toBe(1_000);
  });
});
