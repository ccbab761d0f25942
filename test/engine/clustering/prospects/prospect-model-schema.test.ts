// A prospect model survives JSON and reads back equal; a wrong one is refused in one line naming the field.
import { describe, expect, it } from 'vitest';
import { readProspectModel } from '../../../../lambda/engine/clustering/prospects/prospect-model-schema.ts';
import { trainProspectModel } from '../../../../lambda/engine/clustering/prospects/train-prospect-model.ts';
import { scoreProspects } from '../../../../lambda/engine/clustering/prospects/score-prospects.ts';

/** Two features, three clusters by age band, 30 customers. */
function trained() {
  const values = Float64Array.from({ length: 60 }, (_, index) =>
    index % 2 === 0 ? 20 + (index >> 1) * 2 : 1000 + ((index * 37) % 11),
  );
  const clusters = Int32Array.from({ length: 30 }, (_, row) => Math.min(2, Math.floor(row / 10)));
  return trainProspectModel({ names: ['Age', 'Visits per year'], values, rowCount: 30 }, clusters, 3, 5);
}

describe('readProspectModel', () => {
  it('reads back a model equal to the one saved, which scores the same', () => {
    const model = trained();
    const read = readProspectModel(JSON.parse(JSON.stringify(model)));
    expect(read).toEqual(model);
    const table = {
      names: ['Age', 'Visits per year'],
      values: Float64Array.from([25, 1003, 70, Number.NaN]),
      rowCount: 2,
    };
    expect(scoreProspects(read as typeof model, table)).toEqual(scoreProspects(model, table));
  });

  it.each([
    [{ method: 'random-forest' }, 'method: must be "multinomial-logistic-regression"'],
    [{ clusterCount: 1 }, 'clusterCount: must be at least 2'],
    [{ coefficients: [[1, 2]] }, 'coefficients: must hold one row per cluster (3)'],
    [{ coefficients: [[1, 2], [1], [1, 2]] }, 'coefficients.1: must hold one value per feature (2)'],
    [{ intercepts: [0, 0] }, 'intercepts: must hold one value per cluster (3)'],
    [{ holdoutAgreement: 1.5 }, 'holdoutAgreement: must be from 0 to 1'],
    [{ trainRows: 2.5 }, 'trainRows: must be a whole number'],
    [{ seed: 'x' }, 'seed: must be a number'],
    [{ extra: true }, 'the prospect model: Unrecognized key: "extra"'],
  ])('refuses %j: %s', (change, problem) => {
    expect(readProspectModel({ ...JSON.parse(JSON.stringify(trained())), ...change })).toEqual({ problem });
  });

  it('names the field deep inside a feature, and refuses what is not an object', () => {
    const json = JSON.parse(JSON.stringify(trained()));
    json.features[1].standardDeviation = 0;
    expect(readProspectModel(json)).toEqual({ problem: 'features.1.standardDeviation: must be above 0' });
    json.features[1] = json.features[0];
    json.features[1].standardDeviation = 1;
    expect(readProspectModel(json)).toEqual({ problem: 'features: must name each feature once' });
    expect(readProspectModel('model')).toMatchObject({
      problem: expect.stringMatching(/^the prospect model: /),
    });
  });
});
