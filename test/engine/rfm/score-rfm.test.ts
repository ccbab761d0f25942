import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RFM_SEGMENT_KEYS } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { scoreRfm, scoreRfmColumns } from '../../../lambda/engine/rfm/score-rfm.ts';
import { TEN_CUSTOMERS_RFM } from '../../fixtures/ten-customers.ts';

const tenCustomers = Object.entries(TEN_CUSTOMERS_RFM).map(([id, [recencyDays, frequency, monetary]]) => ({
  id,
  recencyDays,
  frequency,
  monetary,
}));

describe('scoreRfm', () => {
  it('scores the ten hand-made customers and names their segments', () => {
    // R (lower is better, distinct): 1, 3 -> 5; 10, 20 -> 4; 90, 100 -> 3; 150, 200 -> 2; 300, 400 -> 1.
    // F: four 1s -> 2, two 2s -> 3, two 3s -> 4, 4 and 5 -> 5 (see quintile-scores.test.ts).
    // M (distinct): 20, 30 -> 1; 50, 60 -> 2; 150, 300 -> 3; 400, 800 -> 4; 900, 1000 -> 5.
    // FM = round((F + M) / 2) and the segment from the (R, FM) table:
    const expected = {
      C01: [5, 5, 5, 'champions'], // FM (5+5)/2 = 5
      C02: [5, 5, 4, 'champions'], // FM 4.5 -> 5
      C03: [4, 4, 3, 'loyal'], // FM 3.5 -> 4
      C04: [4, 2, 2, 'potentialLoyalists'], // FM 2
      C05: [3, 3, 4, 'loyal'], // FM 3.5 -> 4
      C06: [3, 2, 1, 'aboutToSleep'], // FM 1.5 -> 2
      C07: [2, 3, 3, 'atRisk'], // FM 3
      C08: [2, 2, 1, 'hibernating'], // FM 1.5 -> 2
      C09: [1, 2, 2, 'hibernating'], // FM 2
      C10: [1, 4, 5, 'cantLoseThem'], // FM 4.5 -> 5
    };
    const scored = scoreRfm(tenCustomers);
    expect(
      Object.fromEntries(
        scored.map((c) => [c.id, [c.recencyScore, c.frequencyScore, c.monetaryScore, c.segment]]),
      ),
    ).toEqual(expected);
    expect(
      scored.map(({ id, recencyDays, frequency, monetary }) => ({ id, recencyDays, frequency, monetary })),
    ).toEqual(tenCustomers);
  });

  it('scores nobody when there is nobody', () => {
    expect(scoreRfm([])).toEqual([]);
  });
});

describe('scoreRfm, properties', () => {
  const customers = fc.array(
    fc.record({
      recencyDays: fc.integer({ min: 0, max: 400 }),
      frequency: fc.integer({ min: 1, max: 12 }),
      monetary: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
    }),
    { minLength: 1, maxLength: 150 },
  );

  it('gives every customer scores in 1..5 and exactly one known segment', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const scored = scoreRfm(list.map((customer, index) => ({ id: String(index), ...customer })));
        expect(scored).toHaveLength(list.length);
        for (const customer of scored) {
          for (const score of [customer.recencyScore, customer.frequencyScore, customer.monetaryScore]) {
            expect(Number.isInteger(score) && score >= 1 && score <= 5).toBe(true);
          }
          expect(RFM_SEGMENT_KEYS).toContain(customer.segment);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives each customer the same scores whatever the order of the customers', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const withIds = list.map((customer, index) => ({ id: String(index), ...customer }));
        const byId = (input: typeof withIds) =>
          Object.fromEntries(scoreRfm(input).map((customer) => [customer.id, customer]));
        expect(byId([...withIds].reverse())).toEqual(byId(withIds));
      }),
      { numRuns: 150 },
    );
  });

  it('scores columns as it scores objects: scoreRfmColumns gives the same scores and segment indices', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const scored = scoreRfm(list.map((customer, index) => ({ id: String(index), ...customer })));
        const columns = scoreRfmColumns({
          recencyDays: Int32Array.from(list, (customer) => customer.recencyDays),
          frequency: Int32Array.from(list, (customer) => customer.frequency),
          monetary: Float64Array.from(list, (customer) => customer.monetary),
        });
        expect(
          Array.from(columns.segments, (segment, row) => [
            columns.recencyScores[row],
            columns.frequencyScores[row],
            columns.monetaryScores[row],
            RFM_SEGMENT_KEYS[segment],
          ]),
        ).toEqual(
          scored.map((customer) => [
            customer.recencyScore,
            customer.frequencyScore,
            customer.monetaryScore,
            customer.segment,
          ]),
        );
      }),
      { numRuns: 100 },
    );
  });
});
