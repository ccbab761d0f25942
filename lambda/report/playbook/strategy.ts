import { z } from 'zod';

/** A text in both report languages. */
export interface LocalizedText {
  en: string;
  fr: string;
}

/** The RFM dimension a strategy sets out to improve. */
export type RfmLever = 'recency' | 'frequency' | 'monetary';

export type Priority = 'high' | 'medium' | 'low';

/**
 * What marketing does with one segment, and the money assumptions of the budget table: `investmentPerCustomer`
 * (currency units per customer over the period) and `expectedUplift` (extra revenue expected, as a share of the
 * segment's revenue over the period observed).
 */
export interface Strategy {
  priority: Priority;
  objective: RfmLever[];
  actions: LocalizedText[];
  channel: LocalizedText;
  frequency: LocalizedText;
  tone: LocalizedText;
  investmentPerCustomer: number;
  expectedUplift: number;
}

/** A configured text: one string for both languages, or one per language. */
const localizedTextSchema = z.union([
  z
    .string()
    .min(1)
    .transform((text): LocalizedText => ({ en: text, fr: text })),
  z.object({ en: z.string().min(1), fr: z.string().min(1) }),
]);

/** A configured strategy, every field optional: it is merged over the default for the same segment. */
export const strategyOverrideSchema = z
  .object({
    priority: z.enum(['high', 'medium', 'low']),
    objective: z.array(z.enum(['recency', 'frequency', 'monetary'])).min(1),
    actions: z.array(localizedTextSchema).min(1),
    channel: localizedTextSchema,
    frequency: localizedTextSchema,
    tone: localizedTextSchema,
    investmentPerCustomer: z.number().nonnegative().finite(),
    expectedUplift: z.number().min(0).max(10),
  })
  .partial()
  .strict();

export type StrategyOverride = z.infer<typeof strategyOverrideSchema>;

/** Strategies by segment key (RFM segment or cluster key), with `default` for any group without its own. */
export type Playbook = Record<string, Strategy> & { default: Strategy };

/**
 * The playbook with the configured overrides merged over it, key by key. `default` is merged first, so that a new
 * key starts from the configured default, as every group without an entry does.
 */
export function mergePlaybook(base: Playbook, overrides: Record<string, StrategyOverride>): Playbook {
  const merged: Playbook = { ...base };
  const entries = Object.entries(overrides).sort(
    ([a], [b]) => Number(b === 'default') - Number(a === 'default'),
  );
  for (const [key, override] of entries) {
    const defined = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined));
    merged[key] = { ...(base[key] ?? merged.default), ...defined };
  }
  return merged;
}

/** The strategy for a segment or cluster key, else the default one. */
export function strategyFor(playbook: Playbook, key: string): Strategy {
  return playbook[key] ?? playbook.default;
}
