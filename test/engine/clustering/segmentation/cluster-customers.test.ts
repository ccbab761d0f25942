import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClusteringOptions,
  type ClusteringResult,
  canCluster,
  clusterCustomers,
  clusterCustomersWith,
  type FeatureTable,
} from '../../../../lambda/engine/clustering/segmentation/cluster-customers.ts';
import { mlKMeans } from '../../../../bench/bench-helpers/ml-kmeans-engine.ts';
import { countPerCluster, permuteRows, separatedClouds } from '../fixtures.ts';
import { InputError, InvalidOptionError } from '../../../../lambda/errors/input-errors.ts';

const RFM_NAMES = ['recency_days', 'frequency', 'monetary'];

/** Four RFM-like groups of 25 customers: loyal big spenders, lapsed big spenders, newcomers, lost. */
function rfmTable(): FeatureTable {
  const groups = [
    [10, 20, 2000],
    [300, 15, 1500],
    [12, 1, 40],
    [350, 1, 30],
  ];
  const values = new Float64Array(100 * 3);
  for (let row = 0; row < 100; row++) {
    const group = groups[row % 4] as number[];
    const jitter = 1 + ((row * 37) % 11) / 100;
    group.forEach((value, feature) => {
      values[row * 3 + feature] = value * jitter;
    });
  }
  return { names: RFM_NAMES, values, rowCount: 100 };
}

/** Every structural invariant of a result. */
function expectConsistent(table: FeatureTable, result: ClusteringResult): void {
  expect(result.assignments).toHaveLength(table.rowCount);
  expect(result.margins).toHaveLength(table.rowCount);
  expect(result.clusters.map((cluster) => cluster.index)).toEqual(
    Array.from({ length: result.k }, (_, index) => index),
  );
  expect(result.clusters.map((cluster) => cluster.size)).toEqual(
    countPerCluster(result.assignments, result.k),
  );
  expect(result.clusters.reduce((total, cluster) => total + cluster.size, 0)).toBe(table.rowCount);
  expect(result.assignments.every((cluster) => cluster >= 0 && cluster < result.k)).toBe(true);
  expect(result.margins.every((margin) => margin >= 0 && margin <= 1)).toBe(true);
  expect(new Set(result.clusters.map((cluster) => cluster.key)).size).toBe(result.k);
  expect(new Set(result.clusters.map((cluster) => cluster.name.en)).size).toBe(result.k);
  expect(new Set(result.clusters.map((cluster) => cluster.name.fr)).size).toBe(result.k);
}

