/** Schemas the options table shares: numbers refused in one message whatever is wrong with them. */
import * as z from 'zod';

/** A whole number from `min` (to `max`), refused in one message whatever is wrong with it. */
export function wholeNumber(message: string, min: number, max?: number) {
  const number = z.coerce.number({ error: message }).int(message).min(min, message);
  return (max === undefined ? number : number.max(max, message)).optional();
}

/** A decimal number that `accepts`, refused in one message whatever is wrong with it. */
export function boundedNumber(message: string, accepts: (value: number) => boolean) {
  return z
    .string()
    .regex(/^\s*[0-9]*\.?[0-9]+\s*$/, message)
    .transform(Number)
    .refine(accepts, message)
    .optional();
}

/** Column names separated by commas (`--features`, `--prospect-features`). */
export const columnNames = z
  .string()
  .refine((names) => names.split(',').every((name) => name.trim() !== ''), {
    error: 'must be column names separated by commas, such as Income,Recency',
  })
  .optional();
