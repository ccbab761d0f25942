// The RFM score ranges a saved segmentation keeps (issue 18): a later value takes the best score whose range it
// reaches, the worse score in a gap between two ranges; on the customers the ranges were taken from, the saved
// ranges give back exactly their scores and segments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  rfmEdgesOf,
  scoreByEdges,
  scoreRanges,
  scoreRfmByEdges,
} from '../../../lambda/engine/rfm/score-edges.ts';
import { scoreRfmColumns } from '../../../lambda/engine/rfm/score-rfm.ts';

describe('score ranges', () => {
  it('keeps the lowest and highest measure of each score given, by ascending score', () => {
    expect(scoreRanges([10, 20, 20, 30, 40], [1, 3, 3, 4, 5])).toEqual([
      { score: 1, lowest: 10, highest: 10 },
      { score: 3, lowest: 20, highest: 20 },
      { score: 4, lowest: 30, highest: 30 },
      { score: 5, lowest: 40, highest: 40 },
    ]);
  });

  it('scores a value on the ranges: higher is better', () => {
    const ranges = [
      { score: 1, lowest: 1, highest: 1 },
      { score: 3, lowest: 2, highest: 3 },
      { score: 5, lowest: 6, highest: 50 },
    ];
    expect(scoreByEdges(1, ranges, false)).toBe(1);
    expect(scoreByEdges(0, ranges, false)).toBe(1); // below every range: the worst score
    expect(scoreByEdges(3, ranges, false)).toBe(3);
    expect(scoreByEdges(4, ranges, false)).toBe(3); // in the gap between 3 and 5: the worse
    expect(scoreByEdges(6, ranges, false)).toBe(5);
    expect(scoreByEdges(500, ranges, false)).toBe(5); // beyond every range: the best
    expect(scoreByEdges(4, [], false)).toBe(0);
  });

  it('scores a recency on the ranges: lower is better', () => {
    const ranges = [
      { score: 1, lowest: 180, highest: 374 },
      { score: 4, lowest: 15, highest: 33 },
      { score: 5, lowest: 1, highest: 13 },
    ];
    expect(scoreByEdges(1, ranges, true)).toBe(5);
    expect(scoreByEdges(14, ranges, true)).toBe(4); // between 13 and 15: the worse
    expect(scoreByEdges(100, ranges, true)).toBe(1);
    expect(scoreByEdges(1000, ranges, true)).toBe(1);
  });

  it('gives back the scores and segments of the customers they were taken from (200 random bases)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            recency: fc.integer({ min: 1, max: 400 }),
            frequency: fc.integer({ min: 1, max: 30 }),
            monetary: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        fc.integer({ min: 1, max: 365 }),
        (customers, window) => {
          const measures = {
            recencyDays: customers.map((customer) => customer.recency),
            frequency: customers.map((customer) => customer.frequency),
            monetary: customers.map((customer) => customer.monetary),
          };
          const scores = scoreRfmColumns(measures, window);
          expect(scoreRfmByEdges(measures, rfmEdgesOf(measures, scores), window)).toEqual(scores);
        },
      ),
      { numRuns: 200, seed: 18 },
    );
  });
});
