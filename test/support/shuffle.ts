// The tests' one seeded shuffle, for the line-order properties and the hostile mixed-id logs.
/** The lines in an order given by a seed (Fisher-Yates with a small LCG): the same seed, the same order. */
export function shuffle(lines: readonly string[], seed: number): string[] {
  const result = [...lines];
  let state = seed >>> 0;
  for (let index = result.length - 1; index > 0; index--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other] as string, result[index] as string];
  }
  return result;
}
