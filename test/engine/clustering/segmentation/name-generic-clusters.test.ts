import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameGenericClusters } from '../../../../lambda/engine/clustering/segmentation/name-generic-clusters.ts';

const FEATURES = ['MntWines', 'Income', 'Recency'];

describe('nameGenericClusters', () => {
  it('names a cluster by its largest |z| features, in English and French', () => {
    const [wine, thrifty, plain] = nameGenericClusters(
      [
        [1.8, 0.9, 0.1],
        [-0.2, -1.1, 0.05],
        [0.1, -0.2, 0],
      ],
      FEATURES,
    );
    // The name keeps the columns (the customers file keys on it); the traits are for the report to word.
    expect(wine).toEqual({
      key: 'high-mnt-wines-high-income',
      name: { en: 'High MntWines, high Income', fr: 'MntWines élevé, Income élevé' },
      traits: [
        { feature: 'MntWines', high: true },
        { feature: 'Income', high: true },
      ],
    });
    // The second feature (|z| = 0.2) is not distinctive enough to appear.
    expect(thrifty).toEqual({
      key: 'low-income',
      name: { en: 'Low Income', fr: 'Income faible' },
      traits: [{ feature: 'Income', high: false }],
    });
    expect(plain).toEqual({
      key: 'average-profile',
      name: { en: 'Average profile', fr: 'Profil moyen' },
      traits: [],
    });
  });

  it('adds a third feature to tell duplicates apart, then a number', () => {
    const names = nameGenericClusters(
      [
        [2, 1, 0.6],
        [2, 1, -0.6],
        [2, 1, -0.7],
      ],
      FEATURES,
    );
    expect(names.map((name) => name.key)).toEqual([
      'high-mnt-wines-high-income-high-recency',
      'high-mnt-wines-high-income-low-recency',
      'high-mnt-wines-high-income-low-recency-2',
    ]);
    // A numbered duplicate keeps its traits.
    expect(names[2]?.traits).toEqual([
      { feature: 'MntWines', high: true },
      { feature: 'Income', high: true },
      { feature: 'Recency', high: false },
    ]);
  });

  it('always gives unique keys and names with English and French text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (centroids) => {
          const names = nameGenericClusters(centroids, FEATURES);
          expect(new Set(names.map((name) => name.key)).size).toBe(centroids.length);
          expect(new Set(names.map((name) => name.name.en)).size).toBe(centroids.length);
          expect(new Set(names.map((name) => name.name.fr)).size).toBe(centroids.length);
          for (const name of names) {
            expect(name.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
            expect(name.name.en.length).toBeGreaterThan(0);
            expect(name.name.fr.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
