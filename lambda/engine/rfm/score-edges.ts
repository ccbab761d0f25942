/**
 * The edges of an analysis's RFM scores, kept in the saved segmentation (issue 18) so that a later file is scored
 * on the same scale rather than on its own quintiles: per score, the lowest and the highest measure among the
 * customers who got it. A later value takes the best score whose range it reaches (at least the lowest measure of
 * that score, or for recency at most the highest); a value in the gap between two scores' ranges takes the worse
 * of the two, a value beyond every range the best or the worst score.
 * @example scoreByEdges(12, [{ score: 1, lowest: 1, highest: 9 }, { score: 3, lowest: 10, highest: 40 }], false) // 3
 */
import { isActive } from './active-window.ts';
import { type RfmMeasureColumns, type RfmScoreColumns, scoreRfmColumns } from './score-rfm.ts';
import { segmentIndexFor } from './rfm-segments.ts';

/** The measures of the customers who got one score. */
export interface ScoreRange {
  score: number;
  lowest: number;
  highest: number;
}

/** The ranges of each measure, one per score that some customer got, by ascending score. */
export interface RfmEdges {
  recency: ScoreRange[];
  frequency: ScoreRange[];
  monetary: ScoreRange[];
}

/** The range of measures behind each score 1..5 that some row got. */
export function scoreRanges(values: ArrayLike<number>, scores: ArrayLike<number>): ScoreRange[] {
  const lowest = new Array<number>(6).fill(Number.POSITIVE_INFINITY);
  const highest = new Array<number>(6).fill(Number.NEGATIVE_INFINITY);
  for (let row = 0; row < scores.length; row++) {
    const score = scores[row] as number;
    const value = values[row] as number;
    if (value < (lowest[score] as number)) lowest[score] = value;
    if (value > (highest[score] as number)) highest[score] = value;
  }
  const ranges: ScoreRange[] = [];
  for (let score = 1; score <= 5; score++) {
    const low = lowest[score] as number;
    if (low !== Number.POSITIVE_INFINITY)
      ranges.push({ score, lowest: low, highest: highest[score] as number });
  }
  return ranges;
}

/** The edges of all three measures. */
export function rfmEdgesOf(measures: RfmMeasureColumns, scores: RfmScoreColumns): RfmEdges {
  return {
    recency: scoreRanges(measures.recencyDays, scores.recencyScores),
    frequency: scoreRanges(measures.frequency, scores.frequencyScores),
    monetary: scoreRanges(measures.monetary, scores.monetaryScores),
  };
}

/** A value's score on saved ranges (see the file's comment); 0 when there are no ranges. */
export function scoreByEdges(value: number, ranges: readonly ScoreRange[], lowerIsBetter: boolean): number {
  for (let at = ranges.length - 1; at >= 0; at--) {
    const range = ranges[at] as ScoreRange;
    if (lowerIsBetter ? value <= range.highest : value >= range.lowest) return range.score;
  }
  return ranges[0]?.score ?? 0;
}

/** scoreRfmColumns on saved edges instead of the file's own quintiles. */
export function scoreRfmByEdges(
  measures: RfmMeasureColumns,
  edges: RfmEdges,
  activeWindowDays: number,
): RfmScoreColumns {
  const count = measures.recencyDays.length;
  const scores: RfmScoreColumns = {
    recencyScores: new Uint8Array(count),
    frequencyScores: new Uint8Array(count),
    monetaryScores: new Uint8Array(count),
    segments: new Uint8Array(count),
  };
  for (let row = 0; row < count; row++) {
    const recency = measures.recencyDays[row] as number;
    const r = scoreByEdges(recency, edges.recency, true);
    const f = scoreByEdges(measures.frequency[row] as number, edges.frequency, false);
    const m = scoreByEdges(measures.monetary[row] as number, edges.monetary, false);
    scores.recencyScores[row] = r;
    scores.frequencyScores[row] = f;
    scores.monetaryScores[row] = m;
    scores.segments[row] = segmentIndexFor(r, f, m, isActive(recency, activeWindowDays));
  }
  return scores;
}

/** The scores on a saved segmentation's edges when there are some, else on the file's own quintiles. */
export function scoreRfmOn(
  measures: RfmMeasureColumns,
  activeWindowDays: number,
  edges: RfmEdges | undefined,
): RfmScoreColumns {
  return edges
    ? scoreRfmByEdges(measures, edges, activeWindowDays)
    : scoreRfmColumns(measures, activeWindowDays);
}
