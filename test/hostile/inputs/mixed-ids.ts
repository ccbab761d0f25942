// Customer ids that are numbers, text and both, on a log where many customers tie: written in two line orders,
// any order the engine depends on shows up as a different result.
import { shuffle } from '../../support/shuffle.ts';
import { createRandomSource, pick, randomInt } from './seeded-draws.ts';
import { day2024, smallLogText } from './small-logs.ts';

/**
 * Customer ids that are numbers, text and both (`10`, `0010`, `10.0`, `2`, `1a`, `A7`, `a7`, `7.5`, `1e3`...),
 * with amounts and dates from short lists so that many customers tie on recency, frequency and money.
 */
export function mixedIdLines(): string[] {
  const ids = ['10', '2', '1a', '0010', 'A7', '7.5', '10.0', '007', '7', 'a7', '1e3', '1000', '-5', '٣', 'Z'];
  for (let number = 1; number <= 15; number++) {
    ids.push(String(number * 3), `${String(number).padStart(4, '0')}`, `K${number}`, `${number}.5`);
  }
  const unique = [...new Set(ids)];
  const random = createRandomSource(99);
  const amounts = ['10.00', '20.00', '50.00', '125.50'];
  const days = [10, 45, 120, 200, 300, 340];
  const lines: string[] = [];
  let invoice = 1;
  for (const id of unique) {
    const orders = randomInt(random, 1, 3);
    for (let order = 0; order < orders; order++) {
      const amount = pick(amounts, random);
      const day = pick(days, random);
      lines.push(`INV${String(invoice++).padStart(5, '0')},${id},${day2024(day)},${amount}`);
    }
  }
  return lines;
}

/** The mixed-id log with its lines in the order of `seed` (the header first): the tests' one seeded shuffle. */
export function shuffledMixedIdsCsv(seed: number): string {
  return smallLogText(shuffle(mixedIdLines(), seed));
}
