/**
 * Interns strings (optionally within a numbered group) into dense indices 0, 1, 2... in first-seen order, with
 * open addressing over the strings' code units kept in one growable byte pool: no JS string, Map entry or
 * object per key. Strings read from a file are never kept, so a key never pins the chunk of text it was sliced
 * from.
 *
 * Memory per key: its code units (1 byte each when all are below 256, else 2), 4 bytes for where they end (and
 * their width), 4 for its group when grouped, and 16 to 32 for its hash slot. A slot holds the key's index and
 * its full hash, so a probe that meets another key rejects it without reading that key's bytes: at millions of
 * keys the table is far bigger than the CPU caches and every read elsewhere is a cache miss, the cost that
 * dominates here. The rest of a key's record (end, group) sits next to the previous key's end, so checking a
 * candidate reads two places: its record and its bytes.
 *
 * @example
 * const table = new InternTable();
 * table.intern('17850'); // 0
 * table.intern('13047'); // 1
 * table.intern('17850'); // 0
 * table.keyAt(1); // '13047'
 */
export class InternTable {
  #bytes = new Uint8Array(1 << 12);
  #byteLength = 0;
  /** Per key `stride` int32: where its bytes end (bit 31: 2-byte code units), then its group when grouped. */
  #records: Int32Array;
  readonly #stride: number;
  /** Per slot, two int32: key index + 1 (0: empty) and the key's hash; a power of two slots, at most half full. */
  #slots = new Int32Array(2 << 10);
  #count = 0;
  /** Keys in the slots (a key added by append() is not until index() puts it there). */
  #indexed = 0;
  /** Whether the last call to intern() added its key. */
  #added = false;

  /** `grouped`: keys are (group, text) pairs, e.g. (customer, order id). */
  constructor(options: { grouped?: boolean } = {}) {
    this.#stride = options.grouped === true ? 2 : 1;
    this.#records = new Int32Array(this.#stride << 9);
  }

  get size(): number {
    return this.#count;
  }

  /** Whether the last intern() call added a new key (rather than finding it). */
  get added(): boolean {
    return this.#added;
  }

  /** The hash intern() uses for (group, text), to compute once and pass to intern(). */
  hash(text: string, group = 0): number {
    let hash = Math.imul(FNV_OFFSET ^ group, FNV_PRIME);
    for (let offset = 0; offset < text.length; offset++) {
      hash = Math.imul(hash ^ text.charCodeAt(offset), FNV_PRIME);
    }
    return finishHash(hash);
  }

  /** The index of (group, text), added when new (see `added`). */
  intern(text: string, group = 0, hash = this.hash(text, group)): number {
    if (this.#slots.length === 0) throw new Error('InternTable: intern() after freeze()');
    const slots = this.#slots;
    const mask = (slots.length >>> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = (slots[2 * slot] as number) - 1;
      if (found < 0) {
        this.#added = true;
        const index = this.append(text, group);
        this.#fill(slot, index, hash);
        return index;
      }
      if (slots[2 * slot + 1] === hash && this.groupAt(found) === group && this.equals(found, text)) {
        this.#added = false;
        return found;
      }
    }
  }

  /**
   * Adds (group, text) without looking for it or making it findable: for a key known to be new whose look-ups
   * may never come (a customer's first order). index() makes it findable later.
   */
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

  /** Makes key `index`, added by append() and not indexed since, findable; `hash` is its hash(). */
  index(index: number, hash: number): void {
    if (this.#slots.length === 0) throw new Error('InternTable: index() after freeze()');
    const mask = (this.#slots.length >>> 1) - 1;
    let slot = hash & mask;
    while (this.#slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    this.#fill(slot, index, hash);
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
      let text = '';
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

  /** The group of key `index` (0 when the table is not grouped). */
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

  /** Frees the hash slots: no more intern() calls, the keys stay readable. */
  freeze(): void {
    this.#slots = new Int32Array(0);
  }

  /** Bytes held by the table's arrays (capacity, not only what is used). */
  get retainedBytes(): number {
    return this.#bytes.byteLength + this.#records.byteLength + this.#slots.byteLength;
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

  #fill(slot: number, index: number, hash: number): void {
    this.#slots[2 * slot] = index + 1;
    this.#slots[2 * slot + 1] = hash;
    this.#indexed++;
    if (this.#indexed * 4 > this.#slots.length) this.#rehash(this.#slots.length);
  }

  #growBytes(needed: number): void {
    if (needed > END_MASK) throw new RangeError(`InternTable: more than ${END_MASK} bytes of keys`);
    let capacity = this.#bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    this.#bytes = grown(this.#bytes, Math.min(capacity, END_MASK));
  }

  #rehash(slotCount: number): void {
    const previous = this.#slots;
    const slots = new Int32Array(slotCount * 2);
    const mask = slotCount - 1;
    for (let pair = 0; pair < previous.length; pair += 2) {
      const entry = previous[pair] as number;
      if (entry === 0) continue;
      const hash = previous[pair + 1] as number;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry;
      slots[2 * slot + 1] = hash;
    }
    this.#slots = slots;
  }
}

/** Ends are 31-bit byte offsets (bit 31 is the width): 2 GiB of key bytes at most. */
const END_MASK = 0x7fff_ffff;
/** Code units decoded per String.fromCharCode call (its arguments go on the stack). */
const DECODE_STEP = 4096;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3's finaliser, so that the low bits (the slot) depend on every input bit; an int32. */
function finishHash(hash: number): number {
  let mixed = hash ^ (hash >>> 16);
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  return mixed ^ (mixed >>> 16);
}

function grown<T extends Int32Array | Uint8Array>(source: T, capacity: number): T {
  const target = new (source.constructor as new (length: number) => T)(capacity);
  target.set(source);
  return target;
}
