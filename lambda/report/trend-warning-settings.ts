/**
 * The report settings' thresholds of the trends' early warnings (`trendWarnings`), each with a plausible range;
 * what is not given keeps the engine's default (WARNING_DEFAULTS in engine/trends/warnings/warning-rules.ts). The
 * analysis computes the warnings with them (the command line and the Lambdas pass them in) and records the ones
 * it used, which the report then states.
 */
import * as z from 'zod';
import { WARNING_DEFAULTS, type WarningThresholds } from '../engine/trends/warnings/warning-rules.ts';

const whole = (low: number, high: number) => {
  const message = `must be a whole number from ${low} to ${high}`;
  return z.int({ error: message }).min(low, message).max(high, message);
};
const between = (low: number, high: number, message: string) =>
  z.number({ error: message }).min(low, message).max(high, message);

export const trendWarningsSchema = z
  .object({
    fallingPeriods: whole(1, 24),
    volatilityRatio: between(1, 100, 'must be a ratio from 1 to 100 (1.5 = half as volatile again)'),
    volatilityWindow: whole(2, 12),
    cohortDropPoints: between(0, 1, 'must be a share from 0 to 1 (0.1 = 10 points)'),
    cohortMinCustomers: whole(1, 1_000_000),
  })
  .partial()
  .strict()
  .default({});

/** The thresholds given, over the defaults. */
export function trendWarningThresholds(given: z.output<typeof trendWarningsSchema>): WarningThresholds {
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return { ...WARNING_DEFAULTS, ...defined };
}
