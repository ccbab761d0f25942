// The plain transaction log the small hostile cases start from: 45 customers in three groups over 2024, to which
// a case adds its own hostile lines (impossible amounts, ancient dates, ...).
import { createRandomSource, randomInt } from './seeded-draws.ts';

export const SMALL_LOG_HEADER = 'InvoiceNo,CustomerID,InvoiceDate,Amount';

/** A day of 2024 as `YYYY-MM-DD` (day 0 is 2024-01-01). */
export function day2024(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A log's text: the small log's header, then `lines`, each ended by a line feed. */
export function smallLogText(lines: readonly string[]): string {
  return `${[SMALL_LOG_HEADER, ...lines].join('\n')}\n`;
}

/**
 * The data lines (no header) of a plain transaction log: `customers` customers `C001`... in three groups (recent
 * big spenders, steady, lapsed small), 1 to 8 orders each in 2024, amounts with cents, no two customers alike.
 */
export function smallLogLines(customers: number, seed = 7): string[] {
  const random = createRandomSource(seed);
  const lines: string[] = [];
  let invoice = 100_000;
  for (let index = 0; index < customers; index++) {
    const group = index % 3;
    const orders = group === 0 ? randomInt(random, 5, 8) : group === 1 ? randomInt(random, 2, 4) : 1;
    const lastDay =
      group === 0 ? 330 + randomInt(random, 0, 30) : group === 1 ? 200 : randomInt(random, 0, 60);
    for (let order = 0; order < orders; order++) {
      const amount = (group === 0 ? 400 : group === 1 ? 80 : 10) + randomInt(random, 0, 5000) / 100;
      const customer = `C${String(index + 1).padStart(3, '0')}`;
      lines.push(`${invoice++},${customer},${day2024(lastDay - order * 9)},${amount.toFixed(2)}`);
    }
  }
  return lines;
}

/** A normal transaction log of `customers` customers (header + `smallLogLines`), as text. */
export function smallLogCsv(customers = 45, seed = 7): string {
  return smallLogText(smallLogLines(customers, seed));
}

/** The earliest date of `smallLogLines(45)`, i.e. the period's start once the ancient lines are rejected. */
export function smallLogFirstDate(customers = 45): string {
  return smallLogLines(customers)
    .map((line) => line.split(',')[2] ?? '')
    .sort()[0] as string;
}
