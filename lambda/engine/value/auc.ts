/**
 * The area under the ROC curve from ranks (the Mann-Whitney U statistic divided by positives x negatives): the
 * probability that a positive drawn at random scores above a negative drawn at random, a tie counting half. Ties
 * get the mean of the ranks they span, which is exactly the "half" rule. O(n log n): one sort of the scores.
 */

/**
 * The rank AUC of `scores` against 0/1 `labels`; NaN when either class is empty (the AUC is then undefined).
 * @example rankAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75 (sklearn's roc_auc_score example)
 */
export function rankAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const count = scores.length;
  if (labels.length !== count) throw new RangeError('scores and labels must have the same length');
  const order = Int32Array.from({ length: count }, (_, index) => index).sort(
    (left, right) => (scores[left] as number) - (scores[right] as number),
  );
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < count;) {
    const score = scores[order[start] as number] as number;
    if (Number.isNaN(score)) throw new RangeError('a score is NaN');
    let end = start + 1;
    while (end < count && scores[order[end] as number] === score) end++;
    // Ranks start + 1 .. end (1-based) shared by the tied group: each gets their mean.
    const meanRank = (start + 1 + end) / 2;
    for (let slot = start; slot < end; slot++) {
      if (labels[order[slot] as number] === 1) {
        positives++;
        positiveRankSum += meanRank;
      }
    }
    start = end;
  }
  const negatives = count - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
