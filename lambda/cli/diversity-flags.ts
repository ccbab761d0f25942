/**
 * The purchase-diversity switch of `analyze` (an entry of ANALYZE_FLAGS, kept here to keep that table readable):
 * K-means clusters a log with a product column on its customers' distinct products and top product's share beside
 * R, F and M unless `--no-diversity` says otherwise (the engine's ANALYZE_DEFAULTS.purchaseDiversity).
 */
import * as z from 'zod';
import type { FlagSpec } from './analyze-flags.ts';

export const DIVERSITY_FLAGS = {
  noDiversity: {
    help: 'cluster on recency, frequency and monetary alone, not on the products bought',
    schema: z.boolean().optional(),
    goesTo: 'analysis',
  },
} as const satisfies Record<string, FlagSpec>;
