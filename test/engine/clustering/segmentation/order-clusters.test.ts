import { describe, expect, it } from 'vitest';
import {
  orderClusters,
  relabelClusters,
} from '../../../../lambda/engine/clustering/segmentation/order-clusters.ts';

describe('orderClusters', () => {
  it('puts the largest first and breaks size ties by centroid', () => {
    const order = orderClusters([
      { centroid: [1, 0], size: 10 },
      { centroid: [0, 5], size: 30 },
      { centroid: [-1, 2], size: 10 },
    ]);
    expect(order).toEqual([1, 2, 0]);
  });

  it('puts the highest value score first when one is given', () => {
    const order = orderClusters(
      [
        { centroid: [1], size: 50 },
        { centroid: [3], size: 5 },
        { centroid: [2], size: 20 },
      ],
      (centroid) => centroid[0] ?? 0,
    );
    expect(order).toEqual([1, 2, 0]);
  });
});

describe('relabelClusters', () => {
  it('renumbers assignments and moves centroids so old order[i] becomes i', () => {
    const relabelled = relabelClusters(
      Int32Array.from([0, 1, 2, 1]),
      Float64Array.from([10, 11, 20, 21, 30, 31]),
      2,
      [2, 0, 1],
    );
    expect(Array.from(relabelled.assignments)).toEqual([1, 2, 0, 2]);
    expect(Array.from(relabelled.centroids)).toEqual([30, 31, 10, 11, 20, 21]);
  });
});
