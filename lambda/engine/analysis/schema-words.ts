/**
 * The words of the analysis schema: one zod type per kind of field (a finite number, a count, a share, a day...),
 * each failing with the same message wherever it is used, so that a message says what was expected, not zod's
 * wording.
 */
import * as z from 'zod';

export const finite = z.number({ error: 'expected a finite number' });
export const count = z
  .int({ error: 'expected a whole number of 0 or more' })
  .min(0, 'expected a whole number of 0 or more');
export const lineNumber = z.int({ error: 'expected a line number' }).min(1, 'expected a line number');
export const share = z
  .number({ error: 'expected a share between 0 and 1' })
  .min(0, 'expected a share between 0 and 1')
  .max(1, 'expected a share between 0 and 1');
export const text = z.string({ error: 'expected a string' });
export const flag = z.boolean({ error: 'expected true or false' });
/** A calendar day as the engine writes it (formatIsoDay); the report formats it with Intl, which throws on junk. */
export const isoDay = z.iso.date({ error: 'expected a day YYYY-MM-DD' });
export const isoMoment = z.iso.datetime({ error: 'expected a UTC time YYYY-MM-DDTHH:MM:SS.sssZ' });

export function oneOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` });
}

export function object<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape, { error: 'expected an object' });
}

export function list<Item extends z.ZodType>(item: Item) {
  return z.array(item, { error: 'expected a list' });
}

/** Partial<Record<Key, number>> that drops keys it does not know (a newer writer's new rejection reason). */
export function countsByKey<const Keys extends readonly string[], Value extends z.ZodType>(
  keys: Keys,
  value: Value,
) {
  const shape = Object.fromEntries(keys.map((key) => [key, value.exactOptional()]));
  return object(shape as { [Key in Keys[number]]: z.ZodExactOptional<Value> });
}
