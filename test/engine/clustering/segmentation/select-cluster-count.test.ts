import { describe, expect, it } from 'vitest';
import { lloydKMeans } from '../../../../lambda/engine/clustering/kmeans/lloyd-kmeans.ts';
import {
  clusterSizes,
  type SelectionSettings,
  selectClusterCount,
} from '../../../../lambda/engine/clustering/segmentation/select-cluster-count.ts';
import { separatedClouds } from '../fixtures.ts';

const SETTINGS: SelectionSettings = {
  seed: 1,
  k: undefined,
  kMin: 2,
  kMax: 6,
  restarts: 3,
  maxIterations: 100,
  silhouetteSampleSize: 2000,
  minClusterShare: 0.02,
  selectionRestarts: 3,
  selectionSampleSize: 20_000,
  restartSampleSize: 100_000,
};

describe('selectClusterCount', () => {
  it('picks the number of well-separated clouds by silhouette and reports every candidate', () => {
    const pointSet = { points: separatedClouds([30, 20, 25], 2, 4), rowCount: 75, dimension: 2 };
    const selected = selectClusterCount(lloydKMeans, pointSet, SETTINGS);
    expect(selected.k).toBe(3);
    expect(selected.selection.method).toBe('silhouette');
    expect(selected.selection.candidates.map((candidate) => candidate.k)).toEqual([2, 3, 4, 5, 6]);
    const best = Math.max(...selected.selection.candidates.map((candidate) => candidate.silhouette));
    expect(selected.selection.candidates.find((candidate) => candidate.k === 3)?.silhouette).toBe(best);
    expect(clusterSizes(selected.fit.assignments, 3).sort()).toEqual([20, 25, 30]);
  });

  it('makes a K with a cluster under 5 customers ineligible even if its silhouette is best', () => {
    // Three clouds, one of 3 rows: K=3 separates it perfectly but is not eligible.
    const pointSet = { points: separatedClouds([40, 40, 3], 2, 5), rowCount: 83, dimension: 2 };
    const selected = selectClusterCount(lloydKMeans, pointSet, { ...SETTINGS, kMax: 3 });
    const [two, three] = selected.selection.candidates;
    expect(three).toMatchObject({ k: 3, smallestClusterSize: 3, eligible: false });
    expect(two?.eligible).toBe(true);
    expect(selected.k).toBe(2);
  });

  it('falls back to kMin when no candidate is eligible, and says so', () => {
    const pointSet = { points: new Float64Array(20), rowCount: 20, dimension: 1 };
    const selected = selectClusterCount(lloydKMeans, pointSet, { ...SETTINGS, kMin: 3, kMax: 4 });
    expect(selected.k).toBe(3);
    expect(selected.selection.candidates.every((candidate) => !candidate.eligible)).toBe(true);
  });

  it('chooses K on a row sample when there are many rows, then fits that K on every row', () => {
    const pointSet = { points: separatedClouds([300, 200, 250], 2, 4), rowCount: 750, dimension: 2 };
    const selected = selectClusterCount(lloydKMeans, pointSet, { ...SETTINGS, selectionSampleSize: 120 });
    expect(selected.k).toBe(3);
    const sampledSizes = selected.selection.candidates.map((candidate) => candidate.smallestClusterSize);
    expect(Math.max(...sampledSizes)).toBeLessThanOrEqual(120);
    expect(selected.fit.assignments).toHaveLength(750);
    expect(clusterSizes(selected.fit.assignments, 3).sort()).toEqual([200, 250, 300]);
  });

  it('uses the fixed K without trying candidates', () => {
    const pointSet = { points: separatedClouds([30, 20, 25], 2, 4), rowCount: 75, dimension: 2 };
    const selected = selectClusterCount(lloydKMeans, pointSet, { ...SETTINGS, k: 5 });
    expect(selected.k).toBe(5);
    expect(selected.selection).toEqual({ method: 'fixed', candidates: [] });
  });
});
