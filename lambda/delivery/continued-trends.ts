/**
 * The trends a scheduled report shows: its file's own, continued backwards by the trends archived with the earlier
 * runs of its series (engine/trends/continue-series.ts), so that a weekly report whose uploads each hold one week
 * still shows the weeks before.
 *
 * The archive keeps each run's analysis as computed from its file, never the continued one: an archived analysis
 * stays what the command line gives for the same file, a period is always read from the report whose file held it
 * (not copied from report to report, so a wrong week cannot outlive the export that corrects it), and the rules of
 * continuing can change without rewriting the archive. The price is reading up to a year of archives a run, in
 * parallel: tens of kilobytes each.
 */
import type { Analysis } from '../engine/analysis/analysis-types.ts';
import type { TrendSeries, Trends } from '../engine/trends/compute-trends.ts';
import {
  MAX_CONTINUED_PERIODS,
  continueSeries,
  periodsFromArchive,
} from '../engine/trends/continue-series.ts';
import type { ArchiveRun } from './archive-layout.ts';
import type { ObjectStore, RunLogger } from './ports.ts';
import { earlierRunNames, readArchivedAnalysis } from './report-history.ts';

/** Archived analyses read at most: a year of weekly runs, and some to spare for broken or unrelated ones. */
export const MAX_ARCHIVES_READ = 60;
/** Archives read at once: S3 answers each in tens of milliseconds, 52 one after the other would add seconds. */
const READ_AT_ONCE = 8;

/**
 * `analysis` with its trends continued by the runs of `run`'s series before it, read newest first until the series
 * is as long as it may be or MAX_ARCHIVES_READ were read; `analysis` itself when it has no trends. An archive that
 * does not parse, or counts another currency, is left out with a log line (the data-quality note of the email
 * names the problems of the previous report only, the one it is compared with).
 */
export async function withContinuedTrends(
  store: ObjectStore,
  run: ArchiveRun,
  analysis: Analysis,
  logger: RunLogger,
): Promise<Analysis> {
  const current = analysis.trends;
  if (!current) return analysis;
  const wanted = MAX_CONTINUED_PERIODS[current.unit] - current.periods.length;
  const runNames = (await earlierRunNames(store, run.seriesFolder, run.runName)).slice(0, MAX_ARCHIVES_READ);
  const newestFirst: TrendSeries[] = [];
  let read = 0;
  for (let at = 0; wanted > 0 && at < runNames.length; at += READ_AT_ONCE) {
    const batch = runNames.slice(at, at + READ_AT_ONCE);
    const found = await Promise.all(
      batch.map((runName) => archivedTrends(store, `${run.seriesFolder}${runName}/`, analysis, logger)),
    );
    read += batch.length;
    newestFirst.push(...found.filter((trends): trends is Trends => trends !== null));
    if (periodsFromArchive(current, newestFirst.toReversed()) >= wanted) break;
  }
  // The warnings' thresholds are the ones the file's own trends were computed with.
  const continued = continueSeries(current, newestFirst.toReversed(), current.outlook?.thresholds);
  logger.info('trends continued by earlier reports', {
    archivesRead: read,
    fromArchive: continued.fromArchive,
    periods: continued.periods.length,
  });
  return { ...analysis, trends: continued };
}

/** The trends archived in `folder`, or null: none, unreadable, or of a file in another currency. */
async function archivedTrends(
  store: ObjectStore,
  folder: string,
  current: Analysis,
  logger: RunLogger,
): Promise<Trends | null> {
  const parsed = await readArchivedAnalysis(store, folder);
  if (!parsed) return null;
  if (!parsed.ok) {
    logger.warn('unreadable archived analysis left out of the trends', { folder, problem: parsed.problem });
    return null;
  }
  const code = parsed.analysis.input.currency?.code ?? null;
  if (code !== (current.input.currency?.code ?? null)) {
    // Revenue in pounds after revenue in euros would read as a jump.
    logger.warn('archived analysis in another currency left out of the trends', { folder, currency: code });
    return null;
  }
  return parsed.analysis.trends ?? null;
}
