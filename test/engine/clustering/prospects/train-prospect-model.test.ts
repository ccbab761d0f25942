// The prospect model on hand-made tables whose answer is known: two income bands far apart are told apart, the
// midpoint is an even call, a held-out fifth is all agreed; the same seed gives the same model; bad input refused.
import { describe, expect, it } from 'vitest';
import type { FeatureTable } from '../../../../lambda/engine/clustering/segmentation/clustering-types.ts';
import { trainProspectModel } from '../../../../lambda/engine/clustering/prospects/train-prospect-model.ts';
import { scoreProspects } from '../../../../lambda/engine/clustering/prospects/score-prospects.ts';
import { InputError } from '../../../../lambda/errors/input-errors.ts';

/** Incomes 0..9 in cluster 0 and 20..29 in cluster 1 (in thousands): a gap of 11 between the bands. */
function incomeBands(): { table: FeatureTable; clusters: Int32Array } {
  const incomes = [...Array(10).keys(), ...Array.from({ length: 10 }, (_, index) => 20 + index)];
  return {
    table: { names: ['Income'], values: Float64Array.from(incomes), rowCount: 20 },
    clusters: Int32Array.from(incomes, (income) => (income < 10 ? 0 : 1)),
  };
}

const prospects = (values: number[]): FeatureTable => ({
  names: ['Income'],
  values: Float64Array.from(values),
  rowCount: values.length,
});

describe('trainProspectModel', () => {
  it('tells two income bands apart, with a held-out fifth of 4 all agreed', () => {
    const { table, clusters } = incomeBands();
    const model = trainProspectModel(table, clusters, 2, 7);
    expect(model).toMatchObject({ trainRows: 20, holdoutRows: 4, holdoutAgreement: 1, clusterCount: 2 });
    // Mean of 0..9 and 20..29 is 14.5; population standard deviation √(2·(5.5² + 6.5² + … + 14.5²) / 20) = √(2,165 / 20).
    expect(model.features[0]).toMatchObject({ name: 'Income', logTransformed: false, mean: 14.5 });
    expect(model.features[0]?.standardDeviation).toBeCloseTo(Math.sqrt(2165 / 20), 12);
    const scored = scoreProspects(model, prospects([0, 9, 20, 29, 14.5]));
    expect(Array.from(scored.clusters.subarray(0, 4))).toEqual([0, 0, 1, 1]);
    expect(Math.min(...scored.confidence.subarray(0, 4))).toBeGreaterThan(0.9);
    // By symmetry the boundary is at the mean: an even call.
    expect(scored.confidence[4]).toBeCloseTo(0.5, 9);
  });

  it('states the baseline: with every customer in one cluster, answering it is right every time', () => {
    const { table } = incomeBands();
    const model = trainProspectModel(table, new Int32Array(20), 2, 7);
    expect(model).toMatchObject({ holdoutAgreement: 1, majorityShare: 1 });
  });

  it('gives the same JSON for the same seed, and its own held-out fifth for another', () => {
    const { table, clusters } = incomeBands();
    // Noise makes the held-out rows matter: cluster 1 takes some low incomes.
    const noisy = clusters.map((cluster, row) => (row % 3 === 0 ? 1 - cluster : cluster));
    const once = JSON.stringify(trainProspectModel(table, noisy, 2, 11));
    expect(JSON.stringify(trainProspectModel(table, noisy, 2, 11))).toBe(once);
    const seeds = [1, 2, 3, 4, 5, 6].map((seed) => trainProspectModel(table, noisy, 2, seed));
    expect(new Set(seeds.map((model) => model.holdoutAgreement)).size).toBeGreaterThan(1);
    // The shipped weights are fitted on every row: the seed changes only the held-out measure.
    expect(new Set(seeds.map((model) => JSON.stringify(model.coefficients))).size).toBe(1);
  });

  it('fits on a seeded sample past maxTrainRows', () => {
    const { table, clusters } = incomeBands();
    const model = trainProspectModel(table, clusters, 2, 7, { maxTrainRows: 10 });
    expect(model).toMatchObject({ trainRows: 10, holdoutRows: 4 });
  });

  it('refuses input it cannot learn from, saying why', () => {
    const { table, clusters } = incomeBands();
    const train =
      (changed: Partial<FeatureTable>, clusterOfRow = clusters, clusterCount = 2, seed = 7) =>
      () =>
        trainProspectModel({ ...table, ...changed }, clusterOfRow, clusterCount, seed);
    expect(train({ values: table.values.map((value, row) => (row === 3 ? Number.NaN : value)) })).toThrow(
      'The descriptive features must be finite (missing values set before training): "Income" is not',
    );
    expect(
      train(
        {},
        clusters.map(() => 2),
      ),
    ).toThrow('Every cluster index must be between 0 and 1');
    expect(train({}, clusters, 1)).toThrow('clusterCount must be a whole number of at least 2, got 1');
    expect(train({}, clusters.subarray(1))).toThrow(
      'clusterOfRow must give one cluster per row (20), got 19',
    );
    expect(train({ rowCount: 5, values: table.values.subarray(0, 5) }, clusters.subarray(0, 5))).toThrow(
      'A prospect model needs at least 10 customers to hold a fifth out, got 5',
    );
    expect(train({ names: [], values: new Float64Array(0) })).toThrow(InputError);
    expect(train({}, clusters, 2, Number.NaN)).toThrow('seed must be a finite number');
    const withOptions = (options: object) => () => trainProspectModel(table, clusters, 2, 7, options);
    expect(withOptions({ maxTrainRows: 9 })).toThrow(
      'maxTrainRows must be a whole number of at least 10, got 9',
    );
    expect(withOptions({ maxIterations: 0 })).toThrow(
      'maxIterations must be a whole number of at least 1, got 0',
    );
    expect(withOptions({ l2Penalty: -1 })).toThrow('l2Penalty must be a finite number of at least 0, got -1');
    expect(withOptions({ tolerance: 0 })).toThrow('tolerance must be a finite number above 0, got 0');
  });
});
