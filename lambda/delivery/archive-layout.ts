/**
 * Where each run's files go in the bucket. A report series is one folder: every upload of one source (the
 * configured dataset of its prefix, else its object key) under `reports/upload/`, or one schedule kind; each
 * run has a folder of its own in its series, unique per input object, holding the report (HTML, text), the
 * whole analysis (JSON), each customer's segment (JSON, for the next comparison), the saved segmentation (JSON) and
 * the customers CSV. A run
 * compares itself only with the previous run of its own series.
 */
import { createHash } from 'node:crypto';
import type { Prefixes } from '../config/app-config.ts';
import type { ScheduledReportKind } from '../vocabulary/report-kind.ts';

export const ARCHIVE_FILES = {
  html: 'report.html',
  text: 'report.txt',
  analysis: 'analysis.json',
  /**
   * A held report's analysis: under another name, so that no later run compares itself with a report nobody has
   * released (report-history.ts reads `analysis.json` only); a release writes it as `analysis.json`.
   */
  heldAnalysis: 'analysis.held.json',
  segments: 'segments.json',
  customers: 'customers.csv',
  migration: 'migration.json',
  /**
   * The saved segmentation the run fitted or scored with (issue 18): the next scheduled run of the series scores
   * its customers with it until the next refit (kept-segmentation.ts).
   */
  model: 'model.json',
  /** The email's charts, one PNG each under it: `charts/revenue-trend.png`. */
  charts: 'charts/',
} as const;

/** One report series and one run in it: `reports/<series>/<run>/`. */
export interface ArchiveRun {
  seriesFolder: string;
  runName: string;
}

export function archiveFolder(run: ArchiveRun): string {
  return `${run.seriesFolder}${run.runName}/`;
}

/** The series of a scheduled report: one folder per kind, one run per period (`2026-W47`, `2026-Q3`). */
export function scheduleSeriesFolder(prefixes: Prefixes, kind: ScheduledReportKind): string {
  return `${prefixes.reports}${kind}/`;
}

/**
 * The series of an uploaded file: `datasets/<name>/` when its prefix names a dataset (files of one kind,
 * whatever they are called), else `files/<readable stem>-<hash of the key>/`, so that `shopA/sales.csv` and
 * `shopB/sales.csv` never share one.
 */
export function uploadSeriesFolder(prefixes: Prefixes, key: string, dataset: string | undefined): string {
  if (dataset !== undefined) return `${prefixes.reports}upload/datasets/${dataset}/`;
  const stem = key
    .slice(key.startsWith(prefixes.incoming) ? prefixes.incoming.length : 0)
    .replace(/\.csv(\.gz)?$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(-60);
  return `${prefixes.reports}upload/files/${stem || 'input'}-${digest(key).slice(0, 12)}/`;
}

/**
 * The run of an uploaded object: its moment (names sort in time: `20250305T090703456Z`) and a digest of the bucket, the full key and
 * the version, so that no two objects share a folder, even uploaded in the same second.
 */
export function uploadRunName(now: Date, bucket: string, key: string, version: string): string {
  // To the millisecond, as S3 gives the event time: uploads of one series in one second still sort in time.
  const moment = now.toISOString().replace(/[-:.]/g, '');
  return `${moment}-${digest(`${bucket}\n${key}\n${version}`).slice(0, 12)}`;
}

/** The claim key of an uploaded object: one per bucket, key and version (or ETag when unversioned). */
export function uploadClaimKey(prefixes: Prefixes, bucket: string, key: string, version: string): string {
  return `${prefixes.runs}upload/${digest(`${bucket}\n${key}\n${version}`)}.json`;
}

/** The claim key of a scheduled run: one per kind and period. */
export function scheduleClaimKey(prefixes: Prefixes, kind: ScheduledReportKind, periodId: string): string {
  return `${prefixes.runs}${kind}/${periodId}.json`;
}

/**
 * The record of a held report, named by its run (`runs/held/2026-W47.json`): what the data team's release, discard
 * and the expiry read. Run names are unique across series (a period, or a moment and a digest of the object).
 */
export function holdRecordKey(prefixes: Prefixes, runName: string): string {
  return `${holdRecordFolder(prefixes)}${runName}.json`;
}

export function holdRecordFolder(prefixes: Prefixes): string {
  return `${prefixes.runs}held/`;
}

/** What an approval object asks: `approvals/<run>.release` or `approvals/<run>.discard`. */
export const APPROVAL_ACTIONS = ['release', 'discard'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** The approval object that releases or discards the held report of `runName`. */
export function approvalKey(prefixes: Prefixes, runName: string, action: ApprovalAction): string {
  return `${prefixes.approvals}${runName}.${action}`;
}

/** The run and the action an approval object's key names, or null when it names none. */
export function parseApprovalKey(
  prefixes: Prefixes,
  key: string,
): { runName: string; action: ApprovalAction } | null {
  if (!key.startsWith(prefixes.approvals)) return null;
  const match = /^([A-Za-z0-9][A-Za-z0-9_-]{0,199})\.(release|discard)$/.exec(
    key.slice(prefixes.approvals.length),
  );
  return match ? { runName: match[1] as string, action: match[2] as ApprovalAction } : null;
}

/** A run name as people type it: letters, digits, `-` and `_` (`2026-W47`, `20261130T091500123Z-3f2a…`). */
export function isRunName(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/.test(text);
}

/**
 * The error report of a rejected input, tied to what was rejected: the object's content (its ETag) read with the
 * options of its prefix, not its key. A corrected file under the same key, or the same file once the
 * configuration says how to read it, counts again in the next scheduled run.
 */
export function rejectionReportKey(
  prefixes: Prefixes,
  inputKey: string,
  etag: string,
  readingOptions: Readonly<Record<string, unknown>>,
): string {
  const options = Object.entries(readingOptions)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${prefixes.rejected}${inputKey}/${etag}-${digest(JSON.stringify(options)).slice(0, 12)}.error.json`;
}

/** An object a run reads: under the incoming prefix, not a folder marker. */
export function isIncomingObject(prefixes: Prefixes, key: string): boolean {
  return key.startsWith(prefixes.incoming) && !key.endsWith('/');
}

/** What the handler analyses: `.csv` and `.csv.gz` in any letter case. */
export function isCsvKey(key: string): boolean {
  return /\.csv(\.gz)?$/i.test(key);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
