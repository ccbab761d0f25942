/**
 * Held reports nobody released or discarded in time (issue 15): each expires, never sent, with a reminder to the
 * data team and an error log line the alarm counts (`held report expired`). Run hourly by the schedule function.
 * The claim moves from `held` to `expired` by a conditional write first, so a decision taken at the same moment
 * wins or loses cleanly and two sweeps never remind twice.
 */
import { makeFormatters } from '../report/locale/formatters.ts';
import { heldExpiredNotice } from '../report/notices/held-decision-notices.ts';
import { CLAIM_CONTENT_TYPE, type ClaimRecord, parseClaimRecord } from './claim-record.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { type HoldRecord, listHoldRecords, readHoldRecord } from './hold-record.ts';
import { tellDataTeam } from './tell-data-team.ts';

/** Hold records looked at per sweep, the most recently written first: far more than a data team leaves waiting. */
export const MAX_HOLDS_PER_SWEEP = 500;

/** The log line the expiry alarm counts. */
export const HELD_REPORT_EXPIRED = 'held report expired';

export interface ExpirySweep {
  status: 'swept';
  /** The runs that expired in this sweep. */
  expired: string[];
  /** Held reports still waiting for a decision. */
  waiting: number;
}

/** Expires every held report past its time; tells the data team about each. */
export async function expireHeldReports(context: DeliveryContext): Promise<ExpirySweep> {
  const { store, config } = context;
  const held = (await listHoldRecords(store, config.prefixes)).slice(0, MAX_HOLDS_PER_SWEEP);
  const sweep: ExpirySweep = { status: 'swept', expired: [], waiting: 0 };
  for (const { run } of held) {
    const record = await readHoldRecord(store, config.prefixes, run);
    if (record === null) continue;
    const outcome = await expireIfDue(context, record);
    if (outcome === 'expired') sweep.expired.push(run);
    if (outcome === 'waiting') sweep.waiting += 1;
  }
  return sweep;
}

/** Expires one held report if it is still held and past its time. */
async function expireIfDue(
  context: DeliveryContext,
  record: HoldRecord,
): Promise<'expired' | 'waiting' | 'decided'> {
  const { store, clock, logger, config } = context;
  const stored = await store.readText(record.claimKey);
  if (stored === null) return 'decided';
  const claim = parseClaimRecord(stored.text, `s3://${store.bucket}/${record.claimKey}`);
  if (claim.state !== 'held') return 'decided';
  const now = clock.now();
  if (now.getTime() < Date.parse(record.expiresAt)) return 'waiting';
  const next: ClaimRecord = {
    ...claim,
    state: 'expired',
    updatedAt: now.toISOString(),
    detail: `expired at ${record.expiresAt} without a decision; not sent`,
  };
  const etag = await store.replaceIfUnchanged(
    record.claimKey,
    JSON.stringify(next),
    CLAIM_CONTENT_TYPE,
    stored.etag,
  );
  // Someone decided at this very moment: their decision stands.
  if (etag === null) return 'decided';
  logger.error(HELD_REPORT_EXPIRED, {
    run: record.runName,
    kind: record.kind,
    heldAt: record.heldAt,
    expiresAt: record.expiresAt,
  });
  const notice = heldExpiredNotice(
    config.report.locale,
    makeFormatters(config.report.locale, undefined, config.report.timeZone),
    {
      report: record.emailSubject,
      location: `s3://${store.bucket}/${record.archive}`,
      heldAt: new Date(record.heldAt),
    },
  );
  // Best effort: the alarm fires on the log line whatever happens to the reminder.
  await tellDataTeam(context, notice).catch((error: unknown) =>
    logger.error('could not remind the data team of an expired report', {
      run: record.runName,
      error: String(error),
    }),
  );
  return 'expired';
}
