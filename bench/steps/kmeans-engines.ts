// Step 4: K-means alone, our engines (bench/kmeans-bench.ts, each case in its own process) against
// scikit-learn's, on synthetic blobs: fit time and peak memory. Skipped when bench/kmeans-bench.ts is absent.
import { existsSync } from 'node:fs';
import { formatTable } from '../bench-helpers/format-table.ts';
import { compareKmeans, type KmeansRow } from '../bench-helpers/kmeans-comparison.ts';
import { kmeansBenchScript } from '../bench-helpers/paths.ts';
import { fromRoot } from '../bench-helpers/programs.ts';
import type { StepOutcome } from './step-outcome.ts';

// One restart each side keeps the whole bench under ~5 minutes: ml-kmeans alone needs ~8 s per restart at 1M rows.
const KMEANS_RESTARTS = 1;
const SKLEARN_REPEATS = 3;

/** Runs the K-means comparison (no targets: the figures are for reading). */
export async function benchmarkKmeansEngines(
  log: (line: string) => void,
): Promise<StepOutcome<KmeansRow[] | null>> {
  if (!existsSync(kmeansBenchScript)) {
    log(`${fromRoot(kmeansBenchScript)} not found: K-means comparison skipped`);
    return outcome(null, ['', 'K-means: bench/kmeans-bench.ts not found, skipped']);
  }
  const rows = await compareKmeans(KMEANS_RESTARTS, SKLEARN_REPEATS, log);
  return outcome(rows, [
    '',
    `K-means alone on synthetic blobs (fit time only, median of 3)\n${kmeansTable(rows)}`,
  ]);
}

function outcome(results: KmeansRow[] | null, lines: string[]): StepOutcome<KmeansRow[] | null> {
  return { results, targets: {}, thresholds: {}, lines };
}

function kmeansTable(rows: readonly KmeansRow[]): string {
  return formatTable(
    ['engine', 'rows x dims', 'k', 'n_init', 'median fit s', 'peak RSS MB', 'iterations', 'inertia/row'],
    rows.map((row) => [
      row.engine,
      `${row.rows} x ${row.dimensions}`,
      String(row.k),
      String(row.nInit),
      row.medianFitSeconds.toFixed(3),
      row.peakRssMb.toFixed(0),
      String(row.lastIterations),
      row.lastInertiaPerRow.toFixed(4),
    ]),
  );
}
