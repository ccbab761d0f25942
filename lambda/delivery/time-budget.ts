/**
 * A run reads its file within the function's time: when what is left of the invocation falls under what the rest
 * of the run needs (clustering, rendering, archiving, sending), it stops reading with a notice to the data team,
 * rather than be killed by Lambda's timeout with nothing said (and retried twice, to be killed again).
 */
import type { InputRule } from '../config/input-rules.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { analyzeCsv } from '../engine/analyze-csv.ts';
import type { SegmentationModel } from '../engine/clustering/saved/segmentation-model.ts';
import type { ActivityWindows } from '../engine/kpis/period-activity.ts';
import type { WarningThresholds } from '../engine/trends/warnings/warning-rules.ts';
import { FileTooLargeError } from '../errors/input-errors.ts';
import type { RunClock } from './run-clock.ts';

/** Kept for the steps after reading: K-means on a large base, the report, the archive and the email. */
export const RESERVE_AFTER_READING_MS = 60_000;

/** A progress callback for the engine that stops the reading, with the counts so far, when time runs short. */
export function readingTimeBudget(
  clock: Pick<RunClock, 'remainingMs'>,
  location: string,
): (linesRead: number) => void {
  const remainingAtStart = clock.remainingMs();
  return (linesRead) => {
    const remaining = clock.remainingMs();
    if (remaining >= RESERVE_AFTER_READING_MS) return;
    const seconds = Math.max(0, (remainingAtStart - remaining) / 1000).toFixed(1);
    throw new FileTooLargeError(
      `${location}: file too large for one function: ${linesRead.toLocaleString('en-US')} lines read in ${seconds} s, ` +
        `with ${Math.round(remaining / 1000)} s left of the function's time; split the file, or analyse it with the command line`,
      { file: location },
    );
  };
}

/**
 * A run's input through the engine: the options of its prefix's rule, the run's moment, the reading budget, and
 * the saved segmentation when the run keeps one.
 */
export function analyseWithinTime(
  clock: RunClock,
  bytes: AsyncIterable<Uint8Array>,
  input: {
    rule: InputRule;
    sourceName: string;
    now: Date;
    activity?: ActivityWindows;
    trendWarnings?: WarningThresholds;
    /** The saved segmentation to score with between refits (kept-segmentation.ts); a fit when absent. */
    segmentation?: SegmentationModel | undefined;
  },
): Promise<AnalysisResult> {
  return analyzeCsv(bytes, {
    ...input.rule.options,
    sourceName: input.sourceName,
    now: input.now,
    activity: input.activity,
    trendWarnings: input.trendWarnings,
    segmentation: input.segmentation,
    // The plausibility review compares it with the series' earlier files (duplicate content).
    fingerprint: true,
    onProgress: readingTimeBudget(clock, input.sourceName),
  });
}
