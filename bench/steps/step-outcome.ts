// What each benchmark step hands back to bench/run-benchmarks.ts: its section of results.json, its targets (met
// or not) with the thresholds they use, and its part of the printed report.

export interface StepOutcome<Results> {
  /** The step's section of results.json. */
  results: Results;
  /** Each target of the step, met or not (reported, never asserted: the machine is shared and noisy). */
  targets: Record<string, boolean>;
  /** The thresholds those targets compare against, recorded beside them. */
  thresholds: Record<string, number>;
  /** The step's part of the printed report. */
  lines: string[];
}
