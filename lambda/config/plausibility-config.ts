/**
 * The configuration of the hold (issue 15): which plausibility checks run for each report kind and with which
 * thresholds (engine/plausibility/plausibility-settings.ts has the checks and their defaults), whether a new
 * source's first report is always held, and how long a held report waits for the data team.
 */
import * as z from 'zod';
import {
  PLAUSIBILITY_CHECKS,
  PLAUSIBILITY_DEFAULTS,
  type PlausibilityCheck,
  type PlausibilitySettings,
} from '../engine/plausibility/plausibility-settings.ts';
import type { ReportKind } from '../vocabulary/report-kind.ts';

const share = (max: number) =>
  z
    .number({ error: `must be a number above 0 and at most ${max}` })
    .gt(0, { message: `must be above 0 and at most ${max}` })
    .max(max, { message: `must be above 0 and at most ${max}` });

const thresholdsSchema = z
  .object({
    volumeChange: share(10),
    minimumCoverage: share(1),
    rejectedShareRise: share(1),
    newReasonShare: share(1),
    valueParameterChange: share(10),
    segmentShareChange: share(1),
  })
  .partial()
  .strict();

const kindSchema = z
  .object({
    /** Checks that never hold this kind of report. */
    off: z
      .array(z.enum(PLAUSIBILITY_CHECKS, { error: `must be one of ${PLAUSIBILITY_CHECKS.join(', ')}` }))
      .default([]),
    thresholds: thresholdsSchema.default({}),
  })
  .strict()
  .prefault({});

export const holdConfigSchema = z
  .object({
    upload: kindSchema,
    weekly: kindSchema,
    quarterly: kindSchema,
    /** Hold the first report of a source (nothing yet to compare it with). */
    holdFirstReport: z.boolean().default(false),
    /** Hours a held report waits for a release or a discard before it expires (with a reminder, never a send). */
    expiryHours: z
      .number()
      .int({ message: 'must be a whole number of hours, 1 to 720' })
      .min(1, { message: 'must be a whole number of hours, 1 to 720' })
      .max(720, { message: 'must be a whole number of hours, 1 to 720' })
      .default(72),
  })
  .strict()
  .prefault({});

export type HoldConfig = z.output<typeof holdConfigSchema>;

/** The checks and thresholds of one report kind: the defaults, with the configuration's changes. */
export function plausibilitySettingsFor(hold: HoldConfig, kind: ReportKind): PlausibilitySettings {
  const { off, thresholds } = hold[kind];
  const offChecks = new Set<PlausibilityCheck>(off);
  return {
    enabled: new Set(PLAUSIBILITY_CHECKS.filter((check) => !offChecks.has(check))),
    // exactOptionalPropertyTypes is off: a key the configuration leaves out is absent, never undefined.
    thresholds: {
      ...PLAUSIBILITY_DEFAULTS,
      ...Object.fromEntries(Object.entries(thresholds).filter(([, value]) => value !== undefined)),
    },
  };
}
