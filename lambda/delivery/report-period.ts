/**
 * The period a scheduled report covers, and its archive name. A weekly report sent on Monday covers the seven
 * days before (the previous ISO week, Monday to Sunday); a quarterly review covers the previous calendar quarter.
 * Days are taken in the configured time zone, so "Monday 07:00 in Paris" belongs to the right week.
 */
import type { ActivityWindows } from '../engine/kpis/period-activity.ts';
import type { ScheduledReportKind } from '../vocabulary/report-kind.ts';

export interface ReportPeriod {
  kind: ScheduledReportKind;
  /** Archive name: `2026-W47` or `2026-Q3`. */
  id: string;
  /** First day and the day after the last, as YYYY-MM-DD (a half-open range), and the last day itself. */
  start: string;
  end: string;
  last: string;
  /** The same half-open range as instants: the local midnights (in the time zone) that begin `start` and `end`. */
  startsAt: Date;
  endsAt: Date;
}

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/** The period that a run of `kind` at `now` reports on. */
export function reportPeriod(kind: ScheduledReportKind, now: Date, timeZone: string): ReportPeriod {
  const today = localDay(now, timeZone);
  if (kind === 'weekly') {
    const weekday = (today.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
    const thisMonday = addDays(today, -weekday);
    const start = addDays(thisMonday, -7);
    return {
      kind,
      id: isoWeekId(start),
      start: isoDay(start),
      end: isoDay(thisMonday),
      last: isoDay(addDays(thisMonday, -1)),
      startsAt: startOfLocalDay(isoDay(start), timeZone),
      endsAt: startOfLocalDay(isoDay(thisMonday), timeZone),
    };
  }
  const quarterStartMonth = Math.floor(today.getUTCMonth() / 3) * 3;
  const end = new Date(Date.UTC(today.getUTCFullYear(), quarterStartMonth, 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 3, 1));
  return {
    kind,
    id: `${start.getUTCFullYear()}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`,
    start: isoDay(start),
    end: isoDay(end),
    last: isoDay(addDays(end, -1)),
    startsAt: startOfLocalDay(isoDay(start), timeZone),
    endsAt: startOfLocalDay(isoDay(end), timeZone),
  };
}

/**
 * The days the report counts as its own, and those it is compared with: the period before it, and the same
 * period a year earlier (52 weeks earlier for a week, so that Mondays meet Mondays; the same calendar quarter).
 */
export function activityWindows(period: Pick<ReportPeriod, 'kind' | 'start' | 'end'>): ActivityWindows {
  const start = new Date(`${period.start}T00:00:00Z`);
  const end = new Date(`${period.end}T00:00:00Z`);
  const current = { first: period.start, end: period.end };
  if (period.kind === 'weekly') {
    return {
      current,
      previous: { first: isoDay(addDays(start, -7)), end: period.start },
      yearAgo: { first: isoDay(addDays(start, -364)), end: isoDay(addDays(end, -364)) },
    };
  }
  const monthsBefore = (day: Date, months: number) =>
    isoDay(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - months, 1)));
  return {
    current,
    previous: { first: monthsBefore(start, 3), end: period.start },
    yearAgo: { first: monthsBefore(start, 12), end: monthsBefore(end, 12) },
  };
}

/** The ISO 8601 week of a day: `2026-W01` is the week with the year's first Thursday. */
export function isoWeekId(day: Date): string {
  const thursday = addDays(day, 3 - ((day.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const firstThursday = addDays(
    new Date(Date.UTC(year, 0, 4)),
    3 - ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7),
  );
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The calendar day of `moment` in `timeZone`, as a UTC midnight Date. */
export function localDay(moment: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
  return new Date(`${parts}T00:00:00Z`);
}

/** A UTC midnight Date as its YYYY-MM-DD day, the form periods and archive names use. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** When `isoDay` begins in `timeZone`: its local midnight, or the first instant after it if the clocks skip it. */
export function startOfLocalDay(isoDay: string, timeZone: string): Date {
  const midnight = Date.parse(`${isoDay}T00:00:00Z`); // the wall-clock reading, written as if it were UTC
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay) || Number.isNaN(midnight)) {
    throw new RangeError(`Not a YYYY-MM-DD day: ${isoDay}`);
  }
  // The clocks read midnight at `midnight - offset` for one of the offsets in force around that day: for two of
  // them when the clocks go back and midnight comes twice (the first starts the day), for none when they jump it.
  const offsets = [-DAY_MS, 0, DAY_MS].map((shift) => offsetAt(midnight + shift, timeZone));
  const midnights = offsets
    .map((offset) => midnight - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === midnight);
  if (midnights.length > 0) return new Date(Math.min(...midnights));
  // Midnight falls in the gap of a jump forward: the day begins at the jump, the first second that reads midnight
  // or later, found by halving the span between the instants that would read midnight under each offset.
  let before = midnight - Math.max(...offsets);
  let after = midnight - Math.min(...offsets);
  for (let step = 0; step < 64 && after - before > SECOND_MS; step++) {
    const middle = before + Math.floor((after - before) / 2 / SECOND_MS) * SECOND_MS;
    if (middle + offsetAt(middle, timeZone) >= midnight) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in ms: the wall-clock reading minus the instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const reading = new Date(0);
  reading.setUTCFullYear(field('year'), field('month') - 1, field('day')); // unlike Date.UTC, keeps years 0-99
  reading.setUTCHours(field('hour'), field('minute'), field('second'));
  return reading.getTime() - Math.floor(instant / SECOND_MS) * SECOND_MS;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** A formatter of the full wall-clock reading in `timeZone`, built once per zone (building one is slow). */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}
