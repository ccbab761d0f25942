// The saved segmentation model (issue 18): on the customers of its own analysis it gives every customer the
// analysis's cluster and margin; a customer's score depends only on its own features (row order and the other
// customers of the file change nothing); missing values are counted and taken at the mean; it survives JSON; and
// a wrong model file is refused with one line naming the field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterCustomers,
  type FeatureTable,
} from '../../../../lambda/engine/clustering/segmentation/cluster-customers.ts';
import { createRandomSource } from '../../../../lambda/engine/clustering/kmeans/seeded-random.ts';
import {
  scoreTable,
  type SegmentationModel,
  segmentationModelOf,
} from '../../../../lambda/engine/clustering/saved/segmentation-model.ts';
import { readSegmentationModel } from '../../../../lambda/engine/clustering/saved/segmentation-model-schema.ts';
import { permuteRows, separatedClouds } from '../fixtures.ts';
import { featureMedians } from '../../../../lambda/engine/clustering/saved/feature-medians.ts';

const RFM_NAMES = ['recency_days', 'frequency', 'monetary'];

/** 3,000 RFM-like customers: recency uniform, frequency geometric, monetary log-normal (skewed: log1p applies). */
function skewedRfmTable(seed: number): FeatureTable {
  const random = createRandomSource(seed);
  const rowCount = 3000;
  const values = new Float64Array(rowCount * 3);
  for (let row = 0; row < rowCount; row++) {
    values[row * 3] = Math.floor(random() * 365);
    values[row * 3 + 1] = 1 + Math.floor(-Math.log(1 - random()) * 3);
    values[row * 3 + 2] = Math.exp(
      4 + 1.2 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()),
    );
  }
  return { names: RFM_NAMES, values, rowCount };
}

function genericTable(): FeatureTable {
  const values = separatedClouds([120, 80, 60, 40], 4, 7).map((value) => value * 10 + 100);
  return { names: ['income', 'visits', 'basket', 'age'], values, rowCount: 300 };
}

function modelOn(
  table: FeatureTable,
  naming: 'rfm' | 'generic',
): { model: SegmentationModel; assignments: Int32Array; margins: Float64Array } {
  const result = clusterCustomers(table, { seed: 42, naming, ambiguousMargin: 0.1 });
  return {
    model: segmentationModelOf(
      result,
      naming,
      0.1,
      {
        shape: naming === 'rfm' ? 'transactions' : 'customers',
        source: 'test.csv',
        asOf: '2026-11-30',
        customers: table.rowCount,
        rfm: null,
        columns: null,
      },
      featureMedians(table),
    ),
    assignments: result.assignments,
    margins: result.margins,
  };
}

describe('the segmentation model', () => {
  it.each([
    ['skewed RFM customers (log1p on some features)', skewedRfmTable(11), 'rfm'],
    ['a customer table of four clouds', genericTable(), 'generic'],
  ] as const)(
    'scores the customers of its own analysis into its clusters, margins included: %s',
    (_name, table, naming) => {
      const { model, assignments, margins } = modelOn(table, naming);
      expect(model.features.some((feature) => feature.logTransformed) || naming === 'generic').toBe(true);
      const scored = scoreTable(model, table);
      expect(Array.from(scored.assignments)).toEqual(Array.from(assignments));
      expect(Array.from(scored.margins)).toEqual(Array.from(margins));
      expect(Object.values(scored.missing).every((count) => count === 0)).toBe(true);
    },
  );

  it('gives each customer the same score whatever the row order and whoever else is in the file', () => {
    const table = skewedRfmTable(3);
    const { model } = modelOn(table, 'rfm');
    const whole = scoreTable(model, table);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: table.rowCount - 1 }), { minLength: 1, maxLength: 200 }),
        (rows) => {
          const subset = {
            names: table.names,
            values: permuteRows(table.values, 3, rows),
            rowCount: rows.length,
          };
          const scored = scoreTable(model, subset);
          rows.forEach((row, position) => {
            expect(scored.assignments[position]).toBe(whole.assignments[row]);
            expect(scored.margins[position]).toBe(whole.margins[row]);
          });
        },
      ),
      { numRuns: 200, seed: 18 },
    );
  });

  it("takes a missing or unusable value at the feature's median over the fit, and counts it", () => {
    const table = skewedRfmTable(5);
    const { model } = modelOn(table, 'rfm');
    const logged = model.features.find((feature) => feature.logTransformed);
    expect(logged).toBeDefined();
    const column = model.features.indexOf(logged as (typeof model.features)[number]);
    const values = Float64Array.from([10, 2, 50, 10, 2, 50, 10, 2, 50]);
    values[column] = Number.NaN;
    values[3 + column] = -5; // below log1p's domain
    const scored = scoreTable(model, { names: RFM_NAMES, values, rowCount: 3 });
    expect(scored.missing[logged?.name ?? '']).toBe(2);
    // Both rows score as if their value were the median of the customers the model was fitted on.
    const median = featureMedians(table)[column] as number;
    expect(logged?.missingValue).toBe(median);
    const atMean = Float64Array.from(values);
    atMean[column] = median;
    atMean[3 + column] = median;
    const reference = scoreTable(model, { names: RFM_NAMES, values: atMean, rowCount: 3 });
    expect(Array.from(scored.assignments)).toEqual(Array.from(reference.assignments));
  });

  it('reads back from JSON what it wrote, and scores the same', () => {
    const table = genericTable();
    const { model } = modelOn(table, 'generic');
    const read = readSegmentationModel(JSON.parse(JSON.stringify(model)));
    expect(read).toEqual(model);
    expect(Array.from(scoreTable(read as SegmentationModel, table).assignments)).toEqual(
      Array.from(scoreTable(model, table).assignments),
    );
  });

  it('refuses a wrong model file with one line naming the field', () => {
    const { model } = modelOn(genericTable(), 'generic');
    const wrong = (change: (copy: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
      change(copy);
      return readSegmentationModel(copy);
    };
    expect(wrong((copy) => (copy.version = 2))).toEqual({
      problem: expect.stringMatching(/^version: must be 1 /),
    });
    expect(wrong((copy) => (copy.format = 'other'))).toEqual({
      problem: expect.stringMatching(/^format: must be "segment-report\/segmentation-model"$/),
    });
    expect(wrong((copy) => ((copy.clusters as { centroid: number[] }[])[1]!.centroid = [1]))).toEqual({
      problem: 'clusters.1.centroid: must hold one value per feature (4)',
    });
    expect(
      wrong((copy) => ((copy.features as { standardDeviation: number }[])[0]!.standardDeviation = 0)),
    ).toEqual({
      problem: 'features.0.standardDeviation: must be above 0',
    });
    expect(readSegmentationModel('not json')).toEqual({ problem: expect.stringMatching(/^the model: /) });
  });
});
