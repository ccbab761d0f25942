// Step 5 (issue 12): what the customer-value step costs. The bundled CLI on the same file with and without
// `--no-value`, alternated, median of each: the difference is the backtest, the fits, the scores and
// P(high value). CDNOW (its predictions are shown), Online Retail (withheld: the backtest alone) and 2M customers.
import { join } from 'node:path';
import { CDNOW } from '../../tools/real-data.ts';
import { generatedInput } from '../bench-helpers/customer-scaling.ts';
import { formatTable } from '../bench-helpers/format-table.ts';
import { measureProcess, type ProcessMeasurement } from '../bench-helpers/measure-process.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { fromRoot, oursOn } from '../bench-helpers/programs.ts';
import { median, roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

const ROUNDS = 3;
const MANY_CUSTOMERS = 2_000_000;

interface ValueCost {
  input: string;
  withValue: { medianWallSeconds: number; medianPeakRssMb: number };
  withoutValue: { medianWallSeconds: number; medianPeakRssMb: number };
}

const signed = (value: number): string => (value >= 0 ? `+${value}` : String(value));

const medians = (runs: readonly ProcessMeasurement[]) => ({
  medianWallSeconds: roundTo(median(runs.map((run) => run.wallSeconds)), 2),
  medianPeakRssMb: roundTo(median(runs.map((run) => run.peakRssMb)), 0),
});

/** The CLI on `input` with and without the value step, alternated for ROUNDS rounds. */
async function measureValueCost(input: string, log: (line: string) => void): Promise<ValueCost> {
  const { command, args } = oursOn(input, join(benchDirectory, 'ours_value.json'), { quiet: true });
  const withValue: ProcessMeasurement[] = [];
  const withoutValue: ProcessMeasurement[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    log(`value cost on ${fromRoot(input)}: round ${round} of ${ROUNDS}`);
    withValue.push(await measureProcess(command, args));
    withoutValue.push(await measureProcess(command, [...args, '--no-value']));
  }
  return { input: fromRoot(input), withValue: medians(withValue), withoutValue: medians(withoutValue) };
}

/** The value step's cost on CDNOW, Online Retail and 2M customers; reported, no target yet. */
export async function benchmarkValueCost(
  onlineRetail: string,
  log: (line: string) => void,
): Promise<StepOutcome<ValueCost[]>> {
  const inputs = [CDNOW, onlineRetail, await generatedInput(MANY_CUSTOMERS, log)];
  const costs: ValueCost[] = [];
  for (const input of inputs) costs.push(await measureValueCost(input, log));
  const rows = costs.map(({ input, withValue, withoutValue }) => [
    input,
    `${withValue.medianWallSeconds} s / ${withValue.medianPeakRssMb} MB`,
    `${withoutValue.medianWallSeconds} s / ${withoutValue.medianPeakRssMb} MB`,
    `${signed(roundTo(withValue.medianWallSeconds - withoutValue.medianWallSeconds, 2))} s / ` +
      `${signed(withValue.medianPeakRssMb - withoutValue.medianPeakRssMb)} MB`,
  ]);
  return {
    results: costs,
    targets: {},
    thresholds: {},
    lines: [
      '',
      `Customer value step (median of ${ROUNDS}, alternated):`,
      formatTable(['input', 'with value', '--no-value', 'value step'], rows),
    ],
  };
}
