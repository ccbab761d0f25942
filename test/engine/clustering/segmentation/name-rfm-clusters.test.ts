import { describe, expect, it } from 'vitest';
import {
  nameRfmCluster,
  RFM_CLUSTER_NAMES,
  rfmValueScore,
} from '../../../../lambda/engine/clustering/segmentation/name-rfm-clusters.ts';

describe('nameRfmCluster', () => {
  it('reads recency (low is good) and value (frequency + monetary) from the z-scores', () => {
    expect(nameRfmCluster({ recency: -1, frequency: 1.2, monetary: 1.5 }).key).toBe('high-value-loyal');
    expect(nameRfmCluster({ recency: 1.4, frequency: 1, monetary: 2 }).key).toBe('lapsed-high-value');
    expect(nameRfmCluster({ recency: -1, frequency: -0.8, monetary: -0.7 }).key).toBe('recent-newcomers');
    expect(nameRfmCluster({ recency: 0.1, frequency: 0, monetary: 0.2 }).key).toBe('regular-mid-value');
    expect(nameRfmCluster({ recency: 0, frequency: -1, monetary: -1 }).key).toBe('low-value-occasional');
    expect(nameRfmCluster({ recency: 1.2, frequency: -1, monetary: -0.9 }).key).toBe('lapsed-low-value');
  });

  it('has nine distinct keys, each with distinct English and French names', () => {
    const names = Object.values(RFM_CLUSTER_NAMES).flatMap((row) => Object.values(row));
    expect(names).toHaveLength(9);
    expect(new Set(names.map((name) => name.key)).size).toBe(9);
    expect(new Set(names.map((name) => name.name.en)).size).toBe(9);
    expect(new Set(names.map((name) => name.name.fr)).size).toBe(9);
    for (const name of names) expect(name.key).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('rfmValueScore', () => {
  it('ranks recent big spenders above lapsed ones', () => {
    const loyal = rfmValueScore({ recency: -1, frequency: 1, monetary: 1 });
    const lapsed = rfmValueScore({ recency: 1, frequency: 1, monetary: 1 });
    const occasional = rfmValueScore({ recency: 0, frequency: -1, monetary: -1 });
    expect(loyal).toBeGreaterThan(lapsed);
    expect(loyal).toBeGreaterThan(occasional);
  });
});
