/**
 * A small record the delivery keeps in the bucket (a run's claim, a hold record), read back through its schema: a
 * record that is not JSON or does not parse stops what reads it, since nothing is sent on doubt.
 */
import type { z } from 'zod';
import { ClaimConflictError } from '../errors/delivery-errors.ts';

/** The record in `text` as `schema` reads it; a ClaimConflictError naming `location` and `what` otherwise. */
export function parseStoredRecord<T extends z.ZodType>(
  schema: T,
  text: string,
  location: string,
  what: string,
): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ClaimConflictError(`${location}: unreadable ${what}; nothing is sent on doubt`);
  }
  return parsed.data;
}
