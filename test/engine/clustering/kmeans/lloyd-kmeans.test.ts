import { describe, expect, it } from 'vitest';
import { lloydKMeans } from '../../../../lambda/engine/clustering/kmeans/lloyd-kmeans.ts';
import { checkEngineContract } from './engine-contract.ts';
import { countPerCluster } from '../fixtures.ts';

describe('lloydKMeans', () => {
  checkEngineContract(lloydKMeans);

  it('fills an empty cluster with the farthest row instead of leaving it empty', () => {
    // Rows 0..3 at 0, one outlier at 10; with k = 3 every cluster must get at least one distinct row.
    const pointSet = { points: Float64Array.from([0, 0, 0, 1, 10]), rowCount: 5, dimension: 1 };
    for (let seed = 0; seed < 10; seed++) {
      const fit = lloydKMeans.fit(pointSet, { k: 3, seed, maxIterations: 100 });
      expect(countPerCluster(fit.assignments, 3).every((size) => size > 0)).toBe(true);
      expect(fit.inertia).toBeCloseTo(0, 12);
    }
  });

  it('stops after maxIterations', () => {
    const points = Float64Array.from({ length: 200 }, (_, index) => Math.sin(index) * 100);
    const fit = lloydKMeans.fit({ points, rowCount: 200, dimension: 1 }, { k: 6, seed: 1, maxIterations: 1 });
    expect(fit.iterations).toBe(1);
  });
});
