import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECENT_ACTIVITY_SEGMENTS, RFM_SEGMENT_KEYS } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { scoreRfm, scoreRfmColumns } from '../../../lambda/engine/rfm/score-rfm.ts';
import { TEN_CUSTOMERS_RFM } from '../../fixtures/ten-customers.ts';

const tenCustomers = Object.entries(TEN_CUSTOMERS_RFM).map(([id, [recencyDays, frequency, monetary]]) => ({
  id,
  recencyDays,
  frequency,
  monetary,
}));

/** The default activity window: a customer is active when the last purchase is at most 90 days old. */
const WINDOW = 90;

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
    // C05 bought exactly 90 days ago: active, so still Loyal (see the window's edge below).
    const scored = scoreRfm(tenCustomers, WINDOW);
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
    expect(scoreRfm([], WINDOW)).toEqual([]);
  });
});

describe('scoreRfm at the edge of the activity window', () => {
  /** Ten customers: two big buyers and two small ones near the window's edge, six far older. */
  const atTheEdge = [
    { id: 'edge', recencyDays: WINDOW, frequency: 9, monetary: 900 },
    { id: 'dayAfter', recencyDays: WINDOW + 1, frequency: 9, monetary: 900 },
    { id: 'smallEdge', recencyDays: WINDOW, frequency: 1, monetary: 10 },
    { id: 'smallDayAfter', recencyDays: WINDOW + 1, frequency: 1, monetary: 10 },
    ...[300, 310, 320, 330, 340, 350].map((recencyDays, index) => ({
      id: `old${index}`,
      recencyDays,
      frequency: 3,
      monetary: 300,
    })),
  ];
  const byId = (window: number) =>
    Object.fromEntries(scoreRfm(atTheEdge, window).map((customer) => [customer.id, customer]));

  it('keeps a customer whose last purchase is exactly the window old in the segment of its scores', () => {
    const scored = byId(WINDOW);
    // R: 90 and 90 are the best two of ten (position from the top 0.9 -> 5), 91 and 91 the next two (0.7 -> 4).
    // F and M: 9 and 900 score 5, 1 and 10 score 1, the six old customers' 3 and 300 score 3.
    expect(scored.edge).toMatchObject({ recencyScore: 5, frequencyScore: 5, monetaryScore: 5 });
    expect(scored.edge?.segment).toBe('champions');
    expect(scored.smallEdge).toMatchObject({ recencyScore: 5, frequencyScore: 1, monetaryScore: 1 });
    expect(scored.smallEdge?.segment).toBe('new');
  });

  it('moves a customer one day older than the window out of the recent-activity segments, R score unchanged', () => {
    const scored = byId(WINDOW);
    // Same R as their scores give (the true quintile), but the segment of the first row that claims no recent
    // activity in their FM column: FM 5 -> Can't lose them (R = 2 row), FM 1 -> About to sleep (R = 3 row).
    expect(scored.dayAfter).toMatchObject({ recencyScore: 4, frequencyScore: 5, monetaryScore: 5 });
    expect(scored.dayAfter?.segment).toBe('cantLoseThem');
    expect(scored.smallDayAfter).toMatchObject({ recencyScore: 4, frequencyScore: 1, monetaryScore: 1 });
    expect(scored.smallDayAfter?.segment).toBe('aboutToSleep');
    // One day wider a window, and the same two customers are Loyal and Promising by their scores.
    expect(byId(WINDOW + 1).dayAfter?.segment).toBe('loyal');
    expect(byId(WINDOW + 1).smallDayAfter?.segment).toBe('promising');
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
        const scored = scoreRfm(
          list.map((customer, index) => ({ id: String(index), ...customer })),
          WINDOW,
        );
        expect(scored).toHaveLength(list.length);
        for (const customer of scored) {
          for (const score of [customer.recencyScore, customer.frequencyScore, customer.monetaryScore]) {
            expect(Number.isInteger(score) && score >= 1 && score <= 5).toBe(true);
          }
          expect(RFM_SEGMENT_KEYS).toContain(customer.segment);
          if (customer.recencyDays > WINDOW) expect(RECENT_ACTIVITY_SEGMENTS).not.toContain(customer.segment);
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
          Object.fromEntries(scoreRfm(input, WINDOW).map((customer) => [customer.id, customer]));
        expect(byId([...withIds].reverse())).toEqual(byId(withIds));
      }),
      { numRuns: 150 },
    );
  });

  it('scores columns as it scores objects: scoreRfmColumns gives the same scores and segment indices', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const scored = scoreRfm(
          list.map((customer, index) => ({ id: String(index), ...customer })),
          WINDOW,
        );
        const columns = scoreRfmColumns(
          {
            recencyDays: Int32Array.from(list, (customer) => customer.recencyDays),
            frequency: Int32Array.from(list, (customer) => customer.frequency),
            monetary: Float64Array.from(list, (customer) => customer.monetary),
          },
          WINDOW,
        );
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
