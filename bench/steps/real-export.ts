// Step 1 (issue 17's contract): the whole job through the README's documented command against the pandas +
// scikit-learn reference, whole process against whole process, on the real Online Retail export (vendored,
// decompressed into .bench/) and on 10 times its lines (the same customers, distinct invoices): interleaved
// rounds after a warm-up each. Ours does what the scheduled job does (value model, trends, JSON, customers file,
// the email with its charts); the reference only scores RFM and K-means.
import { join } from 'node:path';
import type { ProgramSummary } from '../bench-helpers/end-to-end.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { ensureOnlineRetailCopy, ensureReplicatedCsv } from '../bench-helpers/prepare-inputs.ts';
import { fromRoot, wholeJobOn } from '../bench-helpers/programs.ts';
import {
  compareWithReference,
  comparisonLines,
  comparisonResults,
  type ReferenceComparison,
} from '../bench-helpers/reference-comparison.ts';
import type { StepOutcome } from './step-outcome.ts';

const ROUNDS = 5;
const SCALED_COPIES = 10;
const SCALED_ROUNDS = 3;
const PEAK_RSS_TARGET_MB = 300;
/** Issue 17: ours at most this share of the reference's median wall time, through the documented command. */
export const WALL_RATIO_TARGET = 0.3;

/** The real export step's outcome, with what the line-scaling step builds on: the file and ours on it. */
export interface RealExportStep {
  outcome: StepOutcome<Record<string, unknown>>;
  onlineRetail: string;
  ours: ProgramSummary;
}

/** Compares the whole job with the reference on the export and x10; targets: 0.3x the wall time, peak RSS. */
export async function benchmarkRealExport(log: (line: string) => void): Promise<RealExportStep> {
  const onlineRetail = join(benchDirectory, 'online_retail.csv');
  const scaled = join(benchDirectory, `online_retail_x${SCALED_COPIES}.csv`);
  log(`preparing ${fromRoot(onlineRetail)} and ${fromRoot(scaled)}`);
  await ensureOnlineRetailCopy(onlineRetail);
  await ensureReplicatedCsv(onlineRetail, scaled, SCALED_COPIES);
  const compare = async (input: string, name: string, rounds: number): Promise<ReferenceComparison> => {
    const ours = wholeJobOn(input, benchDirectory, name);
    return compareWithReference(input, ours, ours.json, rounds, log);
  };
  const x1 = await compare(onlineRetail, 'ours_x1', ROUNDS);
  const x10 = await compare(scaled, `ours_x${SCALED_COPIES}`, SCALED_ROUNDS);
  const targets = {
    wholeJobAtMost03xReference: x1.ratioWall <= WALL_RATIO_TARGET,
    wholeJobX10AtMost03xReference: x10.ratioWall <= WALL_RATIO_TARGET,
    peakRssBelowTarget: x1.ours.medianPeakRssMb < PEAK_RSS_TARGET_MB,
  };
  const wallTarget = `wall <= ${WALL_RATIO_TARGET} x the reference's`;
  return {
    outcome: {
      results: {
        input: fromRoot(onlineRetail),
        rounds: ROUNDS,
        ...comparisonResults(x1),
        scaled: { input: fromRoot(scaled), rounds: SCALED_ROUNDS, ...comparisonResults(x10) },
      },
      targets,
      thresholds: { peakRssTargetMb: PEAK_RSS_TARGET_MB, wallRatioTarget: WALL_RATIO_TARGET },
      lines: [
        ...comparisonLines(
          `The whole job on ${fromRoot(onlineRetail)} (median of ${ROUNDS} interleaved runs after one warm-up each)`,
          x1,
          {
            wall: { met: targets.wholeJobAtMost03xReference, target: wallTarget },
            peakRssMet: targets.peakRssBelowTarget,
            peakRssTarget: `< ${PEAK_RSS_TARGET_MB} MB`,
          },
        ),
        ...comparisonLines(
          `The whole job on ${fromRoot(scaled)}, ${SCALED_COPIES}x the lines (median of ${SCALED_ROUNDS})`,
          x10,
          { wall: { met: targets.wholeJobX10AtMost03xReference, target: wallTarget } },
        ),
      ],
    },
    onlineRetail,
    ours: x1.ours,
  };
}
