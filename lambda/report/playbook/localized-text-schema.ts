/** The schema of a configured text of the playbook (a strategy's channel or tone, an action's name). */
import * as z from 'zod';
import type { LocalizedText } from './strategy.ts';

/** One string for both languages, or one per language, each of 1 to `maxLength` characters; `message` otherwise. */
export function localizedTextSchema(maxLength: number, message: string) {
  const text = z.string({ error: message }).min(1, message).max(maxLength, message);
  return z.union(
    [
      text.transform((value): LocalizedText => ({ en: value, fr: value })),
      z.object({ en: text, fr: text }).strict(),
    ],
    { error: message },
  );
}
