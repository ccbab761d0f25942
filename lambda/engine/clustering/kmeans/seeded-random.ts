/**
 * Seeded pseudo-random numbers for the clustering code: mulberry32 (a 32-bit state generator, fast and good
 * enough for sampling rows; not for cryptography) and a mixer that derives independent seeds for restarts.
 */
import { mixBits } from '../../numbers/bit-mixing.ts';

/** A source of uniform numbers in [0, 1), like Math.random but reproducible. */
export type RandomSource = () => number;

/** Creates a mulberry32 generator: the same seed always gives the same sequence. */
export function createRandomSource(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives a 32-bit seed from a base seed and some labels (K, restart number), so each run draws its own numbers. */
export function deriveSeed(baseSeed: number, ...labels: readonly number[]): number {
  // Seeds may be any finite number: fold the fractional and high parts in rather than silently dropping them.
  let hash = mixBits(Math.floor(baseSeed) >>> 0) ^ mixBits(Math.floor(baseSeed / 4294967296) >>> 0);
  for (const label of labels) {
    hash = mixBits((hash ^ mixBits(label >>> 0)) + 0x9e3779b9);
  }
  return hash >>> 0;
}

/** A seeded sample of at most `size` distinct row indices out of `rowCount`, in ascending order. */
export function sampleRowIndices(rowCount: number, size: number, random: RandomSource): Int32Array {
  const indices = new Int32Array(rowCount);
  for (let index = 0; index < rowCount; index++) {
    indices[index] = index;
  }
  if (size >= rowCount) {
    return indices;
  }
  // Partial Fisher-Yates shuffle: the first `size` slots end up a uniform sample without replacement.
  for (let slot = 0; slot < size; slot++) {
    const pick = slot + Math.floor(random() * (rowCount - slot));
    const chosen = indices[pick] as number;
    indices[pick] = indices[slot] as number;
    indices[slot] = chosen;
  }
  return indices.slice(0, size).sort();
}
