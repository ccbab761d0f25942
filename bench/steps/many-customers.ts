// Step 3 (issues 10, 17): many distinct customers. The whole job (step 1) against the reference on a generated Online Retail-layout log
// of 2M customers, then ours alone on 4M and 8M, and the peak memory per customer projected to 10M: the largest
// Lambda (10,240 MB) must hold them.
import {
  generatedInput,
  measureOursAtSizes,
  memorySlope,
  type MemorySlope,
  type ScalingPoint,
} from '../bench-helpers/customer-scaling.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { fromRoot, wholeJobOn } from '../bench-helpers/programs.ts';
import {
  compareWithReference,
  comparisonLines,
  comparisonResults,
  type ReferenceComparison,
  withoutStdout,
} from '../bench-helpers/reference-comparison.ts';
import type { StepOutcome } from './step-outcome.ts';

/** 2M distinct customers side by side with the reference, then ours alone on more. */
const COMPARED_CUSTOMERS = 2_000_000;
const GENERATED_ROUNDS = 3;
const LARGER_CUSTOMERS = [4_000_000, 8_000_000];
const LARGER_RUNS = 2;
/** The memory target of the engine on 2M customers (also the value step's, bench/steps/value-cost.ts). */
export const COMPARED_PEAK_RSS_TARGET_MB = 700;
/** The largest Lambda (10,240 MB) must hold 10M customers, by the memory slope. */
const PROJECTED_CUSTOMERS = 10_000_000;
const LARGEST_LAMBDA_MB = 10_240;

const thousands = (count: number): string => count.toLocaleString('en-US');

/** Runs the comparison at 2M and ours at 4M and 8M; targets: not slower, under 700 MB, 10M fits a Lambda. */
export async function benchmarkManyCustomers(
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  // The whole job, as in step 1 (issue 17: the memory target holds with the value model, trends and email on).
  const oursOnGenerated = (input: string) => wholeJobOn(input, benchDirectory, 'ours_generated');
  const comparedInput = await generatedInput(COMPARED_CUSTOMERS, log);
  log(`${thousands(COMPARED_CUSTOMERS)} customers: ours vs reference, ${GENERATED_ROUNDS} rounds`);
  const compared = oursOnGenerated(comparedInput);
  const comparison = await compareWithReference(
    comparedInput,
    compared,
    compared.json,
    GENERATED_ROUNDS,
    log,
  );
  const larger = await measureOursAtSizes(LARGER_CUSTOMERS, oursOnGenerated, LARGER_RUNS, log);
  const points = [{ customers: COMPARED_CUSTOMERS, ours: comparison.ours }, ...larger];
  const slope = memorySlope(
    points.map((point) => ({ customers: point.customers, peakRssMb: point.ours.medianPeakRssMb })),
    PROJECTED_CUSTOMERS,
  );
  const targets = {
    manyCustomersWallNotSlowerThanReference:
      comparison.ours.medianWallSeconds <= comparison.reference.medianWallSeconds,
    manyCustomersPeakRssBelowTarget: comparison.ours.medianPeakRssMb <= COMPARED_PEAK_RSS_TARGET_MB,
    tenMillionCustomersFitLargestLambda: slope.projectedPeakRssMb <= LARGEST_LAMBDA_MB,
  };
  return {
    results: {
      input: fromRoot(comparedInput),
      customers: COMPARED_CUSTOMERS,
      rounds: GENERATED_ROUNDS,
      ...comparisonResults(comparison),
      larger: larger.map((point) => ({
        customers: point.customers,
        input: fromRoot(point.input),
        ours: withoutStdout(point.ours),
      })),
      memorySlope: slope,
    },
    targets,
    thresholds: {
      manyCustomersPeakRssTargetMb: COMPARED_PEAK_RSS_TARGET_MB,
      largestLambdaMb: LARGEST_LAMBDA_MB,
    },
    lines: manyCustomersLines(comparedInput, comparison, points, slope, targets),
  };
}

/** The printed step: the comparison at 2M, then ours by number of customers and the projection. */
function manyCustomersLines(
  comparedInput: string,
  comparison: ReferenceComparison,
  points: readonly Pick<ScalingPoint, 'customers' | 'ours'>[],
  slope: MemorySlope,
  targets: Record<
    | 'manyCustomersWallNotSlowerThanReference'
    | 'manyCustomersPeakRssBelowTarget'
    | 'tenMillionCustomersFitLargestLambda',
    boolean
  >,
): string[] {
  const title = `Many customers: ${fromRoot(comparedInput)}, generated (median of ${GENERATED_ROUNDS} interleaved runs after one warm-up each)`;
  return [
    ...comparisonLines(title, comparison, {
      wallNotSlower: targets.manyCustomersWallNotSlowerThanReference,
      peakRssMet: targets.manyCustomersPeakRssBelowTarget,
      peakRssTarget: `<= ${COMPARED_PEAK_RSS_TARGET_MB} MB`,
    }),
    '',
    `Ours by number of customers (median of ${LARGER_RUNS} runs above ${thousands(COMPARED_CUSTOMERS)})`,
    formatTable(
      ['customers', 'median wall s', 'median peak RSS MB', 'peak bytes per customer'],
      points.map((point) => [
        thousands(point.customers),
        point.ours.medianWallSeconds.toFixed(2),
        point.ours.medianPeakRssMb.toFixed(0),
        ((point.ours.medianPeakRssMb * 2 ** 20) / point.customers).toFixed(0),
      ]),
    ),
    `memory slope: ${slope.bytesPerCustomer.toFixed(0)} bytes per customer above ${slope.interceptMb.toFixed(0)} MB ` +
      `(least squares); projected peak at ${thousands(PROJECTED_CUSTOMERS)} customers: ` +
      `${slope.projectedPeakRssMb.toLocaleString('en-US')} MB`,
    `${verdict(targets.tenMillionCustomersFitLargestLambda)}  projection <= ${thousands(LARGEST_LAMBDA_MB)} MB (the largest Lambda)`,
  ];
}
