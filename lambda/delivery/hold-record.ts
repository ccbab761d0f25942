/**
 * The record of a held report (`runs/held/<run>.json`, archive-layout.ts): where its run's claim and archive are,
 * why it was held, until when it waits, and what its email carries besides the archived HTML and text (the
 * charts' Content-IDs, the customers file attached or linked). A release rebuilds the email from it and the
 * archive alone; its state (held, released, discarded, expired) is the claim's, never this record's.
 */
import * as z from 'zod';
import { PLAUSIBILITY_CHECKS } from '../engine/plausibility/plausibility-settings.ts';
import { REPORT_KINDS } from '../vocabulary/report-kind.ts';
import { holdRecordFolder, holdRecordKey, isRunName } from './archive-layout.ts';
import { parseStoredRecord } from './stored-record.ts';
import type { Prefixes } from '../config/app-config.ts';
import type { ObjectStore } from './ports.ts';

const findingSchema = z.object({
  check: z.enum(PLAUSIBILITY_CHECKS),
  subject: z.string().optional(),
  now: z.union([z.number(), z.string(), z.null()]),
  before: z.union([z.number(), z.string(), z.null()]),
  threshold: z.number().nullable(),
  measured: z.number().optional(),
});

export const holdRecordSchema = z.object({
  schemaVersion: z.literal(1),
  runName: z.string().min(1),
  kind: z.enum(REPORT_KINDS),
  /** The run's claim: its state is the held report's. */
  claimKey: z.string().min(1),
  /** The run's archive folder: report.html, report.txt, charts/, customers.csv, analysis.held.json. */
  archive: z.string().min(1),
  /** How logs and notices name the report (the file's location, or `the weekly report 2026-W47`). */
  subject: z.string().min(1),
  /** The email's subject, as the executives will read it. */
  emailSubject: z.string().min(1),
  findings: z.array(findingSchema),
  /** Held because it was the first report of its source and the configuration holds those. */
  firstReport: z.boolean(),
  heldAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The email's inline charts, in order: each archived as `charts/<filename>`. */
  images: z.array(z.object({ cid: z.string().min(1), filename: z.string().min(1) })),
  /** The customers file: attached under a name, or linked (the link is signed again on release). */
  customers: z.union([
    z.object({ attachedAs: z.string().min(1) }),
    z.object({ link: z.object({ url: z.string().min(1), expires: z.iso.datetime() }) }),
  ]),
});
export type HoldRecord = z.infer<typeof holdRecordSchema>;

export const HOLD_RECORD_CONTENT_TYPE = 'application/json';

export function writeHoldRecord(store: ObjectStore, prefixes: Prefixes, record: HoldRecord): Promise<void> {
  return store.write(
    holdRecordKey(prefixes, record.runName),
    `${JSON.stringify(record, null, 2)}\n`,
    HOLD_RECORD_CONTENT_TYPE,
  );
}

/** The hold record of `runName`, or null when no report of that name was ever held. */
export async function readHoldRecord(
  store: ObjectStore,
  prefixes: Prefixes,
  runName: string,
): Promise<HoldRecord | null> {
  const key = holdRecordKey(prefixes, runName);
  const stored = await store.readText(key);
  if (stored === null) return null;
  return parseHoldRecord(stored.text, `s3://${store.bucket}/${key}`);
}

/** A hold record in the bucket: its run, its key, and when it was written. */
export interface StoredHoldRecord {
  run: string;
  key: string;
  written: Date;
}

/** The bucket's hold records, the most recently written first (run names sort in time only within a kind). */
export async function listHoldRecords(store: ObjectStore, prefixes: Prefixes): Promise<StoredHoldRecord[]> {
  const folder = holdRecordFolder(prefixes);
  return (await store.list(folder))
    .map((object) => ({
      run: object.key.slice(folder.length).replace(/\.json$/, ''),
      key: object.key,
      written: object.lastModified,
    }))
    .filter(({ key, run }) => key.endsWith('.json') && isRunName(run))
    .sort(
      (left, right) =>
        right.written.getTime() - left.written.getTime() ||
        (left.run < right.run ? 1 : left.run > right.run ? -1 : 0),
    );
}

/** A hold record read back; one that does not parse is refused: nothing is sent on doubt. */
export function parseHoldRecord(text: string, location: string): HoldRecord {
  return parseStoredRecord(holdRecordSchema, text, location, 'hold record');
}
