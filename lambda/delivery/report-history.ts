/**
 * The previous run of the same kind, read back from the archive: its analysis (for the deltas) and, for the
 * quarterly review's migration matrix, each customer's segment from its customers CSV.
 */
import Papa from 'papaparse';
import type { Analysis } from '../engine/analysis-types.ts';
import { RFM_SEGMENT_KEYS, RFM_SEGMENT_NAMES } from '../engine/rfm/rfm-segments.ts';
import type { ReportKind } from '../report/locale/messages.ts';
import { ARCHIVE_FILES, type Prefixes } from './archive-layout.ts';
import type { ObjectStore, RunLogger } from './ports.ts';

export interface PreviousRun {
  periodId: string;
  analysis: Analysis;
}

/** The latest archived run of `kind` whose period sorts before `currentPeriodId`, or null. */
export async function findPreviousRun(
  store: ObjectStore,
  prefixes: Prefixes,
  kind: ReportKind,
  currentPeriodId: string,
  logger: RunLogger,
): Promise<PreviousRun | null> {
  const folder = `${prefixes.reports}${kind}/`;
  const periods = [
    ...new Set(
      (await store.list(folder))
        .filter((object) => object.key.endsWith(`/${ARCHIVE_FILES.analysis}`))
        .map((object) => object.key.slice(folder.length, -(ARCHIVE_FILES.analysis.length + 1))),
    ),
  ]
    .filter((periodId) => periodId < currentPeriodId)
    .sort();
  for (const periodId of periods.reverse()) {
    const stored = await store.readText(`${folder}${periodId}/${ARCHIVE_FILES.analysis}`);
    if (!stored) continue;
    try {
      const analysis = JSON.parse(stored.text) as Analysis;
      if (analysis.schemaVersion === 1) return { periodId, analysis };
    } catch {
      logger.warn('unreadable archived analysis skipped', { kind, periodId });
    }
  }
  return null;
}

const SEGMENT_KEY_BY_ENGLISH_NAME = new Map<string, string>(
  RFM_SEGMENT_KEYS.map((key) => [RFM_SEGMENT_NAMES[key].en, key]),
);

/** Each customer's RFM segment key from an archived customers CSV (empty when the file has no RFM). */
export async function readArchivedSegments(
  store: ObjectStore,
  prefixes: Prefixes,
  kind: ReportKind,
  periodId: string,
): Promise<Map<string, string>> {
  const stored = await store.readText(`${prefixes.reports}${kind}/${periodId}/${ARCHIVE_FILES.customers}`);
  const segments = new Map<string, string>();
  if (!stored) return segments;
  const parsed = Papa.parse<Record<string, string>>(stored.text, { header: true, skipEmptyLines: true });
  for (const row of parsed.data) {
    const id = unneutralise(row.customer_id ?? '');
    const segment = SEGMENT_KEY_BY_ENGLISH_NAME.get(row.rfm_segment ?? '');
    if (id !== '' && segment !== undefined) segments.set(id, segment);
  }
  return segments;
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

/** The CSV writer prefixes formula-like ids with an apostrophe; the id itself is what follows. */
function unneutralise(id: string): string {
  return /^'[=+\-@\t\r]/.test(id) ? id.slice(1) : id;
}
