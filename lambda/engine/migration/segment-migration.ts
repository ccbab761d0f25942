/**
 * How customers moved between segments from one report to the next (the quarterly review's migration matrix).
 * Customers only in the previous report count as gone, customers only in the current one as new.
 */

/** The row for customers absent from the previous report, and the column for those absent from the current one. */
export const NEW_CUSTOMERS = 'new-customers';
export const GONE_CUSTOMERS = 'gone-customers';

export interface SegmentMove {
  from: string;
  to: string;
  customers: number;
}

export interface SegmentMigration {
  /** Row labels: previous segments in rank order, then NEW_CUSTOMERS. */
  from: string[];
  /** Column labels: current segments in rank order, then GONE_CUSTOMERS. */
  to: string[];
  /** counts[row][column]: customers who were in `from[row]` and are now in `to[column]`. */
  counts: number[][];
  stayed: number;
  /** Moved to a better-ranked segment, or to a worse-ranked one. */
  movedUp: number;
  movedDown: number;
  newCustomers: number;
  goneCustomers: number;
  /** The largest moves between two different segments, largest first (ties by rank). */
  largestMoves: SegmentMove[];
}

/**
 * Counts customers by (previous segment, current segment). `rank` lists the segments best first (RFM segment
 * keys or cluster keys); a segment missing from it ranks after all listed ones, in order of appearance.
 */
export function segmentMigration(
  previous: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string>,
  rank: readonly string[],
  largestMovesCount = 5,
): SegmentMigration {
  const order = [...rank];
  for (const segment of [...previous.values(), ...current.values()])
    if (!order.includes(segment)) order.push(segment);
  const position = new Map(order.map((segment, index) => [segment, index]));
  const from = [...order, NEW_CUSTOMERS];
  const to = [...order, GONE_CUSTOMERS];
  const counts = from.map(() => to.map(() => 0));
  const add = (row: number, column: number) => {
    const cells = counts[row];
    if (cells) cells[column] = (cells[column] ?? 0) + 1;
  };
  let stayed = 0;
  let movedUp = 0;
  let movedDown = 0;
  for (const [customer, was] of previous) {
    const wasAt = position.get(was) ?? 0;
    const now = current.get(customer);
    if (now === undefined) {
      add(wasAt, order.length);
      continue;
    }
    const nowAt = position.get(now) ?? 0;
    add(wasAt, nowAt);
    if (nowAt === wasAt) stayed++;
    else if (nowAt < wasAt) movedUp++;
    else movedDown++;
  }
  let newCustomers = 0;
  for (const [customer, now] of current) {
    if (previous.has(customer)) continue;
    newCustomers++;
    add(order.length, position.get(now) ?? 0);
  }
  const moves: SegmentMove[] = [];
  order.forEach((fromSegment, row) =>
    order.forEach((toSegment, column) => {
      const customers = counts[row]?.[column] ?? 0;
      if (row !== column && customers > 0) moves.push({ from: fromSegment, to: toSegment, customers });
    }),
  );
  moves.sort((a, b) => b.customers - a.customers);
  const goneCustomers = previous.size - stayed - movedUp - movedDown;
  return {
    from,
    to,
    counts,
    stayed,
    movedUp,
    movedDown,
    newCustomers,
    goneCustomers,
    largestMoves: moves.slice(0, largestMovesCount),
  };
}
