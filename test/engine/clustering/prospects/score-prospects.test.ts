// Scoring prospects: a missing or unusable value is taken at the training mean and counted per feature; the
// confidence is a probability; a table whose columns are not the model's is refused.
import { describe, expect, it } from 'vitest';
import type { ProspectModel } from '../../../../lambda/engine/clustering/prospects/prospect-model.ts';
import { scoreProspects } from '../../../../lambda/engine/clustering/prospects/score-prospects.ts';

/**
 * Two features standardised around (40 years, log1p income 10); cluster 1 is richer and younger: logit difference
 * 2·z_income − z_age. At the means both clusters are even.
 */
const MODEL: ProspectModel = {
  method: 'multinomial-logistic-regression',
  features: [
    { name: 'Age', logTransformed: false, mean: 40, standardDeviation: 10 },
    { name: 'Income', logTransformed: true, mean: 10, standardDeviation: 0.5 },
  ],
  clusterCount: 2,
  coefficients: [
    [0.5, -1],
    [-0.5, 1],
  ],
  intercepts: [0, 0],
  l2Penalty: 0.001,
  seed: 1,
  trainRows: 100,
  holdoutRows: 20,
  holdoutAgreement: 0.9,
  majorityShare: 0.5,
};

const table = (rows: number[][]) => ({
  names: ['Age', 'Income'],
  values: Float64Array.from(rows.flat()),
  rowCount: rows.length,
});

describe('scoreProspects', () => {
  it('takes missing and unusable values at the training mean and counts them per feature', () => {
    const income = Math.expm1(11); // z_income = (11 − 10) / 0.5 = 2
    const scored = scoreProspects(
      MODEL,
      table([
        [Number.NaN, income], // age at its mean: logits ±2 → P(cluster 1) = 1 / (1 + e^-4)
        [30, Number.NaN], // z_age = −1, income at its mean: logits ∓0.5 → 1 / (1 + e^-1)
        [Number.NaN, -5], // log1p(−5) is NaN: both at their means, an even call (the first cluster)
        [40, Math.expm1(10)], // exactly at the means
      ]),
    );
    expect(scored.missing).toEqual({ Age: 2, Income: 2 });
    expect(Array.from(scored.clusters)).toEqual([1, 1, 0, 0]);
    expect(scored.confidence[0]).toBeCloseTo(1 / (1 + Math.exp(-4)), 12);
    expect(scored.confidence[1]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(scored.confidence[2]).toBe(0.5);
    expect(scored.confidence[3]).toBeCloseTo(0.5, 12);
  });

  it('scores a row from that row alone: alone or among others, the same answer', () => {
    const rows = [
      [25, 90_000],
      [60, 15_000],
      [41, 30_000],
    ];
    const together = scoreProspects(MODEL, table(rows));
    rows.forEach((row, position) => {
      const alone = scoreProspects(MODEL, table([row]));
      expect(alone.clusters[0]).toBe(together.clusters[position]);
      expect(alone.confidence[0]).toBe(together.confidence[position]);
    });
  });

  it("refuses a table whose columns are not the model's features in order", () => {
    expect(() => scoreProspects(MODEL, { ...table([[40, 1]]), names: ['Income', 'Age'] })).toThrow(
      "The prospects' columns must be the prospect model's features in order (Age, Income), got Income, Age",
    );
  });
});
