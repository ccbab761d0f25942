/**
 * The one order of customer ids, a total order whatever the mix of ids: pure decimal numbers first, in numeric
 * order (equal numbers such as "1" and "01" by code units), then every other id in code-unit order (as `<` on
 * strings). Comparing numbers and text one pair at a time ("10" < "1a" as text, "1a" < "2" as text, "2" < "10" as
 * numbers) is not transitive, so a sort would depend on the order of the lines; ranking by (kind, number, text)
 * is, so it does not.
 */
import { orderByValue } from '../rfm/value-order.ts';
import type { KeyPool } from './key-pool.ts';

/** ASCII digits, optionally a point and more digits: "12346", "00017", "12346.0" (a CustomerID pandas wrote). */
const DECIMAL_ID = /^[0-9]+(?:\.[0-9]+)?$/;
/** Below this, value * 10 + digit is exact in a double. */
const EXACT_ACCUMULATION_LIMIT = 2 ** 53 / 10 - 10;
const ZERO = 0x30;
const NINE = 0x39;
const POINT = 0x2e;

/**
 * The numeric value of a pure decimal id, NaN for any other id.
 * @example decimalIdValue('007') // 7
 * @example decimalIdValue('1e5') // NaN: an exponent makes it text
 */
export function decimalIdValue(id: string): number {
  return DECIMAL_ID.test(id) ? Number(id) : Number.NaN;
}

/**
 * Orders two customer ids (negative, 0 or positive): decimal numbers first by value, ties and all other ids by
 * code units.
 * @example ['b', '10', '9', '1a', '09'].sort(compareIds) // ['09', '9', '10', '1a', 'b']
 */
export function compareIds(left: string, right: string): number {
  const order = compareDecimalValues(decimalIdValue(left), decimalIdValue(right));
  if (order !== 0) return order;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The indices of a table's keys, sorted in compareIds order of the keys: the decimal ids by a radix sort of
 * their values (equal values then by text), the others by a comparator sort of their code units.
 */
export function sortedKeyOrder(table: KeyPool): Int32Array {
  const count = table.size;
  const keyValues = new Float64Array(count);
  let decimalCount = 0;
  for (let index = 0; index < count; index++) {
    keyValues[index] = decimalValueAt(table, index);
    if (!Number.isNaN(keyValues[index] as number)) decimalCount++;
  }
  const decimals = new Int32Array(decimalCount);
  const texts = new Int32Array(count - decimalCount);
  for (let index = 0, decimal = 0, text = 0; index < count; index++) {
    if (Number.isNaN(keyValues[index] as number)) texts[text++] = index;
    else decimals[decimal++] = index;
  }
  const values =
    decimals.length === count
      ? keyValues
      : Float64Array.from(decimals, (index) => keyValues[index] as number);
  const byValue = orderByValue(values);
  const order = new Int32Array(count);
  const byText = (left: number, right: number): number => table.compareKeys(left, right);
  for (let rank = 0; rank < byValue.length;) {
    let end = rank + 1;
    while (end < byValue.length && values[byValue[end] as number] === values[byValue[rank] as number]) end++;
    for (let position = rank; position < end; position++)
      order[position] = decimals[byValue[position] as number] as number;
    // A run of equal numbers ("1", "01", "1.0") goes in code-unit order.
    if (end - rank > 1) order.subarray(rank, end).sort(byText);
    rank = end;
  }
  order.set(sortTextKeys(table, texts), decimals.length);
  return order;
}

/** Code units past the keys' common prefix packed into one number for the radix sort: 3 x 17 bits < 2^53. */
const PACKED_UNITS = 3;

/**
 * Text keys in code-unit order: by a radix sort on the three code units after the prefix they all share (ids
 * like "CUST-..." share one), then a comparator sort within each run of keys those units do not tell apart.
 * Each unit counts as unit + 1, and a missing one as 0, so that "ab" comes before "ab\u0000".
 */
function sortTextKeys(table: KeyPool, keys: Int32Array): Int32Array {
  const first = keys[0];
  if (first === undefined) return keys;
  let prefix = table.lengthAt(first);
  for (const key of keys) {
    const length = Math.min(prefix, table.lengthAt(key));
    let shared = 0;
    while (shared < length && table.unitAt(key, shared) === table.unitAt(first, shared)) shared++;
    prefix = shared;
  }
  const packed = Float64Array.from(keys, (key) => {
    const length = table.lengthAt(key);
    let value = 0;
    for (let offset = prefix; offset < prefix + PACKED_UNITS; offset++) {
      value = value * 0x2_0000 + (offset < length ? table.unitAt(key, offset) + 1 : 0);
    }
    return value;
  });
  const byPacked = orderByValue(packed);
  const sorted = Int32Array.from(byPacked, (position) => keys[position] as number);
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && packed[byPacked[end] as number] === packed[byPacked[start] as number])
      end++;
    if (end - start > 1) sorted.subarray(start, end).sort((left, right) => table.compareKeys(left, right));
    start = end;
  }
  return sorted;
}

/** Decimal values (NaN: not decimal) by kind then value; 0 when both are text or the values are equal. */
function compareDecimalValues(left: number, right: number): number {
  const leftIsText = Number.isNaN(left);
  const rightIsText = Number.isNaN(right);
  if (leftIsText !== rightIsText) return leftIsText ? 1 : -1;
  if (leftIsText || left === right) return 0;
  return left < right ? -1 : 1;
}

/** decimalIdValue of key `index`, read from its code units (decoded only for fractions and long numbers). */
function decimalValueAt(table: KeyPool, index: number): number {
  const length = table.lengthAt(index);
  if (length === 0) return Number.NaN;
  let value = 0;
  for (let offset = 0; offset < length; offset++) {
    const unit = table.unitAt(index, offset);
    // A point (a fraction) or a number past exact doubles: read the text as Number() does.
    if (unit === POINT || value > EXACT_ACCUMULATION_LIMIT) return decimalIdValue(table.keyAt(index));
    if (unit < ZERO || unit > NINE) return Number.NaN;
    value = value * 10 + (unit - ZERO);
  }
  return value;
}
