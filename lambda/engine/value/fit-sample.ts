/**
 * The customers a model is fitted on when the base is large: a seeded uniform sample of a fixed size, so that
 * the fit's time and memory stay bounded whatever the file; predictions then score every customer with those
 * parameters. What the sample costs in accuracy, measured on 2,000,000 customers made of CDNOW master copies:
 * fitting 200,000 of them took 2.6 s instead of 26 s; r and alpha moved by 0.1% and 0.6%, a and b (which trade
 * off along a ridge of the likelihood) by 6% and 8%, and the 52-week expected purchases of typical customers by
 * at most 5%, P(alive) by at most 0.011. Sampling error shrinks with the square root of the sample size.
 */
import { createRandomSource, sampleRowIndices } from '../clustering/kmeans/seeded-random.ts';

/** Customers above this count are fitted on a seeded sample of this size. */
export const FIT_SAMPLE_SIZE = 200_000;

export interface FitOptions {
  /** Customers above this count are fitted on a seeded sample of this size. @default FIT_SAMPLE_SIZE (200,000) */
  readonly sampleSize?: number;
  /** Seed of that sample. @default 1 */
  readonly seed?: number;
}

/** The same rows of every column: all of them when there are at most `size`, else a seeded sample in row order. */
export function sampleColumns<Columns extends Record<string, Float64Array>>(
  columns: Columns,
  rowCount: number,
  size: number,
  seed: number,
): Columns {
  if (!(size >= 1)) throw new RangeError('the fit sample size must be at least 1');
  if (rowCount <= size) return columns;
  const rows = sampleRowIndices(rowCount, size, createRandomSource(seed));
  const sampled: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(columns)) {
    sampled[name] = Float64Array.from(rows, (row) => column[row] as number);
  }
  return sampled as Columns;
}
