/**
 * Strings (optionally each with a numbered group) kept as code units in one growable byte pool, numbered 0, 1,
 * 2... in the order added: no JS string or object per key, and a key never pins the chunk of text it was sliced
 * from. InternTable (intern-table.ts) makes them findable; this file only stores, compares and reads them back.
 *
 * Memory per key: its code units (1 byte each when all are below 256, else 2), 4 bytes for where they end (and
 * their width), and 4 for its group when grouped. A key's record (end, group) sits next to the previous key's
 * end, so reading a key touches two places: its record and its bytes.
 */
import { grown } from './grown-array.ts';

export class KeyPool {
  #bytes = new Uint8Array(1 << 12);
  #byteLength = 0;
  /** Per key `stride` int32: where its bytes end (bit 31: 2-byte code units), then its group when grouped. */
  #records: Int32Array;
  readonly #stride: number;
  #count = 0;

  /** `grouped`: keys are (group, text) pairs, e.g. (customer, order id). */
  constructor(grouped: boolean) {
    this.#stride = grouped ? 2 : 1;
    this.#records = new Int32Array(this.#stride << 9);
  }

  get size(): number {
    return this.#count;
  }

  /** Adds (group, text) as the next key, without looking for it; returns its index. */
  append(text: string, group = 0): number {
    const index = this.#count;
    if ((index + 1) * this.#stride > this.#records.length) {
      this.#records = grown(this.#records, this.#records.length * 2);
    }
    let wide = 0;
    for (let offset = 0; offset < text.length; offset++) {
      if (text.charCodeAt(offset) > 0xff) {
        wide = 1;
        break;
      }
    }
    const end = this.#byteLength + (text.length << wide);
    if (end > this.#bytes.length) this.#growBytes(end);
    const bytes = this.#bytes;
    let at = this.#byteLength;
    for (let offset = 0; offset < text.length; offset++) {
      const unit = text.charCodeAt(offset);
      bytes[at++] = unit & 0xff;
      if (wide === 1) bytes[at++] = unit >>> 8;
    }
    this.#byteLength = end;
    this.#records[index * this.#stride] = end | (wide << 31);
    if (this.#stride === 2) this.#records[index * 2 + 1] = group;
    this.#count = index + 1;
    return index;
  }

  /** Whether key `index` is `text` (its group aside). */
  equals(index: number, text: string): boolean {
    const start = this.#start(index);
    const record = this.#records[index * this.#stride] as number;
    const end = record & END_MASK;
    const bytes = this.#bytes;
    if (record >= 0) {
      if (end - start !== text.length) return false;
      for (let offset = 0; offset < text.length; offset++) {
        if (bytes[start + offset] !== text.charCodeAt(offset)) return false;
      }
      return true;
    }
    if (end - start !== text.length * 2) return false;
    for (let offset = 0; offset < text.length; offset++) {
      const unit = (bytes[start + 2 * offset] as number) | ((bytes[start + 2 * offset + 1] as number) << 8);
      if (unit !== text.charCodeAt(offset)) return false;
    }
    return true;
  }

  /** The text of key `index`. */
  keyAt(index: number): string {
    const length = this.lengthAt(index);
    const units = this.#isWide(index) ? new Uint16Array(length) : undefined;
    if (units === undefined) {
      const start = this.#start(index);
      const bytes = this.#bytes;
      let text = '';
      // A short key (a customer id, an order number) one character at a time: no subarray, no spread.
      if (length <= SHORT_KEY) {
        for (let offset = 0; offset < length; offset++)
          text += String.fromCharCode(bytes[start + offset] as number);
        return text;
      }
      for (let from = 0; from < length; from += DECODE_STEP) {
        const to = Math.min(length, from + DECODE_STEP);
        text += String.fromCharCode(...this.#bytes.subarray(start + from, start + to));
      }
      return text;
    }
    for (let offset = 0; offset < length; offset++) units[offset] = this.unitAt(index, offset);
    let text = '';
    for (let from = 0; from < length; from += DECODE_STEP) {
      text += String.fromCharCode(...units.subarray(from, from + DECODE_STEP));
    }
    return text;
  }

  /** The group of key `index` (0 when the pool is not grouped). */
  groupAt(index: number): number {
    return this.#stride === 1 ? 0 : (this.#records[index * 2 + 1] as number);
  }

  /** The group of every key, by index (a copy). */
  groups(): Int32Array {
    const groups = new Int32Array(this.#count);
    if (this.#stride === 1) return groups;
    for (let index = 0; index < this.#count; index++) groups[index] = this.#records[index * 2 + 1] as number;
    return groups;
  }

  /** Code-unit order of two keys' texts (as `<` on strings): negative, 0 or positive. */
  compareKeys(left: number, right: number): number {
    if (this.#isWide(left) || this.#isWide(right)) return this.#compareUnits(left, right);
    const bytes = this.#bytes;
    const leftStart = this.#start(left);
    const rightStart = this.#start(right);
    const leftLength = ((this.#records[left * this.#stride] as number) & END_MASK) - leftStart;
    const rightLength = ((this.#records[right * this.#stride] as number) & END_MASK) - rightStart;
    const common = Math.min(leftLength, rightLength);
    for (let offset = 0; offset < common; offset++) {
      const difference = (bytes[leftStart + offset] as number) - (bytes[rightStart + offset] as number);
      if (difference !== 0) return difference;
    }
    return leftLength - rightLength;
  }

  /** The number of code units of key `index`. */
  lengthAt(index: number): number {
    const bytes = ((this.#records[index * this.#stride] as number) & END_MASK) - this.#start(index);
    return this.#isWide(index) ? bytes / 2 : bytes;
  }

  /** Code unit `offset` of key `index`. */
  unitAt(index: number, offset: number): number {
    const start = this.#start(index);
    if (!this.#isWide(index)) return this.#bytes[start + offset] as number;
    return (
      (this.#bytes[start + 2 * offset] as number) | ((this.#bytes[start + 2 * offset + 1] as number) << 8)
    );
  }

  /** Bytes held by the pool's arrays (capacity, not only what is used). */
  get retainedBytes(): number {
    return this.#bytes.byteLength + this.#records.byteLength;
  }

  /** compareKeys unit by unit, for keys stored with 2-byte units. */
  #compareUnits(left: number, right: number): number {
    const leftLength = this.lengthAt(left);
    const rightLength = this.lengthAt(right);
    const common = Math.min(leftLength, rightLength);
    for (let offset = 0; offset < common; offset++) {
      const difference = this.unitAt(left, offset) - this.unitAt(right, offset);
      if (difference !== 0) return difference;
    }
    return leftLength - rightLength;
  }

  #start(index: number): number {
    return index === 0 ? 0 : (this.#records[(index - 1) * this.#stride] as number) & END_MASK;
  }

  #isWide(index: number): boolean {
    return (this.#records[index * this.#stride] as number) < 0;
  }

  #growBytes(needed: number): void {
    if (needed > END_MASK) throw new RangeError(`InternTable: more than ${END_MASK} bytes of keys`);
    let capacity = this.#bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    this.#bytes = grown(this.#bytes, Math.min(capacity, END_MASK));
  }
}

/** Ends are 31-bit byte offsets (bit 31 is the width): 2 GiB of key bytes at most. */
const END_MASK = 0x7fff_ffff;
/** Keys up to this long are decoded one character at a time (faster than a call with spread arguments). */
const SHORT_KEY = 24;
/** Code units decoded per String.fromCharCode call (its arguments go on the stack). */
const DECODE_STEP = 4096;
