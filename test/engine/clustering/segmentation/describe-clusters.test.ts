import { describe, expect, it } from 'vitest';
import { describeClusters } from '../../../../lambda/engine/clustering/segmentation/describe-clusters.ts';
import { prepareFeatures } from '../../../../lambda/engine/clustering/segmentation/prepare-features.ts';

describe('describeClusters', () => {
  it('gives size, share, profile in original units, ambiguous count and a name per cluster', () => {
    const table = {
      names: ['recency_days', 'frequency', 'monetary'],
      values: Float64Array.from([5, 10, 1000, 7, 12, 1200, 300, 1, 20, 320, 1, 40]),
      rowCount: 4,
    };
    const prepared = prepareFeatures(table, []);
    const centroids = new Float64Array(6);
    // Standardised centroids of rows {0, 1} and {2, 3}.
    for (let row = 0; row < 4; row++) {
      for (let feature = 0; feature < 3; feature++) {
        const slot = (row < 2 ? 0 : 3) + feature;
        centroids[slot] = (centroids[slot] as number) + (prepared.points[row * 3 + feature] as number) / 2;
      }
    }
    const summaries = describeClusters(
      table,
      prepared.features,
      { k: 2, assignments: Int32Array.from([0, 0, 1, 1]), centroids, sizes: [2, 2], ambiguousCounts: [0, 1] },
      'rfm',
    );
    expect(summaries).toEqual([
      {
        index: 0,
        key: 'high-value-loyal',
        name: { en: 'High-value loyal', fr: 'Clients fidèles à forte valeur' },
        size: 2,
        share: 0.5,
        profile: { recency_days: 6, frequency: 11, monetary: 1100 },
        ambiguousCount: 0,
      },
      {
        index: 1,
        key: 'lapsed-low-value',
        name: { en: 'Lapsed low-value', fr: 'Clients perdus à faible valeur' },
        size: 2,
        share: 0.5,
        profile: { recency_days: 310, frequency: 1, monetary: 30 },
        ambiguousCount: 1,
      },
    ]);
  });
});
