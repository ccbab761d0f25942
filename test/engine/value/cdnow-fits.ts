// The CDNOW sample summarised from its raw transactions (weeks, calibration to 1997-09-30), shared by the
// fit tests so that the summary is built once per file.
import { summarisePurchases, type PurchaseSummary } from '../../../lambda/engine/value/purchase-summary.ts';
import {
  CALIBRATION_END_DAY,
  CDNOW_SAMPLE_CUSTOMERS,
  cdnowSampleLines,
  OBSERVATION_END_DAY,
  ordersFromLines,
} from './cdnow-sample.ts';
import { CDNOW_PROCESS } from '../../../tools/bg-nbd-process.ts';

/** The summary of the given lines of CDNOW_sample.txt (all of them by default). */
export function cdnowSampleSummary(lines: readonly string[] = cdnowSampleLines()): PurchaseSummary {
  return summarisePurchases(ordersFromLines(lines), {
    customerCount: CDNOW_SAMPLE_CUSTOMERS,
    calibrationEndDay: CALIBRATION_END_DAY,
    observationEndDay: OBSERVATION_END_DAY,
    timeUnit: 'weeks',
  });
}

/** Published BG/NBD parameters (Fader, Hardie & Lee 2005) and log-likelihood on this sample. */
export const PUBLISHED_BG_NBD = CDNOW_PROCESS.purchases;
export const PUBLISHED_LOG_LIKELIHOOD = -9_582.4;
/** Published Gamma-Gamma parameters on its 946 repeat customers. */
export const PUBLISHED_GAMMA_GAMMA = CDNOW_PROCESS.spend;
/** The unrounded maximum-likelihood BG/NBD fit that test/data/SOURCES.md quotes. */
export const UNROUNDED_BG_NBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } as const;

/** |ours / published - 1| for each published parameter. */
export function relativeErrors<Parameters extends object>(
  ours: Parameters,
  published: Parameters,
): Record<string, number> {
  const oursByName = new Map(Object.entries(ours) as [string, number][]);
  return Object.fromEntries(
    (Object.entries(published) as [string, number][]).map(([name, value]) => [
      name,
      Math.abs((oursByName.get(name) as number) / value - 1),
    ]),
  );
}
