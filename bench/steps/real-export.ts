// Step 1: whole process against whole process on the real Online Retail export (vendored, decompressed into
// .bench/): our bundled CLI vs the pandas + scikit-learn reference, interleaved rounds after a warm-up each.
import { join } from 'node:path';
import type { ProgramSummary } from '../bench-helpers/end-to-end.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { ensureOnlineRetailCopy } from '../bench-helpers/prepare-inputs.ts';
import { fromRoot, oursOn } from '../bench-helpers/programs.ts';
import {
  compareWithReference,
  comparisonLines,
  comparisonResults,
} from '../bench-helpers/reference-comparison.ts';
import type { StepOutcome } from './step-outcome.ts';

const ROUNDS = 5;
const PEAK_RSS_TARGET_MB = 300;

/** The real export step's outcome, with what the line-scaling step builds on: the file and ours on it. */
export interface RealExportStep {
  outcome: StepOutcome<Record<string, unknown>>;
  onlineRetail: string;
  ours: ProgramSummary;
}

/** Compares ours with the reference on the real export; targets: not slower, peak RSS under 300 MB. */
export async function benchmarkRealExport(log: (line: string) => void): Promise<RealExportStep> {
  const onlineRetail = join(benchDirectory, 'online_retail.csv');
  const ourJson = join(benchDirectory, 'ours.json');
  log(`preparing ${fromRoot(onlineRetail)}`);
  await ensureOnlineRetailCopy(onlineRetail);
  const comparison = await compareWithReference(
    onlineRetail,
    oursOn(onlineRetail, ourJson),
    ourJson,
    ROUNDS,
    log,
  );
  const targets = {
    wallNotSlowerThanReference: comparison.ours.medianWallSeconds <= comparison.reference.medianWallSeconds,
    peakRssBelowTarget: comparison.ours.medianPeakRssMb < PEAK_RSS_TARGET_MB,
  };
  const title = `End to end on ${fromRoot(onlineRetail)} (median of ${ROUNDS} interleaved runs after one warm-up each)`;
  return {
    outcome: {
      results: { input: fromRoot(onlineRetail), rounds: ROUNDS, ...comparisonResults(comparison) },
      targets,
      thresholds: { peakRssTargetMb: PEAK_RSS_TARGET_MB },
      lines: comparisonLines(title, comparison, {
        wallNotSlower: targets.wallNotSlowerThanReference,
        peakRssMet: targets.peakRssBelowTarget,
        peakRssTarget: `< ${PEAK_RSS_TARGET_MB} MB`,
      }),
    },
    onlineRetail,
    ours: comparison.ours,
  };
}
