/**
 * The median of every column of a feature table (the mean of the two middle values for an even count), over its
 * finite values: what a saved segmentation gives a customer without a value (segmentation-model.ts).
 * @example featureMedians({ names: ['a'], values: Float64Array.from([3, 1, 2, 10]), rowCount: 4 }) // [2.5]
 */
import type { FeatureTable } from '../segmentation/clustering-types.ts';

export function featureMedians(table: FeatureTable): number[] {
  const dimension = table.names.length;
  const column = new Float64Array(table.rowCount);
  return table.names.map((_, feature) => {
    let count = 0;
    for (let row = 0; row < table.rowCount; row++) {
      const value = table.values[row * dimension + feature] as number;
      if (Number.isFinite(value)) column[count++] = value;
    }
    if (count === 0) return 0;
    const sorted = column.subarray(0, count).sort();
    return ((sorted[(count - 1) >> 1] as number) + (sorted[count >> 1] as number)) / 2;
  });
}
