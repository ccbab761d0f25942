// Ours against the pandas reference on one input: the interleaved runs, the fields results.json records for the
// comparison, and the lines that print it. The real export and the generated 2M-customer log are compared alike.
import { compareInterleaved, type ProgramCommand, type ProgramSummary } from './end-to-end.ts';
import { formatTable, verdict } from './format-table.ts';
import { type HeadlineNumbers, readHeadlineNumbers, referenceOn } from './programs.ts';
import { roundTo } from './statistics.ts';

/** Both programs' summaries on one input, and their headline numbers. */
export interface ReferenceComparison {
  ours: ProgramSummary;
  reference: ProgramSummary;
  outputs: HeadlineNumbers;
  /** Ours over the reference, median wall time and median peak RSS. */
  ratioWall: number;
  ratioPeakRss: number;
}

/**
 * Runs `ours` (which writes its analysis to `ourJson`) and the reference on `input`, interleaved, `rounds`
 * measured runs each after a warm-up, then reads both programs' headline numbers.
 */
export async function compareWithReference(
  input: string,
  ours: ProgramCommand,
  ourJson: string,
  rounds: number,
  log: (line: string) => void,
): Promise<ReferenceComparison> {
  const [oursSummary, referenceSummary] = await compareInterleaved(ours, referenceOn(input), rounds, log);
  return {
    ours: oursSummary,
    reference: referenceSummary,
    outputs: await readHeadlineNumbers(ourJson, referenceSummary.lastStdout),
    ratioWall: oursSummary.medianWallSeconds / referenceSummary.medianWallSeconds,
    ratioPeakRss: oursSummary.medianPeakRssMb / referenceSummary.medianPeakRssMb,
  };
}

/** What results.json records of a comparison (the runs' stdout left out). */
export function comparisonResults(comparison: ReferenceComparison) {
  return {
    ours: withoutStdout(comparison.ours),
    reference: withoutStdout(comparison.reference),
    ratioWall: roundTo(comparison.ratioWall, 3),
    ratioPeakRss: roundTo(comparison.ratioPeakRss, 3),
    outputs: comparison.outputs,
  };
}

/** A summary without the last run's stdout, for results.json. */
export function withoutStdout<T extends { lastStdout: string }>(summary: T): Omit<T, 'lastStdout'> {
  const { lastStdout: _dropped, ...rest } = summary;
  return rest;
}

/** Whether ours met its targets against the reference, and how each reads. */
export interface ComparisonVerdicts {
  /** The wall-time target: not slower than the reference when not given. */
  wall?: { met: boolean; target: string };
  wallNotSlower?: boolean;
  peakRssMet?: boolean;
  /** The memory target as printed after "ours peak RSS", e.g. `< 300 MB`. */
  peakRssTarget?: string;
}

/** The printed comparison: a blank line, `title`, the table, the ratios, the two verdicts, the headline numbers. */
export function comparisonLines(
  title: string,
  comparison: ReferenceComparison,
  verdicts: ComparisonVerdicts,
): string[] {
  const { ours, reference, outputs } = comparison;
  return [
    '',
    title,
    formatTable(
      ['program', 'median wall s', 'median peak RSS MB'],
      [ours, reference].map((summary) => [
        summary.label,
        summary.medianWallSeconds.toFixed(2),
        summary.medianPeakRssMb.toFixed(0),
      ]),
    ),
    `ratio ours/reference: wall ${comparison.ratioWall.toFixed(2)}, peak RSS ${comparison.ratioPeakRss.toFixed(2)}`,
    verdicts.wall
      ? `${verdict(verdicts.wall.met)}  ours ${verdicts.wall.target} (ratio ${comparison.ratioWall.toFixed(2)})`
      : `${verdict(verdicts.wallNotSlower === true)}  ours wall <= reference wall`,
    ...(verdicts.peakRssMet === undefined
      ? []
      : [`${verdict(verdicts.peakRssMet)}  ours peak RSS ${verdicts.peakRssTarget ?? ''}`]),
    `outputs: ours ${JSON.stringify(outputs.ours)}`,
    `         reference ${JSON.stringify(outputs.reference)}`,
  ];
}
