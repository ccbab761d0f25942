/**
 * The previous run of a report series, read back from the archive through the same schemas as the code that
 * wrote it: its analysis (for the deltas) and each customer's segment (for the quarterly review's migration
 * matrix). An archived file that does not parse is skipped with a note, never trusted: one bad archive must not
 * poison every later report.
 */
import * as z from 'zod';
import { type SafeParsedAnalysis, safeParseAnalysis } from '../engine/analysis/parse-analysis.ts';
import type { Analysis } from '../engine/analysis/analysis-types.ts';
import { RFM_SEGMENT_KEYS } from '../engine/rfm/rfm-segments.ts';
import { ARCHIVE_FILES } from './archive-layout.ts';
import type { ObjectStore, RunLogger } from './ports.ts';

export interface PreviousRun {
  runName: string;
  folder: string;
  analysis: Analysis;
}

export interface ReportHistory {
  previous: PreviousRun | null;
  /** Newer archived runs that could not be read, newest first, with the first problem found. */
  skipped: { runName: string; problem: string }[];
  /** The series' earlier runs looked at (at most EARLIER_RUNS), newest first: the duplicate check reads them. */
  earlier: string[];
}

/**
 * Archived runs looked at: for the previous one, before giving up (a long run of broken archives is a problem of its
 * own), and for the duplicate check (plausibility-review.ts), the files a new one is compared with.
 */
export const EARLIER_RUNS = 12;

/** The latest readable run of the series in `seriesFolder` whose name sorts before `currentRunName`. */
export async function findPreviousRun(
  store: ObjectStore,
  seriesFolder: string,
  currentRunName: string,
  logger: RunLogger,
): Promise<ReportHistory> {
  const runNames = (await earlierRunNames(store, seriesFolder, currentRunName)).slice(0, EARLIER_RUNS);
  const skipped: ReportHistory['skipped'] = [];
  for (const runName of runNames) {
    const folder = `${seriesFolder}${runName}/`;
    const parsed = await readArchivedAnalysis(store, folder);
    if (!parsed) continue;
    if (parsed.ok) {
      return { previous: { runName, folder, analysis: parsed.analysis }, skipped, earlier: runNames };
    }
    logger.warn('unreadable archived analysis skipped', { folder, problem: parsed.problem });
    skipped.push({ runName, problem: parsed.problem });
  }
  return { previous: null, skipped, earlier: runNames };
}

/** The runs of the series with an archived analysis whose names sort before `currentRunName`, newest first. */
export async function earlierRunNames(
  store: ObjectStore,
  seriesFolder: string,
  currentRunName: string,
): Promise<string[]> {
  const names = (await store.list(seriesFolder))
    .filter((object) => object.key.endsWith(`/${ARCHIVE_FILES.analysis}`))
    .map((object) => object.key.slice(seriesFolder.length, -(ARCHIVE_FILES.analysis.length + 1)))
    .filter((runName) => !runName.includes('/') && runName < currentRunName);
  return [...new Set(names)].sort().reverse();
}

/** The archived analysis of the run in `folder`, checked by its schema; null when there is none. */
export async function readArchivedAnalysis(
  store: ObjectStore,
  folder: string,
): Promise<SafeParsedAnalysis | null> {
  const stored = await store.readText(`${folder}${ARCHIVE_FILES.analysis}`);
  return stored ? safeParseAnalysis(parseJson(stored.text)) : null;
}

const segmentsFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** [customer id, RFM segment key] pairs: ids are kept exactly as read, whatever they look like. */
  customers: z.array(z.tuple([z.string(), z.enum(RFM_SEGMENT_KEYS)])),
});

/** The archived `segments.json` of each run: every customer with an RFM segment. */
export function formatSegmentsFile(customers: readonly { id: string; segment: string | null }[]): string {
  const pairs = customers.flatMap((customer) =>
    customer.segment === null ? [] : [[customer.id, customer.segment]],
  );
  return JSON.stringify({ schemaVersion: 1, customers: pairs });
}

/** Each customer's RFM segment in an archived run, or null (with a log line) when missing or unreadable. */
export async function readArchivedSegments(
  store: ObjectStore,
  folder: string,
  logger: RunLogger,
): Promise<Map<string, string> | null> {
  const stored = await store.readText(`${folder}${ARCHIVE_FILES.segments}`);
  if (!stored) return null;
  const parsed = segmentsFileSchema.safeParse(parseJson(stored.text));
  if (!parsed.success) {
    logger.warn('unreadable archived segments skipped', { folder, problem: parsed.error.issues[0]?.message });
    return null;
  }
  return new Map(parsed.data.customers);
}

/** Current segment keys by customer id, in the same form as `readArchivedSegments`. */
export function currentSegments(
  customers: readonly { id: string; segment: string | null }[],
): Map<string, string> {
  const segments = new Map<string, string>();
  for (const customer of customers)
    if (customer.segment !== null) segments.set(customer.id, customer.segment);
  return segments;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
