/**
 * Sums of amounts rounded to 1e-4: a float sum depends on the order of its terms in the last bits, and the order
 * of the terms is the order of the file's lines; rounded, the same file in another line order gives the same
 * totals, the same ties and so the same scores, segments and fits, to the last bit.
 */
export function roundToTenThousandths(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
