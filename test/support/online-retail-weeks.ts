/**
 * Online Retail's raw lines for the scheduled-run tests that split it into weekly uploads, and the counts those
 * tests check against, made here from the lines with the cleaning rules written out again (a customer, not a
 * cancellation, quantity and price above 0), not through the engine's reader.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ONLINE_RETAIL } from '../../tools/real-data.ts';

const RAW = gunzipSync(readFileSync(ONLINE_RETAIL)).toString('utf8');
export const [RETAIL_HEADER = '', ...RETAIL_LINES] = RAW.trimEnd().split('\n');
const DAY_MS = 86_400_000;

/** The fields the counts need, read from both ends (only the description, in the middle, holds commas). */
export interface RetailLine {
  invoice: string;
  day: string;
  quantity: number;
  price: number;
  customer: string;
}

function lineOf(text: string): RetailLine {
  const fields = text.replace(/\r$/, '').split(',');
  const [quantity, date, price, customer] = fields.slice(-5, -1);
  return {
    invoice: fields[0] ?? '',
    day: (date ?? '').slice(0, 10),
    quantity: Number(quantity),
    price: Number(price),
    customer: customer ?? '',
  };
}

/** Every raw line read, aligned with RETAIL_LINES. */
export const RETAIL_PARSED = RETAIL_LINES.map(lineOf);
const isUsed = (line: RetailLine) =>
  line.customer.trim() !== '' && !/^C\d/.test(line.invoice) && line.quantity > 0 && line.price > 0;
/** The lines the cleaning rules keep. */
export const RETAIL_USED = RETAIL_PARSED.filter(isUsed);

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return shiftDay(day, -weekday);
}

/** The raw lines (bad ones too) of each week, by its Monday, in file order. */
export function retailLinesByWeek(): Map<string, string[]> {
  const weeks = new Map<string, string[]>();
  RETAIL_LINES.forEach((text, index) => {
    const monday = mondayOf(RETAIL_PARSED[index]?.day ?? '');
    const week = weeks.get(monday) ?? [];
    week.push(text);
    weeks.set(monday, week);
  });
  return weeks;
}
