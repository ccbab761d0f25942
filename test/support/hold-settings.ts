/**
 * The hold's settings for tests. The delivery tests written before the hold (issue 15) build series that are not
 * plausible on purpose or by economy (a week of four days, one file uploaded twice, a quarter compared with a
 * whole history): they run with every check off (`HOLD_OFF`, the test stand-ins' default), and the hold's own
 * tests switch the product's defaults back on (`HOLD_DEFAULTS`).
 */
import type { AppConfigInput } from '../../lambda/config/app-config.ts';
import { PLAUSIBILITY_CHECKS } from '../../lambda/engine/plausibility/plausibility-settings.ts';

const ALL_OFF = { off: [...PLAUSIBILITY_CHECKS] };

export const HOLD_OFF: NonNullable<AppConfigInput['hold']> = {
  upload: ALL_OFF,
  weekly: ALL_OFF,
  quarterly: ALL_OFF,
};

/** The product's own defaults: every check on, thresholds as shipped. */
export const HOLD_DEFAULTS: NonNullable<AppConfigInput['hold']> = {};
