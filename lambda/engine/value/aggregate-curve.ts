/**
 * The base's repeat purchases over time, as the fitted BG/NBD expects them and as they happened: Fader, Hardie &
 * Lee's tracking plot. Each customer from their first purchase on adds E[X(t)] (the unconditional expectation of
 * a new customer, bg-nbd-predictions.ts) at t after it; the curve sums that over the customers, cumulatively,
 * from the first purchase of the file to the end of the horizon. Where it follows the actual cumulative repeat
 * purchases the model fits the base as a whole; past the last day it is the forecast. Exact: E[X] is computed
 * once per day of lag and weighted by the customers who started on each day, so 2M customers cost what 2,000 do.
 */
import { formatIsoDay, MS_PER_DAY } from '../input/date-parsing.ts';
import type { BgNbdParameters } from './bg-nbd-likelihood.ts';
import { expectedPurchasesNewCustomer } from './bg-nbd-predictions.ts';
import type { OrdersByCustomer } from './orders-by-customer.ts';
import { DAYS_PER_UNIT, type TimeUnit } from './purchase-summary.ts';

/** At most this many points: enough for a chart, small in the analysis JSON. */
export const AGGREGATE_CURVE_POINTS = 120;

export interface AggregatePoint {
  readonly day: string;
  /** Cumulative repeat purchase days the model expects by the end of this day. */
  readonly expected: number;
  /** Cumulative repeat purchase days seen by the end of this day; null past the last day seen. */
  readonly actual: number | null;
}

export interface AggregateCurve {
  readonly lastDaySeen: string;
  readonly points: AggregatePoint[];
}

export interface CurveSettings {
  readonly lastDay: number;
  readonly horizonDays: number;
  readonly timeUnit: TimeUnit;
}

/** The curve of the orders (grouped by customer, on or before lastDay) under the fitted parameters. */
export function aggregateCurve(
  orders: OrdersByCustomer,
  parameters: BgNbdParameters,
  settings: CurveSettings,
): AggregateCurve | null {
  const { firstDay, starts, repeats } = dailyCounts(orders, settings.lastDay);
  if (starts.length === 0) return null;
  const seenDays = settings.lastDay - firstDay + 1;
  const totalDays = seenDays + Math.max(0, Math.round(settings.horizonDays));
  const unitDays = DAYS_PER_UNIT[settings.timeUnit];
  // E[X] by whole days of lag: a purchase day's repeat purchases count from the next day on.
  const expectedByLag = Float64Array.from({ length: totalDays }, (_, lag) =>
    expectedPurchasesNewCustomer(parameters, lag / unitDays),
  );
  const step = Math.max(1, Math.ceil(totalDays / AGGREGATE_CURVE_POINTS));
  const offsets = new Set<number>();
  for (let offset = step - 1; offset < totalDays; offset += step) offsets.add(offset);
  offsets.add(seenDays - 1);
  offsets.add(totalDays - 1);
  const cumulativeRepeats = new Float64Array(seenDays);
  for (let offset = 0, sum = 0; offset < seenDays; offset++) {
    sum += repeats[offset] as number;
    cumulativeRepeats[offset] = sum;
  }
  const points = [...offsets]
    .sort((left, right) => left - right)
    .map((offset) => {
      let expected = 0;
      for (let start = 0; start <= Math.min(offset, seenDays - 1); start++) {
        const customers = starts[start] as number;
        if (customers > 0) expected += customers * (expectedByLag[offset - start] as number);
      }
      return {
        day: formatIsoDay((firstDay + offset) * MS_PER_DAY),
        expected,
        actual: offset < seenDays ? (cumulativeRepeats[offset] as number) : null,
      };
    });
  return { lastDaySeen: formatIsoDay(settings.lastDay * MS_PER_DAY), points };
}

/** Customers by first purchase day and repeat purchase days by day, from the file's first day to lastDay. */
function dailyCounts(
  orders: OrdersByCustomer,
  lastDay: number,
): { firstDay: number; starts: Float64Array; repeats: Float64Array } {
  const { offsets, days } = orders;
  const customerCount = offsets.length - 1;
  let firstDay = Number.POSITIVE_INFINITY;
  for (let customer = 0; customer < customerCount; customer++) {
    const start = offsets[customer] as number;
    if (start < (offsets[customer + 1] as number)) firstDay = Math.min(firstDay, days[start] as number);
  }
  if (!(firstDay <= lastDay))
    return { firstDay: 0, starts: new Float64Array(0), repeats: new Float64Array(0) };
  const starts = new Float64Array(lastDay - firstDay + 1);
  const repeats = new Float64Array(lastDay - firstDay + 1);
  for (let customer = 0; customer < customerCount; customer++) {
    const start = offsets[customer] as number;
    const end = offsets[customer + 1] as number;
    if (start === end || (days[start] as number) > lastDay) continue;
    starts[(days[start] as number) - firstDay] = (starts[(days[start] as number) - firstDay] as number) + 1;
    for (let offset = start + 1; offset < end; offset++) {
      const day = days[offset] as number;
      if (day > lastDay) break;
      if (day === days[offset - 1]) continue;
      repeats[day - firstDay] = (repeats[day - firstDay] as number) + 1;
    }
  }
  return { firstDay, starts, repeats };
}
