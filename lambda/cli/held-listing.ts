/**
 * What `segment-report held` lists: every hold record of the bucket (`runs/held/<run>.json`), newest first, with its
 * state read from its run's claim, since a held report's state is the claim's, never the record's (hold-record.ts).
 * Bounded: the newest `limit` records by the listing's dates are read, two small objects each; the rest are
 * counted, not read. A record or claim that cannot be read is shown as such rather than stopping the listing.
 */
import { type ClaimRecord, type HeldDecision, parseClaimRecord } from '../delivery/claim-record.ts';
import type { DeliveryContext } from '../delivery/delivery-context.ts';
import { type HoldRecord, listHoldRecords, parseHoldRecord } from '../delivery/hold-record.ts';
import { messageOf } from '../errors/segment-report-error.ts';

/** One held report as the listing shows it. */
export interface HeldRow {
  run: string;
  kind: HoldRecord['kind'] | null;
  /** In words: held, expired, discarded, released, being released, ... (see `stateOf`). */
  state: string;
  /** The claim's own state, or null when the claim could not be read. */
  claimState: ClaimRecord['state'] | null;
  heldAt: string | null;
  expiresAt: string | null;
  /** The names of the failed checks, each once, in the record's order. */
  checks: string[];
  emailSubject: string | null;
  decision: HeldDecision | null;
}

export interface HeldListing {
  rows: HeldRow[];
  /** Hold records beyond the limit, not read. */
  leftOut: number;
}

/** Reads in flight at once: a listing of many records stays quick without flooding the bucket. */
const CONCURRENT_READS = 8;

/** The newest `limit` held reports, newest first, and how many older ones were left out. */
export async function listHeldReports(context: DeliveryContext, limit: number): Promise<HeldListing> {
  const records = await listHoldRecords(context.store, context.config.prefixes);
  const chosen = records.slice(0, limit);
  const rows: { row: HeldRow; written: number }[] = [];
  for (let start = 0; start < chosen.length; start += CONCURRENT_READS) {
    const batch = chosen.slice(start, start + CONCURRENT_READS);
    rows.push(
      ...(await Promise.all(
        batch.map(async ({ key, run, written }) => ({
          row: await rowOf(context, key, run),
          written: written.getTime(),
        })),
      )),
    );
  }
  rows.sort(
    (left, right) =>
      compareDescending(left.row.heldAt ?? '', right.row.heldAt ?? '') ||
      right.written - left.written ||
      compareDescending(left.row.run, right.row.run),
  );
  return { rows: rows.map(({ row }) => row), leftOut: records.length - chosen.length };
}

function compareDescending(left: string, right: string): number {
  return left < right ? 1 : left > right ? -1 : 0;
}

/** One record and its claim, read; what cannot be read is named in the state. */
async function rowOf(context: DeliveryContext, key: string, run: string): Promise<HeldRow> {
  const { store } = context;
  const unread: HeldRow = {
    run,
    kind: null,
    state: 'unreadable hold record',
    claimState: null,
    heldAt: null,
    expiresAt: null,
    checks: [],
    emailSubject: null,
    decision: null,
  };
  const stored = await store.readText(key);
  if (stored === null) return { ...unread, state: 'hold record gone' };
  let record: HoldRecord;
  try {
    record = parseHoldRecord(stored.text, `s3://${store.bucket}/${key}`);
  } catch {
    return unread;
  }
  const row: HeldRow = {
    ...unread,
    run: record.runName,
    kind: record.kind,
    heldAt: record.heldAt,
    expiresAt: record.expiresAt,
    checks: [...new Set(record.findings.map((finding) => finding.check))],
    emailSubject: record.emailSubject,
  };
  const claimText = await store.readText(record.claimKey);
  if (claimText === null) return { ...row, state: 'claim missing' };
  let claim: ClaimRecord;
  try {
    claim = parseClaimRecord(claimText.text, `s3://${store.bucket}/${record.claimKey}`);
  } catch (error) {
    return { ...row, state: `unreadable claim (${messageOf(error)})` };
  }
  return { ...row, claimState: claim.state, state: stateOf(claim), decision: claim.decision ?? null };
}

/** The claim's state as the data team reads it: a release in flight or done says so. */
function stateOf(claim: ClaimRecord): string {
  const released = claim.decision?.action === 'release';
  switch (claim.state) {
    case 'sent':
      return released ? 'released' : 'sent';
    case 'claimed':
    case 'sending':
      return released ? 'being released' : claim.state;
    case 'failed':
      return released ? 'release failed (release again)' : 'failed';
    case 'uncertain':
      return released ? 'release uncertain (not sent again)' : 'uncertain';
    case 'held':
    case 'discarded':
    case 'expired':
    case 'rejected':
    case 'skipped':
      return claim.state;
  }
}
