import { join } from 'node:path';
import {
  compareInterleaved,
  measureRepeatedly,
  type ProgramCommand,
  type ProgramSummary,
} from './end-to-end.ts';
import { ensureGeneratedRetailCsv, generatedRetailName } from './generate-retail.ts';
import { benchDirectory } from './paths.ts';
import { roundTo } from './statistics.ts';

/** How peak memory grows with customers: a least-squares line through the measured sizes, and a projection. */
export interface MemorySlope {
  /** Bytes of peak RSS per extra customer. */
  bytesPerCustomer: number;
  /** The line's value at zero customers (the runtime, the code, the parse buffers), MiB. */
  interceptMb: number;
  projectedCustomers: number;
  projectedPeakRssMb: number;
}

/** One size of the generated file and ours on it (the reference at the compared size only). */
export interface ScalingPoint {
  customers: number;
  input: string;
  ours: ProgramSummary;
}

/** The generated file for `customers` customers, written on first use (deterministic, so reused after). */
export async function generatedInput(customers: number, log: (line: string) => void): Promise<string> {
  const path = join(benchDirectory, generatedRetailName(customers));
  log(`preparing ${generatedRetailName(customers)} (${customers.toLocaleString('en-US')} customers)`);
  await ensureGeneratedRetailCsv(path, customers);
  return path;
}

/** Ours against the reference on one generated file, interleaved, `rounds` measured runs each. */
export async function compareOnGenerated(
  input: string,
  programs: { ours: (input: string) => ProgramCommand; reference: (input: string) => ProgramCommand },
  rounds: number,
  log: (line: string) => void,
): Promise<[ProgramSummary, ProgramSummary]> {
  return compareInterleaved(programs.ours(input), programs.reference(input), rounds, log);
}

/** Ours alone on the generated file of each size, `runs` runs each. */
export async function measureOursAtSizes(
  sizes: readonly number[],
  ours: (input: string) => ProgramCommand,
  runs: number,
  log: (line: string) => void,
): Promise<ScalingPoint[]> {
  const points: ScalingPoint[] = [];
  for (const customers of sizes) {
    const input = await generatedInput(customers, log);
    log(`ours on ${customers.toLocaleString('en-US')} customers, ${runs} runs`);
    points.push({ customers, input, ours: await measureRepeatedly(ours(input), runs) });
  }
  return points;
}

/** The least-squares line of median peak RSS against customers, projected to `projectedCustomers`. */
export function memorySlope(
  points: readonly { customers: number; peakRssMb: number }[],
  projectedCustomers: number,
): MemorySlope {
  const meanX = points.reduce((sum, point) => sum + point.customers, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.peakRssMb, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.customers - meanX) * (point.peakRssMb - meanY);
    variance += (point.customers - meanX) ** 2;
  }
  const mbPerCustomer = variance === 0 ? 0 : covariance / variance;
  const interceptMb = meanY - mbPerCustomer * meanX;
  return {
    bytesPerCustomer: roundTo(mbPerCustomer * 2 ** 20, 1),
    interceptMb: roundTo(interceptMb, 1),
    projectedCustomers,
    projectedPeakRssMb: roundTo(interceptMb + mbPerCustomer * projectedCustomers, 0),
  };
}
