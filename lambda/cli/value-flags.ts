/**
 * The customer value options of `analyze` (entries of ANALYZE_FLAGS, kept here to keep that table readable):
 * the horizon, the monthly discount, the margin, and the switch that turns the value models off. Their
 * defaults are the engine's CUSTOMER_VALUE_DEFAULTS.
 */
import * as z from 'zod';
import { CUSTOMER_VALUE_DEFAULTS } from '../engine/value/customer-value.ts';
import type { FlagSpec } from './analyze-flags.ts';
import { boundedNumber, wholeNumber } from './flag-schemas.ts';

export const VALUE_FLAGS = {
  horizon: {
    value: 'MONTHS',
    help: `customer value over this many months (default ${CUSTOMER_VALUE_DEFAULTS.horizonMonths})`,
    schema: wholeNumber('must be a whole number of months from 1 to 120', 1, 120),
    goesTo: 'value',
  },
  discount: {
    value: 'RATE',
    help: `monthly discount rate of customer value (default ${CUSTOMER_VALUE_DEFAULTS.monthlyDiscountRate})`,
    schema: boundedNumber(
      'must be a monthly rate from 0 to 1, such as 0.01',
      (rate) => rate >= 0 && rate <= 1,
    ),
    goesTo: 'value',
  },
  margin: {
    value: 'SHARE',
    help: `share of revenue kept as profit, 0 < m <= 1 (default ${CUSTOMER_VALUE_DEFAULTS.margin}: revenue value)`,
    schema: boundedNumber(
      'must be a share above 0 and at most 1, such as 0.3',
      (share) => share > 0 && share <= 1,
    ),
    goesTo: 'value',
  },
  noValue: {
    help: 'skip the customer value models (purchases ahead, P(alive), CLV)',
    schema: z.boolean().optional(),
    goesTo: 'value',
  },
} as const satisfies Record<string, FlagSpec>;
