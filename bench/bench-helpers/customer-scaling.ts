// Ours by number of customers: the generated Online Retail-layout logs (tools/online-retail-log.ts) at several
// sizes, ours measured on each (against the reference at one size), and the memory slope drawn through them.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ONLINE_RETAIL_GENERATOR_VERSION, writeOnlineRetailLog } from '../../tools/online-retail-log.ts';
import { measureRepeatedly, type ProgramCommand, type ProgramSummary } from './end-to-end.ts';
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

/** The generated file's name for a number of customers (the version in the name keeps stale files apart). */
function generatedRetailName(customers: number): string {
  return `generated_retail_${customers}_v${ONLINE_RETAIL_GENERATOR_VERSION}.csv`;
}

/** The generated file for `customers` customers, written on first use (deterministic, so reused after). */
export async function generatedInput(customers: number, log: (line: string) => void): Promise<string> {
  const path = join(benchDirectory, generatedRetailName(customers));
  log(`preparing ${generatedRetailName(customers)} (${customers.toLocaleString('en-US')} customers)`);
  if ((await stat(path).catch(() => undefined)) === undefined) {
    await mkdir(benchDirectory, { recursive: true });
    await writeOnlineRetailLog(path, customers);
  }
  return path;
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
