/**
 * The configured sub-strategies of a strategy and their actions: each action a name, a unit cost (currency units
 * per customer reached) and a reach (the share of the segment's customers it reaches). Bounds keep every budget
 * finite and every email within Gmail's size: at most 5 sub-strategies and 10 actions in all per strategy.
 */
import * as z from 'zod';
import { localizedTextSchema } from './localized-text-schema.ts';
import type { LocalizedText } from './strategy.ts';

/** One costed action: budget = customers reached x unit cost (view-model/budget-roll-up.ts). */
export interface PlaybookAction {
  name: LocalizedText;
  /** Currency units per customer reached, with at most two decimals. */
  unitCost: number;
  /** The share of the segment's customers the action reaches, 0 to 1. */
  reach: number;
}

/** A named group of actions serving one strategy ("Reactivation offer"). */
export interface SubStrategy {
  name: LocalizedText;
  actions: PlaybookAction[];
}

export const ACTION_BOUNDS = {
  maxUnitCost: 1_000_000,
  maxSubStrategies: 5,
  /** Actions of a strategy, all its sub-strategies together (the strategy card lists them all). */
  maxActions: 10,
  maxNameLength: 120,
} as const;

const NAME_MESSAGE = `must be a name of 1 to ${ACTION_BOUNDS.maxNameLength} characters, or one per language {"en": ..., "fr": ...}`;
const UNIT_COST_MESSAGE =
  `must be a number from 0 to ${ACTION_BOUNDS.maxUnitCost} with at most two decimals ` +
  '(currency units per customer reached)';
const REACH_MESSAGE = "must be a share from 0 to 1 (0.8 = 80% of the segment's customers)";
const SUB_STRATEGIES_MESSAGE = `must list 1 to ${ACTION_BOUNDS.maxSubStrategies} sub-strategies, each {"name": ..., "actions": [...]}`;
const ACTIONS_MESSAGE = `must list 1 to ${ACTION_BOUNDS.maxActions} actions, each {"name": ..., "unitCost": ..., "reach": ...}`;
const TOTAL_ACTIONS_MESSAGE = `must list at most ${ACTION_BOUNDS.maxActions} actions in all`;

/** A configured name: one string for both languages, or one per language. */
const nameSchema = localizedTextSchema(ACTION_BOUNDS.maxNameLength, NAME_MESSAGE);

/** Whole cents: 2.5 and 0.1 are, 2.555 is not (a float's last bit forgiven). */
function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

const actionSchema = z
  .object(
    {
      name: nameSchema,
      unitCost: z
        .number({ error: UNIT_COST_MESSAGE })
        .min(0, UNIT_COST_MESSAGE)
        .max(ACTION_BOUNDS.maxUnitCost, UNIT_COST_MESSAGE)
        .refine(hasAtMostTwoDecimals, UNIT_COST_MESSAGE),
      reach: z.number({ error: REACH_MESSAGE }).min(0, REACH_MESSAGE).max(1, REACH_MESSAGE),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? ACTIONS_MESSAGE : undefined) },
  )
  .strict();

const subStrategySchema = z
  .object(
    {
      name: nameSchema,
      actions: z
        .array(actionSchema, { error: ACTIONS_MESSAGE })
        .min(1, ACTIONS_MESSAGE)
        .max(ACTION_BOUNDS.maxActions, ACTIONS_MESSAGE),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? SUB_STRATEGIES_MESSAGE : undefined) },
  )
  .strict();

/** A configured list of sub-strategies: it replaces the default's whole list. */
export const subStrategiesSchema = z
  .array(subStrategySchema, { error: SUB_STRATEGIES_MESSAGE })
  .min(1, SUB_STRATEGIES_MESSAGE)
  .max(ACTION_BOUNDS.maxSubStrategies, SUB_STRATEGIES_MESSAGE)
  .refine(
    (subStrategies) => subStrategies.flatMap((sub) => sub.actions).length <= ACTION_BOUNDS.maxActions,
    TOTAL_ACTIONS_MESSAGE,
  );

/**
 * The actions of earlier releases (texts without costs) now sit in sub-strategies: a configured `actions` gets
 * this one line instead of "unrecognized key".
 */
export const MOVED_ACTIONS_MESSAGE =
  'actions now sit in sub-strategies, each with a cost: use "subStrategies": ' +
  '[{"name": ..., "actions": [{"name": ..., "unitCost": ..., "reach": ...}]}]';

/** Every action of a strategy, sub-strategy after sub-strategy. */
export function actionsOf(subStrategies: readonly SubStrategy[]): PlaybookAction[] {
  return subStrategies.flatMap((sub) => sub.actions);
}
