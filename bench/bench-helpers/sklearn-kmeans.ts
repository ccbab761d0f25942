import { measureProcess } from './measure-process.ts';
import { systemPython } from './paths.ts';
import { median, roundTo } from './statistics.ts';

/** A synthetic K-means problem: `rows` points in `dimensions`, `k` clusters, best of `nInit` restarts. */
export interface KmeansShape {
  rows: number;
  dimensions: number;
  k: number;
  nInit: number;
}

/** scikit-learn's cost on one shape: fit time only (data generation excluded), peak RSS of the process. */
export interface SklearnKmeansResult extends KmeansShape {
  fitSeconds: number[];
  medianFitSeconds: number;
  peakRssMb: number;
  lastIterations: number;
  lastInertiaPerRow: number;
}

// The blobs of bench/kmeans-bench.ts (same distribution, numpy's generator): k centres uniform in
// [-1.5, 1.5]^dimensions, row i around centre i % k with unit normal spread. Then KMeans(k, n_init).fit,
// timed alone `repeats` times: k-means++ seeding and Lloyd iterations, scikit-learn's defaults.
const SKLEARN_KMEANS_SCRIPT = `
import json, sys, time
import numpy as np
from sklearn.cluster import KMeans
rows, dimensions, k, n_init, repeats = (int(value) for value in sys.argv[1:6])
rng = np.random.default_rng(42)
centres = rng.uniform(-1.5, 1.5, size=(k, dimensions))
points = centres[np.arange(rows) % k] + rng.normal(0.0, 1.0, size=(rows, dimensions))
fit_seconds = []
for repeat in range(repeats):
    started = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=n_init, random_state=repeat + 1).fit(points)
    fit_seconds.append(time.perf_counter() - started)
print(json.dumps({'fitSeconds': fit_seconds, 'iterations': int(model.n_iter_),
                  'inertiaPerRow': float(model.inertia_) / rows}))
`;

/** Runs scikit-learn's KMeans on `shape` in its own process, `repeats` fits, and reports the median. */
export async function measureSklearnKmeans(
  shape: KmeansShape,
  repeats: number,
): Promise<SklearnKmeansResult> {
  const { stdout, peakRssMb } = await measureProcess(systemPython, [
    '-c',
    SKLEARN_KMEANS_SCRIPT,
    String(shape.rows),
    String(shape.dimensions),
    String(shape.k),
    String(shape.nInit),
    String(repeats),
  ]);
  const printed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    fitSeconds?: number[];
    iterations?: number;
    inertiaPerRow?: number;
  };
  const { fitSeconds, iterations, inertiaPerRow } = printed;
  if (!Array.isArray(fitSeconds) || fitSeconds.length !== repeats) {
    throw new Error(`scikit-learn K-means printed no fit times: "${stdout.trim()}"`);
  }
  return {
    ...shape,
    fitSeconds: fitSeconds.map((seconds) => roundTo(seconds, 3)),
    medianFitSeconds: roundTo(median(fitSeconds), 3),
    peakRssMb: roundTo(peakRssMb, 1),
    lastIterations: iterations ?? Number.NaN,
    lastInertiaPerRow: roundTo(inertiaPerRow ?? Number.NaN, 4),
  };
}
