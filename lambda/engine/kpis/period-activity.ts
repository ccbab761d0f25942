/**
 * A scheduled report's own period, counted from the orders: how many orders, how much revenue, how many customers
 * bought, how many of them for the first time, in the period and in the two periods it is compared with (the one
 * before, the same one a year earlier). The windows are days of the file's own calendar (the days its dates name),
 * which delivery takes in the report's time zone: what the week means is decided there, not here.
 */
import { MS_PER_DAY, parseIsoDay } from '../input/date-parsing.ts';
import type { OrderColumns } from '../value/purchase-summary.ts';
import { roundToTenThousandths } from '../numbers/round-sum.ts';

/** Days `first` to the day before `end` (a half-open range), as YYYY-MM-DD. */
export interface DayRange {
  first: string;
  end: string;
}

/** The period a report is about, and the periods it is compared with. */
export interface ActivityWindows {
  current: DayRange;
  previous: DayRange;
  yearAgo: DayRange;
}

export interface ActivityFigures extends DayRange {
  orders: number;
  revenue: number;
  /** Customers with at least one order in the window. */
  customers: number;
  /**
   * Of them, those with no order in the file before the window, and the others; null unless the file holds at
   * least NEW_CUSTOMER_LOOKBACK_DAYS before the window: with a few days of history, every customer looks new.
   */
  newCustomers: number | null;
  returningCustomers: number | null;
}

/**
 * The period's figures, and the comparisons the file covers (null when its orders begin after the window's first
 * day: a week the file only half holds is not a week to compare with).
 */
/** How much history before a window tells a new customer from one whose earlier orders the file lacks. */
export const NEW_CUSTOMER_LOOKBACK_DAYS = 180;

export interface PeriodActivity {
  current: ActivityFigures;
  previous: ActivityFigures | null;
  yearAgo: ActivityFigures | null;
}

/** The activity of `windows` in `orders` (distinct orders: their customer, day and amount). */
export function periodActivity(
  orders: OrderColumns,
  customerCount: number,
  windows: ActivityWindows,
): PeriodActivity {
  const { firstOrderDay, fileFirstDay } = firstOrderDays(orders, customerCount);
  const count = (window: DayRange) => figuresOf(orders, firstOrderDay, fileFirstDay, window);
  const covered = (window: DayRange) => fileFirstDay <= dayNumber(window.first);
  return {
    current: count(windows.current),
    previous: covered(windows.previous) ? count(windows.previous) : null,
    yearAgo: covered(windows.yearAgo) ? count(windows.yearAgo) : null,
  };
}

/** Each customer's first order day (the maximum Int32 for one without orders), and the file's first. */
function firstOrderDays(
  orders: OrderColumns,
  customerCount: number,
): { firstOrderDay: Int32Array; fileFirstDay: number } {
  const firstOrderDay = new Int32Array(customerCount).fill(0x7fffffff);
  let fileFirstDay = Number.POSITIVE_INFINITY;
  for (let order = 0; order < orders.count; order++) {
    const customer = orders.customers[order] as number;
    const day = orders.days[order] as number;
    if (day < (firstOrderDay[customer] as number)) firstOrderDay[customer] = day;
    if (day < fileFirstDay) fileFirstDay = day;
  }
  return { firstOrderDay, fileFirstDay };
}

function figuresOf(
  orders: OrderColumns,
  firstOrderDay: Int32Array,
  fileFirstDay: number,
  window: DayRange,
): ActivityFigures {
  const first = dayNumber(window.first);
  const end = dayNumber(window.end);
  const bought = new Uint8Array(firstOrderDay.length);
  let orderCount = 0;
  let revenue = 0;
  let customers = 0;
  let newCustomers = 0;
  for (let order = 0; order < orders.count; order++) {
    const day = orders.days[order] as number;
    if (day < first || day >= end) continue;
    orderCount++;
    revenue += orders.amounts[order] as number;
    const customer = orders.customers[order] as number;
    if (bought[customer] === 1) continue;
    bought[customer] = 1;
    customers++;
    if ((firstOrderDay[customer] as number) >= first) newCustomers++;
  }
  const knowsFirstOrders = fileFirstDay <= first - NEW_CUSTOMER_LOOKBACK_DAYS;
  return {
    ...window,
    orders: orderCount,
    revenue: roundToTenThousandths(revenue),
    customers,
    newCustomers: knowsFirstOrders ? newCustomers : null,
    returningCustomers: knowsFirstOrders ? customers - newCustomers : null,
  };
}

/** The last day of a half-open range: the day before its end, as YYYY-MM-DD. */
export function lastDayOf(range: DayRange): string {
  return new Date((dayNumber(range.end) - 1) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as the day number the orders carry (whole days since 1970 of the file's calendar). */
function dayNumber(isoDay: string): number {
  const ms = parseIsoDay(isoDay);
  if (Number.isNaN(ms)) throw new RangeError(`Not a YYYY-MM-DD day: ${isoDay}`);
  return Math.floor(ms / MS_PER_DAY);
}
