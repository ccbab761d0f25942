/**
 * The per-customer results of a transaction log kept as columns (typed arrays and an id accessor), and a
 * read-only array view over them for the `customers` of AnalysisResult: a row object is built only when a
 * consumer reads it, so 2M customers cost about 30 bytes each here instead of ~250 for an array of objects.
 */
import type { CustomerRow } from '../analysis/analysis-types.ts';
import { RFM_SEGMENT_KEYS } from '../rfm/rfm-segments.ts';
import { NO_PRIORITY, PRIORITY_KEYS } from '../value/value-priority.ts';
import type { ValueColumns } from '../value/value-result.ts';

/** One column per CustomerRow field of a transaction log; row r of each is the r-th customer in id order. */
export interface CustomerColumns {
  count: number;
  idAt(row: number): string;
  recencyDays: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  recencyScores: Uint8Array;
  frequencyScores: Uint8Array;
  monetaryScores: Uint8Array;
  /** Index into RFM_SEGMENT_KEYS. */
  segments: Uint8Array;
  /** Null when clustering was skipped; `assignments[r]` indexes `names` (English). */
  clusters: { assignments: Int32Array; margins: Float64Array; names: readonly string[] } | null;
  /** The value predictions (NaN: none for that customer); null when withheld or not computed. */
  value?: ValueColumns | null;
  /** Each row's priority, an index into PRIORITY_KEYS (NO_PRIORITY: none); null when withheld. */
  priorities?: Int8Array | null;
}

/** Row `row` as a CustomerRow (a new object each time). */
export function customerRowAt(columns: CustomerColumns, row: number): CustomerRow {
  const cluster = columns.clusters?.assignments[row];
  return {
    id: columns.idAt(row),
    recencyDays: columns.recencyDays[row] as number,
    frequency: columns.frequency[row] as number,
    monetary: columns.monetary[row] as number,
    recencyScore: columns.recencyScores[row] as number,
    frequencyScore: columns.frequencyScores[row] as number,
    monetaryScore: columns.monetaryScores[row] as number,
    segment: RFM_SEGMENT_KEYS[columns.segments[row] as number] ?? null,
    cluster: cluster === undefined ? null : (columns.clusters?.names[cluster] ?? String(cluster)),
    clusterMargin: columns.clusters?.margins[row] ?? null,
    ...valueAt(columns.value ?? null, row),
    priority: PRIORITY_KEYS[columns.priorities?.[row] ?? NO_PRIORITY] ?? null,
  };
}

/** The value fields of one row: null where the column holds NaN or there are no columns. */
function valueAt(value: ValueColumns | null, row: number): Partial<CustomerRow> {
  const at = (column: Float64Array | undefined): number | null => {
    const entry = column?.[row];
    return entry === undefined || Number.isNaN(entry) ? null : entry;
  };
  return {
    probabilityAlive: at(value?.probabilityAlive),
    expectedPurchases: at(value?.expectedPurchases),
    expectedOrderValue: at(value?.expectedOrderValue),
    clv: at(value?.clv),
    probabilityHighValue: at(value?.probabilityHighValue),
  };
}

/**
 * A read-only array of the rows, for code written against CustomerRow[] (`for...of`, `length`, `[i]`, `map`,
 * `filter`, `find`, JSON.stringify, `Array.isArray`): every read builds the row from the columns, so nothing
 * is kept per customer, and reading `rows[i]` twice gives two equal objects, not the same one. Writes throw.
 * Iterate once rather than calling `find` in a loop: each call walks the rows again.
 */
export function customerRowsView(columns: CustomerColumns): readonly CustomerRow[] {
  const { count } = columns;
  const rowIndex = (key: string | symbol): number | undefined => {
    if (typeof key !== 'string' || key.length === 0 || key.length > 10) return undefined;
    const first = key.charCodeAt(0);
    if (first < 48 || first > 57) return undefined;
    const index = Number(key);
    return Number.isInteger(index) && index < count && String(index) === key ? index : undefined;
  };
  const refuse = (): boolean => false;
  return new Proxy<CustomerRow[]>([], {
    get(target, key, receiver) {
      if (key === 'length') return count;
      if (key === Symbol.iterator) return () => iterateRows(columns);
      const index = rowIndex(key);
      return index === undefined ? Reflect.get(target, key, receiver) : customerRowAt(columns, index);
    },
    has(target, key) {
      return rowIndex(key) !== undefined || Reflect.has(target, key);
    },
    ownKeys() {
      return [...Array.from({ length: count }, (_, index) => String(index)), 'length'];
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') return { value: count, writable: true, enumerable: false, configurable: false };
      const index = rowIndex(key);
      if (index === undefined) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: customerRowAt(columns, index), writable: false, enumerable: true, configurable: true };
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}

function* iterateRows(columns: CustomerColumns): Generator<CustomerRow> {
  for (let row = 0; row < columns.count; row++) yield customerRowAt(columns, row);
}
