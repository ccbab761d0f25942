// Step 7 (issue 16): the engine's own reading against the SQL path's local stand-in (`--engine duckdb`: embedded
// DuckDB aggregates the file into orders, the engine analyses them), whole process against whole process, on
// Online Retail's data lines written 1, 10 and 50 times (the same customers, distinct invoices). Reported, not a
// target: it says from measurement when each path is the better one on one machine.
import { join } from 'node:path';
import { compareInterleaved, type ProgramSummary } from '../bench-helpers/end-to-end.ts';
import { formatTable } from '../bench-helpers/format-table.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { ensureReplicatedCsv } from '../bench-helpers/prepare-inputs.ts';
import { fromRoot, oursOn } from '../bench-helpers/programs.ts';
import { withoutStdout } from '../bench-helpers/reference-comparison.ts';
import { roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

/** Copies of the data lines, and measured rounds at each (fewer on the largest: each run takes a minute). */
const SCALES = [
  { copies: 1, rounds: 3 },
  { copies: 10, rounds: 3 },
  { copies: 50, rounds: 1 },
] as const;

interface ScaleResult {
  copies: number;
  engine: ProgramSummary;
  duckdb: ProgramSummary;
}

/** Ours on each scale, read by the engine and aggregated by DuckDB first, interleaved. */
export async function benchmarkSqlPath(
  onlineRetail: string,
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  const results: ScaleResult[] = [];
  for (const { copies, rounds } of SCALES) {
    const input = copies === 1 ? onlineRetail : join(benchDirectory, `online_retail_x${copies}.csv`);
    if (copies > 1) {
      log(`preparing ${fromRoot(input)} (${copies}x the data lines)`);
      await ensureReplicatedCsv(onlineRetail, input, copies);
    }
    const engine = oursOn(input, join(benchDirectory, `engine_x${copies}.json`), {
      label: `engine x${copies}`,
      quiet: true,
    });
    const duckdbJson = join(benchDirectory, `duckdb_x${copies}.json`);
    const duckdb = oursOn(input, duckdbJson, { label: `duckdb x${copies}`, quiet: true });
    const [engineRuns, duckdbRuns] = await compareInterleaved(
      engine,
      { ...duckdb, args: [...duckdb.args, '--engine', 'duckdb'] },
      rounds,
      log,
    );
    results.push({ copies, engine: engineRuns, duckdb: duckdbRuns });
  }
  const rows = results.map(({ copies, engine, duckdb }) => [
    `x${copies}`,
    engine.medianWallSeconds.toFixed(2),
    duckdb.medianWallSeconds.toFixed(2),
    (duckdb.medianWallSeconds / engine.medianWallSeconds).toFixed(2),
    engine.medianPeakRssMb.toFixed(0),
    duckdb.medianPeakRssMb.toFixed(0),
  ]);
  return {
    results: {
      scales: results.map(({ copies, engine, duckdb }) => ({
        copies,
        engine: withoutStdout(engine),
        duckdb: withoutStdout(duckdb),
        wallRatio: roundTo(duckdb.medianWallSeconds / engine.medianWallSeconds, 3),
      })),
    },
    targets: {},
    thresholds: {},
    lines: [
      '',
      'The SQL path locally: the engine reading the file vs DuckDB aggregating it first (medians, interleaved)',
      formatTable(['input', 'engine s', 'duckdb s', 'duckdb / engine', 'engine MB', 'duckdb MB'], rows),
    ],
  };
}
