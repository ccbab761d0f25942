import { describe, expect, it } from 'vitest';
import {
  canCluster,
  DEFAULT_CLUSTERING_OPTIONS,
  resolveClusteringOptions,
} from '../../../../lambda/engine/clustering/segmentation/clustering-options.ts';
import { InputError, InvalidOptionError } from '../../../../lambda/errors/input-errors.ts';

const RFM_NAMES = ['recency_days', 'frequency', 'monetary'];
const table = (rowCount: number, names: readonly string[] = RFM_NAMES) => ({
  names,
  values: new Float64Array(rowCount * names.length),
  rowCount,
});

describe('canCluster', () => {
  it('needs at least max(10, 2 * kMin) customers', () => {
    expect(canCluster(9)).toBe(false);
    expect(canCluster(10)).toBe(true);
    expect(canCluster(11, 6)).toBe(false);
    expect(canCluster(12, 6)).toBe(true);
  });
});

describe('resolveClusteringOptions', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveClusteringOptions(table(20), { seed: 1, naming: 'rfm' });
    expect(resolved).toEqual({ ...DEFAULT_CLUSTERING_OPTIONS, seed: 1, naming: 'rfm', k: undefined });
    expect(resolved).toMatchObject({
      kMin: 2,
      kMax: 8,
      restarts: 10,
      maxIterations: 300,
      silhouetteSampleSize: 2000,
      restartSampleSize: 100_000,
    });
  });

  it('says k must be between 2 and the number of customers', () => {
    for (const k of [1, 21, 2.5]) {
      expect(() => resolveClusteringOptions(table(20), { seed: 1, k, naming: 'rfm' })).toThrow(
        InvalidOptionError,
      );
      expect(() => resolveClusteringOptions(table(20), { seed: 1, k, naming: 'rfm' })).toThrow(
        'k must be between 2 and the number of customers (20)',
      );
    }
    expect(resolveClusteringOptions(table(20), { seed: 1, k: 20, naming: 'rfm' }).k).toBe(20);
  });

  it('refuses too few customers for automatic K as an input error', () => {
    expect(() => resolveClusteringOptions(table(9), { seed: 1, naming: 'rfm' })).toThrow(InputError);
    expect(() => resolveClusteringOptions(table(9), { seed: 1, naming: 'rfm' })).toThrow(/Too few customers/);
  });

  it('names the option that is out of range', () => {
    const cases: [Partial<Parameters<typeof resolveClusteringOptions>[1]>, RegExp][] = [
      [{ kMin: 1 }, /kMin/],
      [{ kMin: 4, kMax: 3 }, /kMax/],
      [{ restarts: 0 }, /restarts/],
      [{ maxIterations: 0 }, /maxIterations/],
      [{ restartSampleSize: 1 }, /restartSampleSize/],
      [{ minClusterShare: 1.5 }, /minClusterShare/],
      [{ ambiguousMargin: -0.1 }, /ambiguousMargin/],
      [{ seed: Number.NaN }, /seed/],
      [{ logTransform: ['spend'] }, /"spend"/],
    ];
    for (const [options, message] of cases) {
      expect(() => resolveClusteringOptions(table(20), { seed: 1, naming: 'rfm', ...options })).toThrow(
        message,
      );
    }
  });

  it("requires the three RFM features for 'rfm' naming", () => {
    expect(() => resolveClusteringOptions(table(20, ['a', 'b']), { seed: 1, naming: 'rfm' })).toThrow(
      /recency_days/,
    );
    expect(resolveClusteringOptions(table(20, ['a', 'b']), { seed: 1, naming: 'generic' }).naming).toBe(
      'generic',
    );
  });

  it('rejects a malformed table', () => {
    expect(() =>
      resolveClusteringOptions({ ...table(20), rowCount: 21 }, { seed: 1, naming: 'rfm' }),
    ).toThrow(InputError);
    expect(() => resolveClusteringOptions(table(20, []), { seed: 1, naming: 'generic' })).toThrow(
      /no features/,
    );
    expect(() => resolveClusteringOptions(table(20, ['a', 'a']), { seed: 1, naming: 'generic' })).toThrow(
      /unique/,
    );
  });
});
