// Step 2: memory follows customers, not lines. Ours on the real export's data lines written four times (the same
// customers, distinct invoices) must peak below 1.5 times its peak on the export itself.
import { join } from 'node:path';
import { measureRepeatedly, type ProgramSummary } from '../bench-helpers/end-to-end.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { ensureReplicatedCsv } from '../bench-helpers/prepare-inputs.ts';
import { fromRoot, oursOn } from '../bench-helpers/programs.ts';
import { withoutStdout } from '../bench-helpers/reference-comparison.ts';
import { roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

const SCALE_COPIES = 4;
const SCALING_RUNS = 3;
/** x4 the lines must cost less than this factor of the x1 peak RSS: memory follows customers, not lines. */
const SCALING_LIMIT = 1.5;

/** Measures ours on `onlineRetail` x4 against `x1`, ours on the export itself (step 1). */
export async function benchmarkLineScaling(
  onlineRetail: string,
  x1: ProgramSummary,
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  const scaledInput = join(benchDirectory, `online_retail_x${SCALE_COPIES}.csv`);
  log(`preparing ${fromRoot(scaledInput)} (${SCALE_COPIES}x the data lines)`);
  await ensureReplicatedCsv(onlineRetail, scaledInput, SCALE_COPIES);
  log(`scaling: ours on x${SCALE_COPIES}, ${SCALING_RUNS} runs`);
  const scaledJson = join(benchDirectory, `ours_x${SCALE_COPIES}.json`);
  const scaled = await measureRepeatedly(
    oursOn(scaledInput, scaledJson, { label: `ours on x${SCALE_COPIES}` }),
    SCALING_RUNS,
  );
  const ratio = scaled.medianPeakRssMb / x1.medianPeakRssMb;
  const targets = { memoryScalesWithCustomers: ratio < SCALING_LIMIT };
  return {
    results: {
      input: fromRoot(scaledInput),
      copies: SCALE_COPIES,
      x1MedianPeakRssMb: x1.medianPeakRssMb,
      scaled: withoutStdout(scaled),
      ratio: roundTo(ratio, 3),
      limit: SCALING_LIMIT,
    },
    targets,
    thresholds: {},
    lines: [
      '',
      `Memory scaling: ours on x1 vs x${SCALE_COPIES} the lines (median of ${SCALING_RUNS} runs on x${SCALE_COPIES})`,
      formatTable(
        ['input', 'median wall s', 'median peak RSS MB'],
        [
          ['x1', x1.medianWallSeconds.toFixed(2), x1.medianPeakRssMb.toFixed(0)],
          [`x${SCALE_COPIES}`, scaled.medianWallSeconds.toFixed(2), scaled.medianPeakRssMb.toFixed(0)],
        ],
      ),
      `${verdict(targets.memoryScalesWithCustomers)}  x${SCALE_COPIES} peak = ${ratio.toFixed(2)} x the x1 peak (limit ${SCALING_LIMIT})`,
    ],
  };
}
