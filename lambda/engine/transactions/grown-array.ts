/** Growing the typed arrays of the ledger's tables: a copy into a larger array of the same kind. */

/** A new array of the same kind as `source`, `capacity` long, starting with a copy of `source`. */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(source: T, capacity: number): T {
  const target = new (source.constructor as new (length: number) => T)(capacity);
  target.set(source);
  return target;
}
