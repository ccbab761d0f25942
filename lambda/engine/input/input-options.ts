/**
 * How to read an input file when its contents cannot tell: the day/month order of its dates, the roles of its
 * columns, its shape, its decimal mark. One schema for every way of giving them (the CLI's flags, the job
 * configuration's `inputs`, a direct call of the engine), so that a value is accepted or refused in the same
 * words everywhere; each front end only names the field its own way (`--date-format`, `inputs[...].dateFormat`).
 */
import * as z from 'zod';
import { type ColumnMapping, readColumnMapping, TransactionRole } from './column-roles.ts';
import { DATE_FORMATS, type DateOrder, readDateOrderOption } from './date-parsing.ts';
import { DECIMAL_MARKS } from './number-parsing.ts';
import { InvalidOptionError } from '../../errors/input-errors.ts';

export const inputOptionsSchema = z
  .object({
    /** `DD/MM/YYYY` or `MM/DD/YYYY` (also `dd-mm-yyyy`, `dmy`, `mdy`): for dates whose numbers never tell. */
    dateFormat: z
      .string()
      .refine((text) => readDateOrderOption(text) !== undefined, {
        error: (issue) =>
          `must be ${DATE_FORMATS.join(' or ')} (ISO and YYYYMMDD dates need none), got "${String(issue.input)}"`,
      })
      .optional(),
    /** Column roles, `customer=...,order=...,date=...,amount=...` (or quantity=...,price=...). */
    map: z
      .string()
      .refine((text) => readColumnMapping(text).wrongPair === undefined, {
        error: (issue) =>
          `"${readColumnMapping(String(issue.input)).wrongPair}" must be role=column with role one of ` +
          TransactionRole.options.join(', '),
      })
      .optional(),
    /** The input's shape; detected from the header when `auto` (the default). */
    shape: z
      .enum(['auto', 'transactions', 'customers'], { error: 'must be auto, transactions or customers' })
      .optional(),
    /** The decimal mark of the numbers; inferred from the values (and the delimiter) when absent. */
    decimalMark: z.enum(DECIMAL_MARKS, { error: `must be ${DECIMAL_MARKS.join(' or ')}` }).optional(),
  })
  .strict();

export type InputOptions = z.output<typeof inputOptionsSchema>;
export type InputOption = keyof InputOptions;

const INPUT_OPTIONS = inputOptionsSchema.keyof().options;

/** Whether an input error's option is one of the input options (errors carry it as a plain name). */
export function isInputOption(name: string | undefined): name is InputOption {
  return (INPUT_OPTIONS as readonly (string | undefined)[]).includes(name);
}

/** What advice proposes for each option: its choices, or the template of its value. */
export const INPUT_OPTION_VALUES = {
  dateFormat: DATE_FORMATS,
  map: ['customer=...,date=...,amount=...'],
  shape: ['transactions', 'customers'],
  decimalMark: DECIMAL_MARKS,
} as const satisfies Record<InputOption, readonly string[]>;

/** The input options as the engine reads with them. */
export interface ParsedInputOptions {
  dateOrder: DateOrder | undefined;
  mapping: ColumnMapping;
}

/**
 * Checks the input options with the schema (the front ends have, but the engine is also called directly) and
 * parses the day/month order and the column roles; throws InvalidOptionError naming the option (`dateFormat: ...`).
 */
export function parseInputOptions(options: InputOptions): ParsedInputOptions {
  const parsed = inputOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = INPUT_OPTIONS.find((name) => name === issue?.path[0]);
    throw new InvalidOptionError(`${option ?? 'input options'}: ${issue?.message ?? 'invalid'}`, { option });
  }
  const { dateFormat, map } = parsed.data;
  return {
    dateOrder: dateFormat === undefined ? undefined : readDateOrderOption(dateFormat),
    mapping: map === undefined ? {} : readColumnMapping(map).mapping,
  };
}
