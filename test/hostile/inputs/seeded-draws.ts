// The seeded draws every hostile-input generator makes: never Math.random, so that a file is the same on every
// machine and run. The generator underneath is the engine's own (mulberry32).
export { createRandomSource } from '../../../lambda/engine/clustering/kmeans/seeded-random.ts';

/** A whole number in [low, high] from a seeded generator. */
export function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** One of `items`, chosen by a seeded generator. */
export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}
