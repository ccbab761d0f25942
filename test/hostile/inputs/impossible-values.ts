// Values no accounting system holds, on a few lines of an otherwise normal log: amounts that overflow a sum or
// are not numbers, and dates of years 1 and 99 that a careless parser reads as 1901 and 1999.
import { day2024, smallLogLines, smallLogText } from './small-logs.ts';

/** Amounts that no accounting system holds, as a file would spell them, with how many lines carry each. */
export const HUGE_AMOUNTS = [
  '1e308',
  '1e308',
  '1e308',
  '1e308',
  '-1e308',
  '1e309',
  'NaN',
  'Infinity',
] as const;

/**
 * A 45-customer log plus one line per `HUGE_AMOUNTS` entry: three 1e308 lines for customer C001 (whose sum
 * overflows to Infinity), one for C002, and -1e308, 1e309, NaN and Infinity for others.
 */
export function hugeAmountsCsv(): string {
  const owners = ['C001', 'C001', 'C001', 'C002', 'C004', 'C005', 'C007', 'C008'];
  const extra = HUGE_AMOUNTS.map(
    (amount, index) => `${900_000 + index},${owners[index]},${day2024(300)},${amount}`,
  );
  return smallLogText([...smallLogLines(45), ...extra]);
}

/** Dates of years 1 and 99 that a careless parser reads as 1901 and 1999 (JavaScript's two-digit years). */
export const ANCIENT_DATES = ['0001-03-04', '0099-12-31', '0001-03-04', '0099-12-31'] as const;

/**
 * A 45-customer log (first purchase on 2024-01-xx or later) with `ANCIENT_DATES` on four more lines: three for
 * customers who also have normal lines, one for a customer (ANCIENT) with no other line.
 */
export function ancientDatesCsv(): string {
  const owners = ['C001', 'C002', 'C003', 'ANCIENT'];
  const extra = ANCIENT_DATES.map((date, index) => `${900_000 + index},${owners[index]},${date},25.00`);
  const lines = smallLogLines(45);
  // Among the normal ones, not at the end: a reader that stops at them is caught too.
  return smallLogText([...lines.slice(0, 20), ...extra, ...lines.slice(20)]);
}
