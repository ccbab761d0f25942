import { z } from 'zod';
import { measureProcess } from './measure-process.ts';
import { kmeansBenchScript } from './paths.ts';
import { type KmeansShape, measureSklearnKmeans } from './sklearn-kmeans.ts';
import { roundTo } from './statistics.ts';

/** One engine on one synthetic shape: median fit time over its runs, peak RSS of its process. */
export interface KmeansRow extends KmeansShape {
  engine: string;
  medianFitSeconds: number;
  peakRssMb: number;
  lastIterations: number;
  lastInertiaPerRow: number;
}

/** The JSON line bench/kmeans-bench.ts prints per case (fields this comparison reads). */
const kmeansBenchLineSchema = z.object({
  engine: z.string(),
  rows: z.number().int().positive(),
  dimension: z.number().int().positive(),
  k: z.number().int().positive(),
  restarts: z.number().int().positive(),
  medianMs: z.number().nonnegative(),
  peakRssMb: z.number().nonnegative(),
  lastIterations: z.number(),
  lastInertiaPerRow: z.number(),
});

/**
 * Runs bench/kmeans-bench.ts (our engines, each case in its own process) with `restarts`, then scikit-learn's
 * KMeans with n_init = restarts on each shape it printed, `sklearnRepeats` fits per shape.
 */
export async function compareKmeans(
  restarts: number,
  sklearnRepeats: number,
  log: (line: string) => void,
): Promise<KmeansRow[]> {
  log(`K-means: bench/kmeans-bench.ts --restarts ${restarts}`);
  const { stdout } = await measureProcess(process.execPath, [
    '--import',
    'tsx',
    kmeansBenchScript,
    '--restarts',
    String(restarts),
  ]);
  const ours: KmeansRow[] = stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => kmeansBenchLineSchema.parse(JSON.parse(line)))
    .map((line) => ({
      engine: line.engine,
      rows: line.rows,
      dimensions: line.dimension,
      k: line.k,
      nInit: line.restarts,
      medianFitSeconds: roundTo(line.medianMs / 1000, 3),
      peakRssMb: line.peakRssMb,
      lastIterations: line.lastIterations,
      lastInertiaPerRow: line.lastInertiaPerRow,
    }));
  if (ours.length === 0) throw new Error(`bench/kmeans-bench.ts printed no result lines: "${stdout.trim()}"`);

  const shapes = new Map<string, KmeansShape>();
  for (const row of ours) {
    const shape = { rows: row.rows, dimensions: row.dimensions, k: row.k, nInit: row.nInit };
    shapes.set(JSON.stringify(shape), shape);
  }
  const sklearn: KmeansRow[] = [];
  for (const shape of shapes.values()) {
    log(`K-means: scikit-learn ${shape.rows} x ${shape.dimensions}, k=${shape.k}, n_init=${shape.nInit}`);
    const result = await measureSklearnKmeans(shape, sklearnRepeats);
    sklearn.push({ engine: 'scikit-learn', ...result });
  }
  return [...ours, ...sklearn].sort((left, right) => left.rows - right.rows);
}
