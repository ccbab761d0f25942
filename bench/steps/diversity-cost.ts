// Issue 18: what purchase diversity costs. The same documented command on Online Retail, `analyze --json` (no
// email, so reading and clustering are most of the time), with the default (products read, distinct products and
// the top product's share clustered beside R, F and M) and with `--no-diversity`, as whole processes, interleaved,
// medians. The target is the budget the README states: diversity adds at most half to the job's wall time.
import { compareInterleaved, medianRow, type ProgramCommand } from '../bench-helpers/end-to-end.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import { join } from 'node:path';
import { benchDirectory, documentedCommand } from '../bench-helpers/paths.ts';
import { fromRoot } from '../bench-helpers/programs.ts';
import { roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

const ROUNDS = 5;
/** Diversity on / off, wall time: at most this. */
export const DIVERSITY_COST_LIMIT = 1.5;

function analyze(input: string, diversity: boolean): ProgramCommand {
  return {
    label: diversity ? 'with diversity (default)' : '--no-diversity',
    command: documentedCommand,
    args: [
      'analyze',
      fromRoot(input),
      '--json',
      fromRoot(join(benchDirectory, `diversity-${diversity ? 'on' : 'off'}.json`)),
      '--quiet',
      ...(diversity ? [] : ['--no-diversity']),
    ],
  };
}

/** With against without purchase diversity on `input`. */
export async function benchmarkDiversityCost(
  input: string,
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  const [on, off] = await compareInterleaved(analyze(input, true), analyze(input, false), ROUNDS, log);
  const ratio = on.medianWallSeconds / off.medianWallSeconds;
  const withinBudget = ratio <= DIVERSITY_COST_LIMIT;
  return {
    results: {
      input: fromRoot(input),
      rounds: ROUNDS,
      withDiversityWallSeconds: on.wallSeconds,
      withoutDiversityWallSeconds: off.wallSeconds,
      withDiversityPeakRssMb: roundTo(on.medianPeakRssMb, 0),
      withoutDiversityPeakRssMb: roundTo(off.medianPeakRssMb, 0),
      ratioWithToWithout: roundTo(ratio, 3),
    },
    targets: { diversityCostWithinBudget: withinBudget },
    thresholds: { diversityCostLimit: DIVERSITY_COST_LIMIT },
    lines: [
      '',
      `Purchase diversity: analyze ${fromRoot(input)} --json, with against without (median of ${ROUNDS})`,
      formatTable(['run', 'wall s', 'peak MB'], [medianRow(on), medianRow(off)]),
      `${verdict(withinBudget)}  with / without wall time ${ratio.toFixed(3)} (at most ${DIVERSITY_COST_LIMIT})`,
    ],
  };
}
