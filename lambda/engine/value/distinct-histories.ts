/**
 * The distinct (x, t_x, T) histories of a base and how many customers share each: BG/NBD's predictions depend on
 * the history alone, and customers share histories massively (2,000,000 generated customers hold a few thousand:
 * x is a small count and t_x, T whole days in a unit), so predicting once per distinct history is exact and
 * hundreds of times cheaper. An open-addressing hash table on the three numbers' bits, in typed arrays: no
 * string keys, no object per customer. The fits use it too: a likelihood over the distinct rows, each weighted by
 * how many customers share it, is the likelihood over all customers, exactly.
 */

export interface DistinctHistories {
  /** The distinct histories, in order of first appearance. */
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Customers sharing each distinct history. */
  readonly weights: Float64Array;
  /** For each customer (row of the input columns), the index of their history. */
  readonly indexOfRow: Int32Array;
}

/** Groups the rows of the three columns by their exact values. */
export function distinctHistories(columns: {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
}): DistinctHistories {
  const { distinct, weights, indexOfRow } = distinctRows([columns.x, columns.tx, columns.T]);
  const [x, tx, T] = distinct as [Float64Array, Float64Array, Float64Array];
  return { x, tx, T, weights, indexOfRow };
}

/**
 * The distinct rows of columns of one length (compared exactly, 0 and -0 alike), in order of first appearance:
 * each column restricted to them, how many rows share each, and each row's index among them.
 */
export function distinctRows(columns: readonly Float64Array[]): {
  distinct: Float64Array[];
  weights: Float64Array;
  indexOfRow: Int32Array;
} {
  const count = columns[0]?.length ?? 0;
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const slots = new Int32Array(capacity).fill(-1);
  const indexOfRow = new Int32Array(count);
  const firstRow: number[] = [];
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const width = columns.length;
  // Plain loops over the columns, no closure per row: this runs over every customer, several times a run.
  for (let row = 0; row < count; row++) {
    let hash = 2166136261;
    for (let column = 0; column < width; column++) {
      bits[0] = ((columns[column] as Float64Array)[row] as number) + 0; // -0 and 0 are one key
      hash = Math.imul(hash ^ (words[0] as number), 16777619);
      hash = Math.imul(hash ^ (words[1] as number), 16777619);
    }
    let slot = ((hash ^ (hash >>> 15)) >>> 0) & (capacity - 1);
    for (;;) {
      const distinct = slots[slot] as number;
      if (distinct === -1) {
        slots[slot] = firstRow.length;
        indexOfRow[row] = firstRow.length;
        firstRow.push(row);
        break;
      }
      const other = firstRow[distinct] as number;
      let same = true;
      for (let column = 0; column < width && same; column++) {
        const values = columns[column] as Float64Array;
        same = values[row] === values[other];
      }
      if (same) {
        indexOfRow[row] = distinct;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
  }
  const weights = new Float64Array(firstRow.length);
  for (const index of indexOfRow) weights[index] = (weights[index] as number) + 1;
  const distinct = columns.map((column) => Float64Array.from(firstRow, (row) => column[row] as number));
  return { distinct, weights, indexOfRow };
}
