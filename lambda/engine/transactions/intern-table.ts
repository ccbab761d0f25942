/**
 * Interns strings (optionally within a numbered group) into dense indices 0, 1, 2... in first-seen order: the keys
 * are stored in a KeyPool (key-pool.ts), found again by open addressing over their hashes.
 *
 * Memory per key, besides its pool record and bytes: 16 to 32 bytes for its hash slot. A slot holds the key's index
 * and its full hash, so a probe that meets another key rejects it without reading that key's bytes: at millions of
 * keys the table is far bigger than the CPU caches and every read elsewhere is a cache miss, the cost that
 * dominates here.
 *
 * @example
 * const table = new InternTable();
 * table.intern('17850'); // 0
 * table.intern('13047'); // 1
 * table.intern('17850'); // 0
 * table.keyAt(1); // '13047'
 */
import { KeyPool } from './key-pool.ts';
import { FNV_OFFSET, FNV_PRIME, fnv1a, mixBits } from '../numbers/bit-mixing.ts';

export class InternTable extends KeyPool {
  /** Per slot, two int32: key index + 1 (0: empty) and the key's hash; a power of two slots, at most half full. */
  #slots = new Int32Array(2 << 10);
  /** Keys in the slots (a key added by append() is not until index() puts it there). */
  #indexed = 0;
  /** Whether the last call to intern() added its key. */
  #added = false;

  /** `grouped`: keys are (group, text) pairs, e.g. (customer, order id). */
  constructor(options: { grouped?: boolean } = {}) {
    super(options.grouped === true);
  }

  /** Whether the last intern() call added a new key (rather than finding it). */
  get added(): boolean {
    return this.#added;
  }

  /** The hash intern() uses for (group, text), to compute once and pass to intern(). */
  hash(text: string, group = 0): number {
    // An int32: the slots hold hashes as int32.
    return mixBits(fnv1a(text, Math.imul(FNV_OFFSET ^ group, FNV_PRIME))) | 0;
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
   * Makes key `index`, added by append() (for a key known to be new whose look-ups may never come: a customer's
   * first order) and not indexed since, findable; `hash` is its hash().
   */
  index(index: number, hash: number): void {
    if (this.#slots.length === 0) throw new Error('InternTable: index() after freeze()');
    const mask = (this.#slots.length >>> 1) - 1;
    let slot = hash & mask;
    while (this.#slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    this.#fill(slot, index, hash);
  }

  /** Frees the hash slots: no more intern() calls, the keys stay readable. */
  freeze(): void {
    this.#slots = new Int32Array(0);
  }

  /** Bytes held by the table's arrays (capacity, not only what is used). */
  override get retainedBytes(): number {
    return super.retainedBytes + this.#slots.byteLength;
  }

  #fill(slot: number, index: number, hash: number): void {
    this.#slots[2 * slot] = index + 1;
    this.#slots[2 * slot + 1] = hash;
    this.#indexed++;
    if (this.#indexed * 4 > this.#slots.length) this.#rehash(this.#slots.length);
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