describe('clusterCustomers', () => {
  it('finds two obvious blobs with the right sizes and profiles in original units', () => {
    const values = Float64Array.from([
      1, 100, 2, 110, 1, 105, 3, 95, 2, 100, 50, 5, 52, 6, 51, 4, 49, 5, 50, 5, 48, 6, 53, 4,
    ]);
    const table = { names: ['visits', 'spend'], values, rowCount: 12 };
    const result = clusterCustomers(table, { seed: 1, naming: 'generic', logTransform: [] });
    expect(result.k).toBe(2);
    expect(result.clusters.map((cluster) => cluster.size)).toEqual([7, 5]);
    expect(result.clusters[1]?.profile).toEqual({ visits: 9 / 5, spend: 510 / 5 });
    expect(result.clusters[0]?.profile.visits).toBeCloseTo(353 / 7, 12);
    expect(Array.from(result.assignments)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.clusters[0]?.key).toBe('high-visits-low-spend');
    expectConsistent(table, result);
  });

  it('names RFM clusters from the table, most valuable first, whatever the seed', () => {
    const keysFor = (seed: number) =>
      clusterCustomers(rfmTable(), { seed, k: 4, naming: 'rfm' }).clusters.map((cluster) => cluster.key);
    expect(keysFor(1)).toEqual([
      'high-value-loyal',
      'lapsed-high-value',
      'recent-newcomers',
      'lapsed-low-value',
    ]);
    for (const seed of [2, 3, 99]) expect(keysFor(seed)).toEqual(keysFor(1));
  });

  it('chooses K by silhouette and reports the log-transformed features', () => {
    const result = clusterCustomers(rfmTable(), { seed: 5, naming: 'rfm' });
    expect(result.k).toBe(4);
    expect(result.selection.method).toBe('silhouette');
    expect(result.selection.candidates.map((candidate) => candidate.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.features.map((feature) => feature.name)).toEqual(RFM_NAMES);
  });

  it('gives the same result with the ml-kmeans engine on clear data', () => {
    const options: ClusteringOptions = { seed: 3, k: 4, naming: 'rfm' };
    const ours = clusterCustomers(rfmTable(), options);
    const theirs = clusterCustomersWith(mlKMeans, rfmTable(), options);
    expect(Array.from(theirs.assignments)).toEqual(Array.from(ours.assignments));
    expect(theirs.inertia).toBeCloseTo(ours.inertia, 9);
  });

  it('runs the restarts on every row, or on a sample above restartSampleSize rows, and says which', () => {
    const table = rfmTable();
    const everyRow = clusterCustomers(table, { seed: 4, k: 4, naming: 'rfm' });
    expect(everyRow.restartRows).toBe(100);
    const sampled = clusterCustomers(table, { seed: 4, k: 4, naming: 'rfm', restartSampleSize: 40 });
    expect(sampled.restartRows).toBe(40);
    expectConsistent(table, sampled);
    // The four groups are plain enough for the sample's best start to end where ten full restarts do.
    expect(sampled.clusters.map((cluster) => cluster.size)).toEqual(
      everyRow.clusters.map((cluster) => cluster.size),
    );
    expect(sampled.inertia).toBeCloseTo(everyRow.inertia, 9);
  });

  it('throws the documented precondition errors', () => {
    expect(() => clusterCustomers(rfmTable(), { seed: 1, k: 101, naming: 'rfm' })).toThrow(
      new InvalidOptionError('k must be between 2 and the number of customers (100), got 101'),
    );
    const tiny = { names: RFM_NAMES, values: new Float64Array(27), rowCount: 9 };
    expect(canCluster(9)).toBe(false);
    expect(() => clusterCustomers(tiny, { seed: 1, naming: 'rfm' })).toThrow(InputError);
  });

  it('keeps every row in exactly one cluster, margins in [0, 1], unique names (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((dimension) =>
          fc.record({
            dimension: fc.constant(dimension),
            rows: fc.array(
              fc.array(fc.integer({ min: 0, max: 20 }), { minLength: dimension, maxLength: dimension }),
              {
                minLength: 10,
                maxLength: 60,
              },
            ),
            k: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }),
            seed: fc.integer(),
          }),
        ),
        ({ dimension, rows, k, seed }) => {
          const names = Array.from({ length: dimension }, (_, feature) => `feature${feature}`);
          const table = { names, values: Float64Array.from(rows.flat()), rowCount: rows.length };
          const options: ClusteringOptions = { seed, k, naming: 'generic', restarts: 2, kMax: 5 };
          const result = clusterCustomers(table, options);
          expectConsistent(table, result);
          expect(clusterCustomers(table, options)).toEqual(result);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives the same sizes and profiles when the rows are shuffled (separated data, fixed K)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 5, max: 30 }), { minLength: 2, maxLength: 5 }),
        fc.integer(),
        fc.integer(),
        (sizes, dataSeed, shuffleSeed) => {
          const dimension = 3;
          const values = separatedClouds(sizes, dimension, dataSeed);
          const rowCount = values.length / dimension;
          const order = fc.sample(fc.shuffledSubarray([...Array(rowCount).keys()], { minLength: rowCount }), {
            numRuns: 1,
            seed: shuffleSeed,
          })[0] as number[];
          const names = ['spend', 'visits', 'basket'];
          const options: ClusteringOptions = { seed: 7, k: sizes.length, naming: 'generic' };
          const original = clusterCustomers({ names, values, rowCount }, options);
          const shuffled = clusterCustomers(
            { names, values: permuteRows(values, dimension, order), rowCount },
            options,
          );
          expect(shuffled.clusters.map((cluster) => cluster.size)).toEqual(
            original.clusters.map((cluster) => cluster.size),
          );
          expect(shuffled.clusters.map((cluster) => cluster.key)).toEqual(
            original.clusters.map((cluster) => cluster.key),
          );
          shuffled.clusters.forEach((cluster, index) => {
            for (const name of names) {
              expect(cluster.profile[name]).toBeCloseTo(
                original.clusters[index]?.profile[name] ?? Number.NaN,
                6,
              );
            }
          });
          order.forEach((from, to) => {
            expect(shuffled.assignments[to]).toBe(original.assignments[from]);
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('copes with a fixed K above the number of distinct rows (empty clusters, no NaN)', () => {
    const table = { names: ['a', 'b'], values: new Float64Array(20).fill(4), rowCount: 10 };
    const result = clusterCustomers(table, { seed: 1, k: 3, naming: 'generic' });
    expectConsistent(table, result);
    expect(result.clusters.map((cluster) => cluster.size)).toEqual([10, 0, 0]);
    expect(result.clusters.every((cluster) => Object.values(cluster.profile).every(Number.isFinite))).toBe(
      true,
    );
  });
});
