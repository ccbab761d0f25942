/**
 * The keys, names and flags of the options table's entries: `timeZone` is typed `--time-zone`. A flag's name is
 * its key's, so that it is declared once.
 */
import { ANALYZE_FLAGS, type Destination } from './analyze-flags.ts';

export type FlagKey = keyof typeof ANALYZE_FLAGS;

/** The keys of the flags whose values go to `destination`. */
export type KeysGoingTo<D extends Destination> = {
  [K in FlagKey]: (typeof ANALYZE_FLAGS)[K]['goesTo'] extends D ? K : never;
}[FlagKey];

export function isFlagKey(name: string): name is FlagKey {
  return Object.hasOwn(ANALYZE_FLAGS, name);
}

/** Every flag's key, in the order of the table (and so of the usage). */
export const FLAG_KEYS: readonly FlagKey[] = Object.keys(ANALYZE_FLAGS).filter(isFlagKey);

/** The flag's name as typed, without its dashes: `timeZone` is `time-zone`. */
export function nameOf(key: FlagKey): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The flag of an option: `dateFormat` is `--date-format`. */
export function flagOf(key: FlagKey): string {
  return `--${nameOf(key)}`;
}
