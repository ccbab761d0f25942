/**
 * How the job reads the files dropped under each input prefix. A data team may drop several kinds of export
 * (`incoming/erp/` with `;` and day-first dates, `incoming/shop/` in ISO): the configuration's `inputs` gives each
 * prefix the input options its files need, and the dataset its reports belong to. The rule of the longest
 * matching prefix applies; a file under no configured prefix is read with the engine's inference alone.
 */
import * as z from 'zod';
import {
  INPUT_OPTION_VALUES,
  type InputOptions,
  inputOptionsSchema,
  isInputOption,
} from '../engine/input/input-options.ts';
import type { AppConfig } from './app-config.ts';
import { formatConfigPath } from './config-path.ts';
import { InputError } from '../errors/input-errors.ts';

/** The options of one input prefix, and the dataset its files' reports belong to. */
export const inputRuleSchema = inputOptionsSchema
  .extend({
    /**
     * Purchase diversity (the engine's AnalyzeOptions.purchaseDiversity, default on): false clusters the prefix's
     * logs on recency, frequency and monetary alone, as the command line's --no-diversity.
     */
    purchaseDiversity: z.boolean({ error: 'must be true or false' }).optional(),
    /** Reports of one dataset are compared with each other, whatever their files are called. */
    dataset: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be letters, digits, - or _, such as erp-sales' })
      .optional(),
  })
  .strict();

/** The rule a file is read with: ready to spread its options into the engine's AnalyzeOptions. */
export interface InputRule {
  /** The configured prefix the rule belongs to, or the input prefix for the default rule. */
  prefix: string;
  dataset: string | undefined;
  options: InputOptions & { purchaseDiversity?: boolean | undefined };
}

/**
 * The rule of the longest configured prefix the object key starts with; else the default rule of the input
 * prefix, with no options and no dataset. The caller has checked that the key is an input.
 */
export function inputRuleFor(config: Pick<AppConfig, 'inputs' | 'prefixes'>, objectKey: string): InputRule {
  const [prefix] = Object.keys(config.inputs)
    .filter((candidate) => objectKey.startsWith(candidate))
    .sort((a, b) => b.length - a.length);
  const rule = prefix === undefined ? undefined : config.inputs[prefix];
  if (prefix === undefined || rule === undefined) {
    return { prefix: config.prefixes.incoming, dataset: undefined, options: {} };
  }
  const { dataset, ...options } = rule;
  return { prefix, dataset, options };
}

/**
 * For an input error an option would fix, the sentence telling the data team which setting of the configuration
 * to set, with the values it takes: "set `inputs["incoming/erp/"].dateFormat` (DD/MM/YYYY or MM/DD/YYYY) in the
 * configuration". Undefined for any other error.
 */
export function configurationAdvice(error: unknown, rule: { prefix: string }): string | undefined {
  if (!(error instanceof InputError) || !isInputOption(error.option)) return undefined;
  const setting = formatConfigPath(['inputs', rule.prefix, error.option]);
  return `set \`${setting}\` (${INPUT_OPTION_VALUES[error.option].join(' or ')}) in the configuration`;
}
