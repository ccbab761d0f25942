import { describe, expect, it } from 'vitest';
import { meanSilhouette } from '../../../../lambda/engine/clustering/kmeans/silhouette.ts';

/** Four points on a line: cluster 0 = {0, 1}, cluster 1 = {4, 6}. */
const LINE = { points: Float64Array.from([0, 1, 4, 6]), rowCount: 4, dimension: 1 };
const LINE_LABELS = Int32Array.from([0, 0, 1, 1]);
const ALL_ROWS = Int32Array.from([0, 1, 2, 3]);

describe('meanSilhouette', () => {
  it('matches a hand computation on four points', () => {
    // x=0: a=1, b=(4+6)/2=5 -> 4/5; x=1: a=1, b=(3+5)/2=4 -> 3/4;
    // x=4: a=2, b=(4+3)/2=3.5 -> 1.5/3.5; x=6: a=2, b=(6+5)/2=5.5 -> 3.5/5.5.
    const expected = (4 / 5 + 3 / 4 + 1.5 / 3.5 + 3.5 / 5.5) / 4;
    expect(meanSilhouette(LINE, LINE_LABELS, 2, ALL_ROWS)).toBeCloseTo(expected, 12);
  });

  it('uses only the sampled rows', () => {
    // Sample {0, 1, 2}: x=0: a=1, b=4 -> 3/4; x=1: a=1, b=3 -> 2/3; x=4 is alone in its cluster -> 0.
    const expected = (3 / 4 + 2 / 3 + 0) / 3;
    expect(meanSilhouette(LINE, LINE_LABELS, 2, Int32Array.from([0, 1, 2]))).toBeCloseTo(expected, 12);
  });

  it('is negative for a bad labelling and 0 when the sample sees one cluster', () => {
    expect(meanSilhouette(LINE, Int32Array.from([0, 1, 0, 1]), 2, ALL_ROWS)).toBeLessThan(0);
    expect(meanSilhouette(LINE, LINE_LABELS, 2, Int32Array.from([2, 3]))).toBe(0);
  });
});
