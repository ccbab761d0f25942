/**
 * The report settings' own words for columns (`columnLabels`), which take the place of the built-in ones of
 * locale/column-labels.ts in cluster names: by column name, per language, a noun phrase ("loyalty points": "High
 * loyalty points") or the exact words above and below the average (`{ "high": "Big wine drinkers", "low": ... }`).
 */
import * as z from 'zod';

/** At most this many columns relabelled (a customer table clusters on at most 50). */
export const MAX_COLUMN_LABELS = 200;
/** Words longer than this would make a cluster name wrap over more than two lines on a phone. */
export const MAX_LABEL_LENGTH = 40;

const LABEL_MESSAGE = `must be a label of 1 to ${MAX_LABEL_LENGTH} characters or { "high": ..., "low": ... }`;
const words = z
  .string({ error: LABEL_MESSAGE })
  .trim()
  .min(1, LABEL_MESSAGE)
  .max(MAX_LABEL_LENGTH, LABEL_MESSAGE);
const languageLabel = z.union([words, z.object({ high: words, low: words }).strict()], {
  error: LABEL_MESSAGE,
});

export const columnLabelsSchema = z
  .record(z.string().min(1).max(200), z.object({ en: languageLabel, fr: languageLabel }).strict(), {
    error: (issue) =>
      issue.code === 'invalid_key' ? 'must be a column name of 1 to 200 characters' : undefined,
  })
  .refine((entries) => Object.keys(entries).length <= MAX_COLUMN_LABELS, {
    message: `must have at most ${MAX_COLUMN_LABELS} columns`,
  });

/** Column name to its words in each language, as the settings give them. */
export type ColumnLabelOverrides = z.output<typeof columnLabelsSchema>;
/** One language's label: a noun phrase, or the words above and below the average. */
export type LanguageLabel = z.output<typeof languageLabel>;
