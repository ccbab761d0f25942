import { describe, expect, it } from 'vitest';
import {
  makeNamesUnique,
  toKebabCase,
} from '../../../../lambda/engine/clustering/segmentation/cluster-name.ts';

describe('makeNamesUnique', () => {
  it('keeps the first of a duplicated name and numbers the next ones in order', () => {
    const loyal = {
      key: 'high-value-loyal',
      name: { en: 'High-value loyal', fr: 'Clients fidèles à forte valeur' },
    };
    const other = {
      key: 'recent-newcomers',
      name: { en: 'Recent newcomers', fr: 'Nouveaux clients récents' },
    };
    expect(makeNamesUnique([loyal, other, loyal, loyal])).toEqual([
      loyal,
      other,
      {
        key: 'high-value-loyal-2',
        name: { en: 'High-value loyal (2)', fr: 'Clients fidèles à forte valeur (2)' },
      },
      {
        key: 'high-value-loyal-3',
        name: { en: 'High-value loyal (3)', fr: 'Clients fidèles à forte valeur (3)' },
      },
    ]);
  });
});

describe('toKebabCase', () => {
  it('splits camelCase, snake_case, acronyms and accents', () => {
    expect(toKebabCase('MntWines')).toBe('mnt-wines');
    expect(toKebabCase('recency_days')).toBe('recency-days');
    expect(toKebabCase('NumWebPurchases')).toBe('num-web-purchases');
    expect(toKebabCase('CLVScore')).toBe('clv-score');
    expect(toKebabCase('Montant dépensé (€)')).toBe('montant-depense');
  });
});
