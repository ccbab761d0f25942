import * as z from 'zod';
import { MOVED_ACTIONS_MESSAGE, type SubStrategy, subStrategiesSchema } from './action-schema.ts';
import { localizedTextSchema } from './localized-text-schema.ts';

/** A text in both report languages. */
export interface LocalizedText {
  en: string;
  fr: string;
}

/** The RFM dimension a strategy sets out to improve. */
export type RfmLever = 'recency' | 'frequency' | 'monetary';

export type Priority = 'high' | 'medium' | 'low';

/**
 * What marketing does with one segment, and the money assumptions of the budget table: the sub-strategies' actions,
 * each with a unit cost and a reach, whose budgets add up to the strategy's (view-model/budget-roll-up.ts), and
 * `expectedUplift` (extra revenue expected, as a share of the value at stake).
 */
export interface Strategy {
  /**
   * Pinned by configuration only: otherwise the report derives it from the plan's expected net return
   * (view-model/budget-plan.ts), the same rule for every segment and cluster.
   */
  priority?: Priority;
  objective: RfmLever[];
  /** The ways to the objective, each with its costed actions (1 to 5 of them, at most 10 actions in all). */
  subStrategies: SubStrategy[];
  channel: LocalizedText;
  frequency: LocalizedText;
  tone: LocalizedText;
  /**
   * A flat amount per customer of the segment, as earlier releases configured it: only from configuration, and
   * then the budget in place of the actions' costs (the actions are still listed). Absent: the actions' costs.
   */
  investmentPerCustomer?: number;
  expectedUplift: number;
}

/**
 * The plausible ranges of a configured strategy, so that no budget, return or ROI can overflow or read as
 * nonsense: investment per customer is 0 (no spend) or 0.01 to 1,000,000 currency units (a floor, as a budget of
 * 1e-300 would make the ROI infinite; a ceiling wide enough for currencies with small units such as JPY or IDR);
 * expected uplift is 0 to 1 (at most doubling the segment's revenue); texts are 1 to 300 characters. The actions'
 * bounds are in action-schema.ts.
 */
export const STRATEGY_BOUNDS = {
  minInvestmentPerCustomer: 0.01,
  maxInvestmentPerCustomer: 1_000_000,
  maxExpectedUplift: 1,
  maxTextLength: 300,
} as const;

const TEXT_MESSAGE = `must be a text of 1 to ${STRATEGY_BOUNDS.maxTextLength} characters, or one per language {"en": ..., "fr": ...}`;
const INVESTMENT_MESSAGE =
  `must be 0 or a number from ${STRATEGY_BOUNDS.minInvestmentPerCustomer} to ` +
  `${STRATEGY_BOUNDS.maxInvestmentPerCustomer} (currency units per customer)`;
const UPLIFT_MESSAGE = `must be a number from 0 to ${STRATEGY_BOUNDS.maxExpectedUplift} (0.05 = 5% of the segment's revenue)`;

/** A configured text: one string for both languages, or one per language. */
const localizedText = localizedTextSchema(STRATEGY_BOUNDS.maxTextLength, TEXT_MESSAGE);

const EITHER_MESSAGE =
  'set investmentPerCustomer (a flat amount per customer) or subStrategies (costed actions), not both';

/**
 * A configured strategy, every field optional: it is merged over the default for the same segment. A list of
 * sub-strategies replaces the default's whole list.
 */
export const strategyOverrideSchema = z
  .object({
    priority: z.enum(['high', 'medium', 'low']),
    objective: z
      .array(z.enum(['recency', 'frequency', 'monetary']))
      .min(1)
      .max(3),
    subStrategies: subStrategiesSchema,
    actions: z.never({ error: MOVED_ACTIONS_MESSAGE }),
    channel: localizedText,
    frequency: localizedText,
    tone: localizedText,
    investmentPerCustomer: z
      .number({ error: INVESTMENT_MESSAGE })
      .refine(
        (value) =>
          value === 0 ||
          (value >= STRATEGY_BOUNDS.minInvestmentPerCustomer &&
            value <= STRATEGY_BOUNDS.maxInvestmentPerCustomer),
        INVESTMENT_MESSAGE,
      ),
    expectedUplift: z
      .number({ error: UPLIFT_MESSAGE })
      .min(0, UPLIFT_MESSAGE)
      .max(STRATEGY_BOUNDS.maxExpectedUplift, UPLIFT_MESSAGE),
  })
  .partial()
  .strict()
  .refine(
    (override) => override.investmentPerCustomer === undefined || override.subStrategies === undefined,
    {
      message: EITHER_MESSAGE,
    },
  );

export type StrategyOverride = z.infer<typeof strategyOverrideSchema>;

/** Strategies by segment key (RFM segment or cluster key), with `default` for any group without its own. */
export type Playbook = Record<string, Strategy> & { default: Strategy };

/**
 * The playbook with the configured overrides merged over it, key by key. `default` is merged first, so that a new
 * key starts from the configured default, as every group without an entry does. Configured sub-strategies drop a
 * flat amount per customer inherited from the configured default: the costed actions are what was asked for.
 */
export function mergePlaybook(base: Playbook, overrides: Record<string, StrategyOverride>): Playbook {
  const merged: Playbook = { ...base };
  const entries = Object.entries(overrides).sort(
    ([a], [b]) => Number(b === 'default') - Number(a === 'default'),
  );
  for (const [key, override] of entries) {
    const defined = Object.fromEntries(
      Object.entries(override).filter(([field, value]) => value !== undefined && field !== 'actions'),
    );
    const { investmentPerCustomer, ...start } = base[key] ?? merged.default;
    const keepFlat = override.subStrategies === undefined && investmentPerCustomer !== undefined;
    const flat = keepFlat ? { investmentPerCustomer } : {};
    merged[key] = { ...start, ...flat, ...defined } as Strategy;
  }
  return merged;
}

/** The strategy for a segment or cluster key, else the default one. */
export function strategyFor(playbook: Playbook, key: string): Strategy {
  return playbook[key] ?? playbook.default;
}
