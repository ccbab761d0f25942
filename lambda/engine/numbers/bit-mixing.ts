/**
 * The two hash steps the engine shares: FNV-1a over a text's UTF-16 code units, and MurmurHash3's finaliser,
 * which spreads every input bit over the whole 32-bit word. The intern table hashes ids with both, the orders'
 * fingerprint too, and K-means' seeded random numbers mix with the finaliser.
 */

/** FNV-1a's 32-bit offset basis and prime. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `text`, from `start` (an int32: read it with `>>> 0` for a uint32). */
export function fnv1a(text: string, start: number): number {
  let hash = start;
  for (let offset = 0; offset < text.length; offset++) {
    hash = Math.imul(hash ^ text.charCodeAt(offset), FNV_PRIME);
  }
  return hash;
}

/** MurmurHash3's finaliser, as a uint32 (`| 0` gives the same bits as an int32). */
export function mixBits(value: number): number {
  let mixed = value >>> 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}
