import { orderByValue, sortableHighWords } from './value-order.ts';

/**
 * Scores 1..5 by quintiles of the mid-rank, ties kept together: a value's position is
 * (customers below it + half of those equal to it) / customers, and score = 1 + floor(5 x position).
 * Tied customers always share a score (fair: the order of the file never decides). When one value holds more
 * than a fifth of the customers, its whole tie group takes the score of its middle and neighbouring scores stay
 * empty: with most customers at one order, frequency then uses fewer than five scores.
 * `lowerIsBetter` (recency) reverses the scale so that 5 is always best.
 *
 * Cost: the scores need each tie group's rank, not a sorted column. One pass counts the values into 65,536
 * buckets in value order (the top 16 bits of each double's sortable key, so equal values share a bucket); a
 * bucket whose every rank falls in one quintile gives its values that score at once, and only the few buckets a
 * quintile boundary crosses are sorted. At 2M customers that is about a tenth of sorting the column, and the
 * trends score every month's end.
 * @example scoreByQuintile([10, 20, 20, 30, 40]) // Uint8Array [1, 3, 3, 4, 5]
 */
export function scoreByQuintile(values: ArrayLike<number>, lowerIsBetter = false): Uint8Array {
  const count = values.length;
  const scores = new Uint8Array(count);
  if (count === 0) return scores;
  const column = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const value = values[index] as number;
    column[index] = value === 0 ? 0 : value; // -0 ties with +0
  }
  const scoreOf = lowerIsBetter ? scoreFromTop : scoreFromBottom;
  if (count < BUCKETS) {
    // Fewer values than buckets: walking the 65,536 buckets would cost more than sorting them all.
    const all = new Int32Array(count);
    for (let index = 0; index < count; index++) all[index] = index;
    scoreCrossedBuckets(column, all, new Uint32Array(count), new Int32Array(2), scoreOf, scores);
    return scores;
  }
  const buckets = sortableHighWords(column);
  for (let index = 0; index < count; index++) buckets[index] = (buckets[index] as number) >>> BUCKET_SHIFT;
  const below = ranksBelowBuckets(buckets);
  const bucketScores = wholeBucketScores(below, scoreOf);
  scoreSingleValueBuckets(column, buckets, below, scoreOf, bucketScores);
  let crossedCount = 0;
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    if (bucketScores[bucket] === 0) crossedCount += (below[bucket + 1] as number) - (below[bucket] as number);
  }
  const crossed = new Int32Array(crossedCount);
  let next = 0;
  for (let index = 0; index < count; index++) {
    const score = bucketScores[buckets[index] as number] as number;
    if (score === 0) crossed[next++] = index;
    else scores[index] = score;
  }
  scoreCrossedBuckets(column, crossed, buckets, below, scoreOf, scores);
  return scores;
}

const BUCKET_BITS = 16;
const BUCKETS = 1 << BUCKET_BITS;
const BUCKET_SHIFT = 32 - BUCKET_BITS;

type ScoreOfGroup = (start: number, end: number, count: number) => number;

/** below[b]: how many values fall in the buckets before b; below[BUCKETS] is the count. */
function ranksBelowBuckets(buckets: Uint32Array): Int32Array {
  const below = new Int32Array(BUCKETS + 1);
  for (const bucket of buckets) below[bucket + 1] = (below[bucket + 1] as number) + 1;
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    below[bucket + 1] = (below[bucket + 1] as number) + (below[bucket] as number);
  }
  return below;
}

/**
 * The score of every bucket whose tie groups all score alike, 0 for the others: a group's middle lies between
 * its bucket's first and last rank, so the bucket has one score when both ends agree.
 */
function wholeBucketScores(below: Int32Array, scoreOf: ScoreOfGroup): Uint8Array {
  const count = below[BUCKETS] as number;
  const bucketScores = new Uint8Array(BUCKETS);
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const first = below[bucket] as number;
    const last = below[bucket + 1] as number;
    if (last === first) continue;
    const lowest = scoreOf(first, first, count);
    if (lowest === scoreOf(last, last, count)) bucketScores[bucket] = lowest;
  }
  return bucketScores;
}

/**
 * Scores the crossed buckets that hold one value (one tie group: most customers at one order, say), which
 * then need no sort.
 */
function scoreSingleValueBuckets(
  column: Float64Array,
  buckets: Uint32Array,
  below: Int32Array,
  scoreOf: ScoreOfGroup,
  bucketScores: Uint8Array,
): void {
  const firstValues = new Float64Array(BUCKETS).fill(Number.NaN);
  const mixed = new Uint8Array(BUCKETS);
  for (let index = 0; index < column.length; index++) {
    const bucket = buckets[index] as number;
    if (bucketScores[bucket] !== 0) continue;
    const value = column[index] as number;
    if (Number.isNaN(firstValues[bucket] as number)) firstValues[bucket] = value;
    else if (firstValues[bucket] !== value) mixed[bucket] = 1;
  }
  const count = column.length;
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const first = below[bucket] as number;
    const last = below[bucket + 1] as number;
    if (bucketScores[bucket] === 0 && last > first && mixed[bucket] === 0) {
      bucketScores[bucket] = scoreOf(first, last, count);
    }
  }
}

/**
 * Scores the values of the buckets a quintile boundary crosses: sorted together (buckets are in value order,
 * so the sorted values run bucket by bucket), each tie group's ranks are its bucket's first rank plus its place
 * among that bucket's values.
 */
function scoreCrossedBuckets(
  column: Float64Array,
  crossed: Int32Array,
  buckets: Uint32Array,
  below: Int32Array,
  scoreOf: ScoreOfGroup,
  scores: Uint8Array,
): void {
  // A loop, not Float64Array.from with a map function: that takes 100 ns a value in V8.
  const crossedValues = new Float64Array(crossed.length);
  for (let at = 0; at < crossed.length; at++) crossedValues[at] = column[crossed[at] as number] as number;
  const order = orderByValue(crossedValues);
  const count = column.length;
  let bucket = -1;
  let bucketStart = 0;
  let start = 0;
  while (start < order.length) {
    const first = crossed[order[start] as number] as number;
    const value = column[first] as number;
    if (buckets[first] !== bucket) {
      bucket = buckets[first] as number;
      bucketStart = start;
    }
    let end = start + 1;
    while (end < order.length && column[crossed[order[end] as number] as number] === value) end++;
    const rank = (below[bucket] as number) + start - bucketStart;
    const score = scoreOf(rank, rank + end - start, count);
    for (let at = start; at < end; at++) scores[crossed[order[at] as number] as number] = score;
    start = end;
  }
}

/** The score of the tie group of ranks [start, end): its mid-rank position counted from the bottom. */
function scoreFromBottom(start: number, end: number, count: number): number {
  const position = (start + (end - start) / 2) / count;
  return Math.min(5, 1 + Math.floor(5 * position));
}

/** The score of the tie group [start, end) when the scale is reversed: its mid-rank position counted from the top. */
function scoreFromTop(start: number, end: number, count: number): number {
  const positionFromTop = (count - end + (end - start) / 2) / count;
  return Math.min(5, 1 + Math.floor(5 * positionFromTop));
}
