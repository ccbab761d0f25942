/**
 * Distinct values of a column and each row's index into them: the likelihoods compute their terms that depend on
 * the purchase count x alone once per distinct x (a few dozen values even for millions of customers).
 */

export interface DistinctValues {
  /** The distinct values, ascending. */
  readonly values: Float64Array;
  /** For each row, the index of its value in `values`. */
  readonly indexOfRow: Int32Array;
}

/** The distinct values of `column`, ascending, and each row's index into them. */
export function distinctValues(column: Float64Array): DistinctValues {
  const values = Float64Array.from(new Set(column)).sort();
  const position = new Map<number, number>();
  values.forEach((value, index) => position.set(value, index));
  const indexOfRow = Int32Array.from(column, (value) => position.get(value) as number);
  return { values, indexOfRow };
}
