import { describe, expect, it } from 'vitest';
import {
  fitBestOfRestarts,
  type KMeansEngine,
  type KMeansRunOptions,
} from '../../../../lambda/engine/clustering/kmeans/kmeans-engine.ts';
import { TWO_BLOBS } from '../fixtures.ts';

/** An engine whose inertia is scripted per call, recording the seeds it was given. */
function scriptedEngine(inertias: number[]): KMeansEngine & { calls: KMeansRunOptions[] } {
  const calls: KMeansRunOptions[] = [];
  return {
    name: 'scripted',
    calls,
    fit(_pointSet, options) {
      const inertia = inertias[calls.length] ?? 0;
      calls.push(options);
      return {
        assignments: new Int32Array(6),
        centroids: new Float64Array(4),
        inertia,
        iterations: calls.length,
      };
    },
  };
}

describe('fitBestOfRestarts', () => {
  it('runs every restart with its own seed and keeps the lowest inertia (earliest on a tie)', () => {
    const engine = scriptedEngine([5, 3, 4, 3]);
    const best = fitBestOfRestarts(engine, TWO_BLOBS, { k: 2, seed: 1, maxIterations: 10, restarts: 4 });
    expect(best.inertia).toBe(3);
    expect(best.iterations).toBe(2);
    expect(new Set(engine.calls.map((call) => call.seed)).size).toBe(4);
  });

  it('derives the same restart seeds from the same seed', () => {
    const first = scriptedEngine([]);
    const second = scriptedEngine([]);
    fitBestOfRestarts(first, TWO_BLOBS, { k: 2, seed: 9, maxIterations: 10, restarts: 3 });
    fitBestOfRestarts(second, TWO_BLOBS, { k: 2, seed: 9, maxIterations: 10, restarts: 3 });
    expect(second.calls).toEqual(first.calls);
  });
});
