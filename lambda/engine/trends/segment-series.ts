/**
 * The RFM segments period by period, membership recomputed at each period's end: every customer who has bought
 * by then is scored as the analysis scores its customers today (scoreRfmColumns: quintiles, the segment grid,
 * the active window), with recency measured to the period's end and frequency and monetary value from the orders
 * before it. A reader sees segments grow and shrink, not today's labels projected backwards.
 *
 * Cost: one scoring per period of the customers seen so far. Customers are kept in the order of their first
 * period (a counting sort), so those seen by a period's end are a prefix of every column and are scored as
 * subarrays, nothing copied; the per-customer state and scratch are eight typed arrays, 44 bytes a customer.
 */
import { roundToTenThousandths } from '../numbers/round-sum.ts';
import { RFM_SEGMENT_KEYS, type RfmSegmentKey } from '../rfm/rfm-segments.ts';
import { scoreRfmColumns } from '../rfm/score-rfm.ts';
import type { OrdersByPeriod } from './orders-by-period.ts';

/** One segment's series, aligned with the periods. */
export interface SegmentSeries {
  key: RfmSegmentKey;
  /** Customers in the segment at the period's end. */
  members: number[];
  /** Of them, those with an order in the period. */
  buyers: number[];
  /** Their revenue in the period (rounded to 1e-4). */
  revenue: number[];
  /** Their orders in the period. */
  orders: number[];
}

/** The per-customer state at a period's end, by position in first-period order (see rankByFirstPeriod). */
interface CustomerState {
  lastDay: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  /** `monetary` rounded to 1e-4 as the analysis scores it, kept as orders come rather than every period. */
  roundedMonetary: Float64Array;
  /** The last period the customer bought in, and their orders and revenue in it. */
  boughtIn: Int32Array;
  periodOrders: Int32Array;
  periodRevenue: Float64Array;
}

/** Every segment of RFM_SEGMENT_KEYS, in that order, with its series over the periods. */
export function segmentSeries(indexed: OrdersByPeriod, activeWindowDays: number): SegmentSeries[] {
  const { grid, orders, periodOffsets, orderIndices } = indexed;
  const { rank, seenBy } = rankByFirstPeriod(indexed.firstPeriod, grid.count);
  const seen = seenBy[grid.count - 1] ?? 0;
  const state: CustomerState = {
    lastDay: new Int32Array(seen),
    frequency: new Int32Array(seen),
    monetary: new Float64Array(seen),
    roundedMonetary: new Float64Array(seen),
    boughtIn: new Int32Array(seen).fill(-1),
    periodOrders: new Int32Array(seen),
    periodRevenue: new Float64Array(seen),
  };
  const recency = new Int32Array(seen);
  const series = RFM_SEGMENT_KEYS.map((key) => emptySeries(key, grid.count));
  for (let period = 0; period < grid.count; period++) {
    for (let at = periodOffsets[period] as number; at < (periodOffsets[period + 1] as number); at++) {
      const order = orderIndices[at] as number;
      addOrder(state, rank[orders.customers[order] as number] as number, period, order, indexed);
    }
    const count = seenBy[period] as number;
    const end = grid.ends[period] as number;
    for (let row = 0; row < count; row++) recency[row] = end - (state.lastDay[row] as number);
    const { segments } = scoreRfmColumns(
      {
        recencyDays: recency.subarray(0, count),
        frequency: state.frequency.subarray(0, count),
        monetary: state.roundedMonetary.subarray(0, count),
      },
      activeWindowDays,
    );
    tally(series, segments, state, period);
  }
  return series;
}

/**
 * Each customer's position when sorted by first period (stable), and how many customers have a first period at
 * or before each period: those seen by period p's end are positions 0 .. seenBy[p] - 1.
 */
function rankByFirstPeriod(
  firstPeriod: Int32Array,
  periods: number,
): { rank: Int32Array; seenBy: Int32Array } {
  const starts = new Int32Array(periods + 1);
  for (const period of firstPeriod) if (period >= 0) starts[period + 1] = (starts[period + 1] as number) + 1;
  for (let period = 0; period < periods; period++) {
    starts[period + 1] = (starts[period + 1] as number) + (starts[period] as number);
  }
  const seenBy = starts.slice(1);
  const rank = new Int32Array(firstPeriod.length).fill(-1);
  for (let customer = 0; customer < firstPeriod.length; customer++) {
    const period = firstPeriod[customer] as number;
    if (period < 0) continue;
    rank[customer] = starts[period] as number;
    starts[period] = (starts[period] as number) + 1;
  }
  return { rank, seenBy };
}

function addOrder(
  state: CustomerState,
  row: number,
  period: number,
  order: number,
  indexed: OrdersByPeriod,
): void {
  const day = indexed.orders.days[order] as number;
  const amount = indexed.orders.amounts[order] as number;
  if (state.frequency[row] === 0 || day > (state.lastDay[row] as number)) state.lastDay[row] = day;
  state.frequency[row] = (state.frequency[row] as number) + 1;
  state.monetary[row] = (state.monetary[row] as number) + amount;
  state.roundedMonetary[row] = roundToTenThousandths(state.monetary[row] as number);
  if (state.boughtIn[row] !== period) {
    state.boughtIn[row] = period;
    state.periodOrders[row] = 0;
    state.periodRevenue[row] = 0;
  }
  state.periodOrders[row] = (state.periodOrders[row] as number) + 1;
  state.periodRevenue[row] = (state.periodRevenue[row] as number) + amount;
}

/** Adds period `period`'s members, buyers, revenue and orders to each segment's series. */
function tally(series: SegmentSeries[], segments: Uint8Array, state: CustomerState, period: number): void {
  // Per-segment sums in typed arrays first: the loop runs once per customer seen, millions of times a period.
  const segmentCount = series.length;
  const members = new Int32Array(segmentCount);
  const buyers = new Int32Array(segmentCount);
  const orders = new Int32Array(segmentCount);
  const revenue = new Float64Array(segmentCount);
  for (let row = 0; row < segments.length; row++) {
    const segment = segments[row] as number;
    members[segment] = (members[segment] as number) + 1;
    if (state.boughtIn[row] !== period) continue;
    buyers[segment] = (buyers[segment] as number) + 1;
    orders[segment] = (orders[segment] as number) + (state.periodOrders[row] as number);
    revenue[segment] = (revenue[segment] as number) + (state.periodRevenue[row] as number);
  }
  series.forEach((segment, index) => {
    segment.members[period] = members[index] as number;
    segment.buyers[period] = buyers[index] as number;
    segment.orders[period] = orders[index] as number;
    segment.revenue[period] = roundToTenThousandths(revenue[index] as number);
  });
}

function emptySeries(key: RfmSegmentKey, periods: number): SegmentSeries {
  const zeros = () => Array.from({ length: periods }, () => 0);
  return { key, members: zeros(), buyers: zeros(), revenue: zeros(), orders: zeros() };
}
