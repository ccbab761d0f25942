import { orderByValue } from './value-order.ts';

/**
 * Scores 1..5 by quintiles of the mid-rank, ties kept together: a value's position is
 * (customers below it + half of those equal to it) / customers, and score = 1 + floor(5 x position).
 * Tied customers always share a score (fair: the order of the file never decides). When one value holds more
 * than a fifth of the customers, its whole tie group takes the score of its middle and neighbouring scores stay
 * empty: with most customers at one order, frequency then uses fewer than five scores.
 * `lowerIsBetter` (recency) reverses the scale so that 5 is always best.
 * @example scoreByQuintile([10, 20, 20, 30, 40]) // Uint8Array [1, 3, 3, 4, 5]
 */
export function scoreByQuintile(values: ArrayLike<number>, lowerIsBetter = false): Uint8Array {
  const count = values.length;
  const scores = new Uint8Array(count);
  const order = orderByValue(values);
  let start = 0;
  while (start < count) {
    const value = values[order[start] as number] as number;
    let end = start + 1;
    while (end < count && values[order[end] as number] === value) end++;
    const position = (start + (end - start) / 2) / count;
    const ascendingScore = Math.min(5, 1 + Math.floor(5 * position));
    const score = lowerIsBetter ? scoreFromTop(start, end, count) : ascendingScore;
    for (let rank = start; rank < end; rank++) scores[order[rank] as number] = score;
    start = end;
  }
  return scores;
}

/** The score of the tie group [start, end) when the scale is reversed: its mid-rank position counted from the top. */
function scoreFromTop(start: number, end: number, count: number): number {
  const positionFromTop = (count - end + (end - start) / 2) / count;
  return Math.min(5, 1 + Math.floor(5 * positionFromTop));
}
