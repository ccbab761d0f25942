/**
 * Where each run's files go in the bucket: `reports/<kind>/<period>/` holds the report (HTML, text), the whole
 * analysis (JSON) and the customers CSV; the next run of the same kind reads its comparison from there.
 */
import { createHash } from 'node:crypto';
import type { ReportKind } from '../report/locale/messages.ts';

export interface Prefixes {
  incoming: string;
  reports: string;
  rejected: string;
  runs: string;
}

export const ARCHIVE_FILES = {
  html: 'report.html',
  text: 'report.txt',
  analysis: 'analysis.json',
  customers: 'customers.csv',
  migration: 'migration.json',
} as const;

export function archiveFolder(prefixes: Prefixes, kind: ReportKind, periodId: string): string {
  return `${prefixes.reports}${kind}/${periodId}/`;
}

/** The archive name of an upload run: its moment (so that names sort in time) and the file's name. */
export function uploadPeriodId(now: Date, objectKey: string): string {
  const moment = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const stem = (objectKey.split('/').pop() ?? 'input')
    .replace(/\.csv(\.gz)?$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${moment}-${stem.slice(0, 60)}`;
}

/** The claim key of an uploaded object: one per bucket, key and version (or ETag when unversioned). */
export function uploadClaimKey(prefixes: Prefixes, bucket: string, key: string, version: string): string {
  const digest = createHash('sha256').update(`${bucket}\n${key}\n${version}`).digest('hex');
  return `${prefixes.runs}upload/${digest}.json`;
}

/** The claim key of a scheduled run: one per kind and period. */
export function scheduleClaimKey(prefixes: Prefixes, kind: ReportKind, periodId: string): string {
  return `${prefixes.runs}${kind}/${periodId}.json`;
}

/** The error report of a rejected input: beside nothing, under `rejected/`, named after the input key. */
export function rejectionReportKey(prefixes: Prefixes, inputKey: string): string {
  return `${prefixes.rejected}${inputKey}.error.json`;
}

/** True for the input files a run reads: `.csv` and `.csv.gz` under the incoming prefix. */
export function isInputKey(prefixes: Prefixes, key: string): boolean {
  return key.startsWith(prefixes.incoming) && /\.csv(\.gz)?$/i.test(key) && !key.endsWith('/');
}
