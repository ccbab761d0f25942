import { describe, expect, it } from 'vitest';
import {
  clusterColumnsOf,
  runClusteringStep,
} from '../../../../lambda/engine/clustering/segmentation/clustering-step.ts';
import { separatedClouds } from '../fixtures.ts';

const OPTIONS = { seed: 3, naming: 'generic', ambiguousMargin: 0.1 } as const;

describe('runClusteringStep', () => {
  it('says why it skips a table too small to cluster, and names the method all the same', () => {
    const table = { names: ['visits'], values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), rowCount: 9 };
    const step = runClusteringStep(table, OPTIONS);
    expect(step).toEqual({
      skipped: 'too few customers to cluster (9); RFM segments and KPIs are still computed',
      method:
        'K-means (k-means++ seeding, best inertia of 10 restarts) on standardised features, log1p on skewed ones',
      result: null,
    });
  });

  it('clusters a table large enough, every restart on every row', () => {
    const table = { names: ['a', 'b'], values: separatedClouds([30, 30], 2, 5), rowCount: 60 };
    const step = runClusteringStep(table, { ...OPTIONS, k: 2 });
    expect(step.skipped).toBeNull();
    expect(step.method).toBe(
      'K-means (k-means++ seeding, best inertia of 10 restarts) on standardised features, log1p on skewed ones',
    );
    expect(step.result?.k).toBe(2);
  });

  it('gives each row its cluster name and margin, as columns', () => {
    const table = { names: ['a', 'b'], values: separatedClouds([20, 10], 2, 8), rowCount: 30 };
    const { result } = runClusteringStep(table, { ...OPTIONS, k: 2 });
    if (result === null) throw new Error('expected a clustering');
    const columns = clusterColumnsOf(result);
    expect(columns.names).toEqual(result.clusters.map((cluster) => cluster.name.en));
    expect(columns.assignments).toHaveLength(30);
    expect(columns.margins).toHaveLength(30);
    expect(columns.assignments).toEqual(result.assignments);
  });
});
