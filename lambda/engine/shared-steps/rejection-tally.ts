/**
 * The one counter of rejected lines both readers use: how many lines each reason rejected, and the first line of
 * each, to point a data team at an example.
 */
export class RejectionTally<Reason extends string> {
  /** Lines rejected per reason: the reasons given to the constructor first (at 0), then the others as they come. */
  readonly counts: Partial<Record<Reason, number>>;
  /** The first line (1-based) rejected for each reason. */
  readonly firstLines: Partial<Record<Reason, number>> = {};

  /** `zeroed`: reasons counted from 0, so that they appear in the counts even when no line gives them. */
  constructor(zeroed: readonly Reason[] = []) {
    this.counts = Object.fromEntries(zeroed.map((reason) => [reason, 0])) as Partial<Record<Reason, number>>;
  }

  /** Counts line `line` as rejected for `reason`. */
  reject(reason: Reason, line: number): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    this.firstLines[reason] ??= line;
  }
}
