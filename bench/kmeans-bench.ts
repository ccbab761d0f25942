/**
 * Benchmark of the two K-means engines (our Lloyd on Float64Array vs ml-kmeans) on synthetic data: 5 Gaussian
 * blobs in 6 dimensions, 100k and 1M rows, k = 5, the same restarts for both. Each case runs in its own child
 * process so its peak RSS (process.resourceUsage().maxRSS) is its own; the child times 3 runs and prints one
 * JSON line with the median. Not a test. Run: npx tsx bench/kmeans-bench.ts [--restarts 1] [--rows 100000,1000000]
 * [--engines lloyd,ml-kmeans]; add --pipeline to time the whole clusterCustomers (K 2..8, 10 restarts) once.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fitBestOfRestarts, type KMeansEngine } from '../lambda/engine/clustering/kmeans/kmeans-engine.ts';
import { lloydKMeans } from '../lambda/engine/clustering/kmeans/lloyd-kmeans.ts';
import { createRandomSource } from '../lambda/engine/clustering/kmeans/seeded-random.ts';
import { clusterCustomersWith } from '../lambda/engine/clustering/segmentation/cluster-customers.ts';
import { mlKMeans } from './bench-helpers/ml-kmeans-engine.ts';

const ENGINES: Record<string, KMeansEngine> = { lloyd: lloydKMeans, 'ml-kmeans': mlKMeans };
const DIMENSION = 6;
const K = 5;
const RUNS = 3;
const MAX_ITERATIONS = 300;

interface BenchCase {
  engine: string;
  rows: number;
  restarts: number;
  pipeline: boolean;
}

/** Five well-separated Gaussian blobs (unit spread, centres drawn uniformly in [-1.5, 1.5]^6, so they overlap and Lloyd needs real iterations), seeded. */
function makeBlobs(rowCount: number, seed: number): Float64Array {
  const random = createRandomSource(seed);
  const centres = Array.from({ length: K }, () =>
    Array.from({ length: DIMENSION }, () => (random() - 0.5) * 3),
  );
  const points = new Float64Array(rowCount * DIMENSION);
  for (let row = 0; row < rowCount; row++) {
    const centre = centres[row % K] as number[];
    for (let feature = 0; feature < DIMENSION; feature++) {
      // Box-Muller: a standard normal from two uniforms.
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      points[row * DIMENSION + feature] = (centre[feature] as number) + normal;
    }
  }
  return points;
}

function runCase(benchCase: BenchCase): void {
  const engine = ENGINES[benchCase.engine];
  if (engine === undefined) throw new Error(`Unknown engine ${benchCase.engine}`);
  const pointSet = { points: makeBlobs(benchCase.rows, 42), rowCount: benchCase.rows, dimension: DIMENSION };
  const dataRssMb = process.memoryUsage().rss / 2 ** 20;
  if (benchCase.pipeline) {
    const names = Array.from({ length: DIMENSION }, (_, feature) => `feature${feature}`);
    const started = performance.now();
    const result = clusterCustomersWith(
      engine,
      { names, values: pointSet.points, rowCount: benchCase.rows },
      { seed: 1, naming: 'generic' },
    );
    const line = {
      pipeline: 'clusterCustomers (K 2..8, 10 restarts, 1 run)',
      engine: engine.name,
      rows: benchCase.rows,
      dimension: DIMENSION,
      ms: Math.round(performance.now() - started),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      chosenK: result.k,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  const timesMs: number[] = [];
  let inertia = 0;
  let iterations = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const fit = fitBestOfRestarts(engine, pointSet, {
      k: K,
      seed: run + 1,
      maxIterations: MAX_ITERATIONS,
      restarts: benchCase.restarts,
    });
    timesMs.push(performance.now() - started);
    inertia = fit.inertia;
    iterations = fit.iterations;
  }
  const sorted = [...timesMs].sort((left, right) => left - right);
  const line = {
    engine: engine.name,
    rows: benchCase.rows,
    dimension: DIMENSION,
    k: K,
    restarts: benchCase.restarts,
    runs: RUNS,
    medianMs: Math.round(sorted[Math.floor(RUNS / 2)] as number),
    timesMs: timesMs.map(Math.round),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssAfterDataMb: Math.round(dataRssMb),
    lastInertiaPerRow: Number((inertia / benchCase.rows).toFixed(4)),
    lastIterations: iterations,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function readFlag(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position >= 0 ? (process.argv[position + 1] ?? fallback) : fallback;
}

async function runAllInChildren(): Promise<void> {
  const restarts = Number(readFlag('restarts', '1'));
  const rowCounts = readFlag('rows', '100000,1000000').split(',').map(Number);
  const engines = readFlag('engines', 'lloyd,ml-kmeans').split(',');
  for (const rows of rowCounts) {
    for (const engine of engines) {
      const benchCase: BenchCase = { engine, rows, restarts, pipeline: process.argv.includes('--pipeline') };
      await new Promise<void>((resolve, reject) => {
        const child = fork(fileURLToPath(import.meta.url), ['--case', JSON.stringify(benchCase)], {
          execArgv: [...process.execArgv, '--max-old-space-size=8192'],
        });
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`${engine} ${rows}: exit ${code}`)),
        );
      });
    }
  }
}

const caseArgument = readFlag('case', '');
if (caseArgument === '') {
  await runAllInChildren();
} else {
  runCase(JSON.parse(caseArgument) as BenchCase);
}
