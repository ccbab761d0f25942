// The basket's names (name-diversity-clusters.ts): the documented 2 x 2 table in English and French, its thresholds
// at and just past their values, and, through describeClusters, RFM names unchanged without the diversity features.
import { describe, expect, it } from 'vitest';
import { describeClusters } from '../../../../lambda/engine/clustering/segmentation/describe-clusters.ts';
import {
  DIVERSITY_CLUSTER_NAMES,
  nameDiversityCluster,
  readDiversityCentroid,
} from '../../../../lambda/engine/clustering/segmentation/name-diversity-clusters.ts';

const STEADY_LOW = { recency: 0, frequency: -0.5, monetary: -0.7 };
const LAPSED_LOW = { recency: 0.54, frequency: -0.63, monetary: -0.87 };

const keyOf = (rfm: typeof STEADY_LOW, distinctProducts: number, topProductShare: number) =>
  nameDiversityCluster(rfm, { distinctProducts, topProductShare })?.key;

describe('nameDiversityCluster', () => {
  it('names a cluster whose spend goes mostly to one product, lapsed or not', () => {
    // Online Retail at K = 6 (README): recency z 0.54, products z -1.89, top share z 2.80.
    expect(nameDiversityCluster(LAPSED_LOW, { distinctProducts: -1.89, topProductShare: 2.8 })).toEqual({
      key: 'lapsed-single-product',
      name: { en: 'Lapsed single-product buyers', fr: 'Acheteurs d’un seul produit à reconquérir' },
    });
    expect(nameDiversityCluster(STEADY_LOW, { distinctProducts: -1.5, topProductShare: 1.2 })).toEqual({
      key: 'single-product-buyers',
      name: { en: 'Single-product buyers', fr: 'Acheteurs d’un seul produit' },
    });
  });

  it('takes a top-product share z strictly above 1', () => {
    expect(keyOf(STEADY_LOW, 0, 1)).toBeUndefined();
    expect(keyOf(STEADY_LOW, 0, 1.01)).toBe('single-product-buyers');
  });

  it('names a broad basket only above z 1 and 0.5 above the value z', () => {
    // Value z of STEADY_LOW: (-0.5 - 0.7) / 2 = -0.6.
    expect(keyOf(STEADY_LOW, 1, 0)).toBeUndefined();
    expect(keyOf(STEADY_LOW, 1.01, 0)).toBe('broad-basket-regulars');
    expect(keyOf({ ...STEADY_LOW, recency: 0.51 }, 1.2, 0)).toBe('lapsed-broad-basket');
    // Big spenders buy many products anyway: value z 1.5, products z 1.9 (lead 0.4) keeps the RFM name.
    const bigSpenders = { recency: -1, frequency: 1.4, monetary: 1.6 };
    expect(keyOf(bigSpenders, 1.9, -0.5)).toBeUndefined();
    expect(keyOf(bigSpenders, 2, -0.5)).toBe('broad-basket-regulars');
  });

  it('prefers single-product when both hold, and names nothing without the features', () => {
    expect(keyOf(STEADY_LOW, 2, 2)).toBe('single-product-buyers');
    expect(nameDiversityCluster(STEADY_LOW, undefined)).toBeUndefined();
  });

  it('has four distinct kebab-case keys, each with distinct English and French names', () => {
    const names = Object.values(DIVERSITY_CLUSTER_NAMES).flatMap((row) => Object.values(row));
    expect(names.map((name) => name.key).sort()).toEqual([
      'broad-basket-regulars',
      'lapsed-broad-basket',
      'lapsed-single-product',
      'single-product-buyers',
    ]);
    expect(new Set(names.map((name) => name.name.en)).size).toBe(4);
    expect(new Set(names.map((name) => name.name.fr)).size).toBe(4);
    expect(DIVERSITY_CLUSTER_NAMES.active.broad.name).toEqual({
      en: 'Broad-basket regulars',
      fr: 'Clients réguliers au panier large',
    });
  });
});

describe('readDiversityCentroid', () => {
  it('reads the two features by name, and nothing from R, F and M alone', () => {
    const names = [
      'recency_days',
      'frequency',
      'monetary',
      'distinct_products',
      'distinct_categories',
      'top_product_share',
    ];
    expect(readDiversityCentroid([0, 1, 2, 3, 4, 5], names)).toEqual({
      distinctProducts: 3,
      topProductShare: 5,
    });
    expect(readDiversityCentroid([0, 1, 2], names.slice(0, 3))).toBeUndefined();
  });
});

describe('describeClusters with the diversity features', () => {
  /** Clusters whose standardised centroids are given: one row each, at its centroid. */
  function namesOf(names: readonly string[], centroids: readonly (readonly number[])[]) {
    const features = names.map((name) => ({ name, logTransformed: false, mean: 0, standardDeviation: 1 }));
    const k = centroids.length;
    const summaries = describeClusters(
      { names, values: Float64Array.from(centroids.flat()), rowCount: k },
      features,
      {
        k,
        assignments: Int32Array.from(centroids.keys()),
        centroids: Float64Array.from(centroids.flat()),
        sizes: centroids.map(() => 1),
        ambiguousCounts: centroids.map(() => 0),
      },
      'rfm',
    );
    return summaries.map((summary) => [summary.key, summary.name.fr]);
  }
  const DIVERSITY = ['recency_days', 'frequency', 'monetary', 'distinct_products', 'top_product_share'];

  it('names a distinctive basket, every other cluster by the RFM table, each name unique', () => {
    expect(
      namesOf(DIVERSITY, [
        [-1.34, 2.06, 1.69, 1.28, -0.49],
        [0.54, -0.63, -0.87, -1.89, 2.8],
        [0.6, -0.5, -0.6, -1.2, 1.5],
      ]),
    ).toEqual([
      ['high-value-loyal', 'Clients fidèles à forte valeur'],
      ['lapsed-single-product', 'Acheteurs d’un seul produit à reconquérir'],
      ['lapsed-single-product-2', 'Acheteurs d’un seul produit à reconquérir (2)'],
    ]);
  });

  it('gives the RFM names alone without the diversity features', () => {
    expect(
      namesOf(DIVERSITY.slice(0, 3), [
        [-1.34, 2.06, 1.69],
        [0.54, -0.63, -0.87],
      ]),
    ).toEqual([
      ['high-value-loyal', 'Clients fidèles à forte valeur'],
      ['lapsed-low-value', 'Clients perdus à faible valeur'],
    ]);
  });
});
