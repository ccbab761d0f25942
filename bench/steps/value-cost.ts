// Step 5 (issue 12): what the customer-value step costs. The bundled CLI on the same file with and without
// `--no-value`, alternated, median of each: the difference is the backtest, the fits, the scores and
// P(high value). CDNOW (its predictions are shown), Online Retail (withheld: the backtest alone), 2M customers
// uniform in time (withheld) and 2M customers who follow BG/NBD (tools/bg-nbd-log.ts: shown, so the whole step
// runs), whose run with value must stay under the engine's memory target on 2M customers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CDNOW } from '../../tools/real-data.ts';
import { generatedInput } from '../bench-helpers/customer-scaling.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import { measureProcess, type ProcessMeasurement } from '../bench-helpers/measure-process.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { fromRoot, oursOn } from '../bench-helpers/programs.ts';
import { median, roundTo } from '../bench-helpers/statistics.ts';
import { COMPARED_PEAK_RSS_TARGET_MB } from './many-customers.ts';
import type { StepOutcome } from './step-outcome.ts';
import { bgNbdInput } from './value-fit-time.ts';

const ROUNDS = 3;
const MANY_CUSTOMERS = 2_000_000;
const VALUE_JSON = join(benchDirectory, 'ours_value.json');

interface ValueCost {
  input: string;
  /** The verdict of the last run with value: `shown` or `withheld` (value.verdict.status of its JSON). */
  predictions: string;
  withValue: { medianWallSeconds: number; medianPeakRssMb: number };
  withoutValue: { medianWallSeconds: number; medianPeakRssMb: number };
}

const signed = (value: number): string => (value >= 0 ? `+${value}` : String(value));

const medians = (runs: readonly ProcessMeasurement[]) => ({
  medianWallSeconds: roundTo(median(runs.map((run) => run.wallSeconds)), 2),
  medianPeakRssMb: roundTo(median(runs.map((run) => run.peakRssMb)), 0),
});

/** value.verdict.status of the analysis the CLI wrote, or `none` when it has no value section. */
async function predictionsStatus(): Promise<string> {
  const analysis = JSON.parse(await readFile(VALUE_JSON, 'utf8')) as {
    value?: { verdict?: { status?: string } } | null;
  };
  return analysis.value?.verdict?.status ?? 'none';
}

/** The CLI on `input` with and without the value step, alternated for ROUNDS rounds. */
async function measureValueCost(input: string, log: (line: string) => void): Promise<ValueCost> {
  const { command, args } = oursOn(input, VALUE_JSON, { quiet: true });
  const withValue: ProcessMeasurement[] = [];
  const withoutValue: ProcessMeasurement[] = [];
  let predictions = 'none';
  for (let round = 1; round <= ROUNDS; round++) {
    log(`value cost on ${fromRoot(input)}: round ${round} of ${ROUNDS}`);
    withValue.push(await measureProcess(command, args));
    predictions = await predictionsStatus();
    withoutValue.push(await measureProcess(command, [...args, '--no-value']));
  }
  return {
    input: fromRoot(input),
    predictions,
    withValue: medians(withValue),
    withoutValue: medians(withoutValue),
  };
}

/** The value step's cost on each input; target: on 2M BG/NBD customers, shown and under the memory target. */
export async function benchmarkValueCost(
  onlineRetail: string,
  log: (line: string) => void,
): Promise<StepOutcome<ValueCost[]>> {
  const bgNbd = await bgNbdInput(log);
  const inputs = [CDNOW, onlineRetail, await generatedInput(MANY_CUSTOMERS, log), bgNbd];
  const costs: ValueCost[] = [];
  for (const input of inputs) costs.push(await measureValueCost(input, log));
  const onBgNbd = costs.at(-1) as ValueCost;
  const targets = {
    manyCustomersValueShownPeakRssBelowTarget:
      onBgNbd.predictions === 'shown' && onBgNbd.withValue.medianPeakRssMb <= COMPARED_PEAK_RSS_TARGET_MB,
  };
  const rows = costs.map(({ input, predictions, withValue, withoutValue }) => [
    input,
    predictions,
    `${withValue.medianWallSeconds} s / ${withValue.medianPeakRssMb} MB`,
    `${withoutValue.medianWallSeconds} s / ${withoutValue.medianPeakRssMb} MB`,
    `${signed(roundTo(withValue.medianWallSeconds - withoutValue.medianWallSeconds, 2))} s / ` +
      `${signed(withValue.medianPeakRssMb - withoutValue.medianPeakRssMb)} MB`,
  ]);
  return {
    results: costs,
    targets,
    thresholds: { manyCustomersPeakRssTargetMb: COMPARED_PEAK_RSS_TARGET_MB },
    lines: [
      '',
      `Customer value step (median of ${ROUNDS}, alternated):`,
      formatTable(['input', 'predictions', 'with value', '--no-value', 'value step'], rows),
      `${verdict(targets.manyCustomersValueShownPeakRssBelowTarget)}  ${onBgNbd.input} with value: predictions ` +
        `${onBgNbd.predictions} (shown needed), peak RSS ${onBgNbd.withValue.medianPeakRssMb} MB ` +
        `<= ${COMPARED_PEAK_RSS_TARGET_MB} MB`,
    ],
  };
}
