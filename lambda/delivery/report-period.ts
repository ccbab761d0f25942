/**
 * The period a scheduled report covers, and its archive name. A weekly report sent on Monday covers the seven
 * days before (the previous ISO week, Monday to Sunday); a quarterly review covers the previous calendar quarter.
 * Days are taken in the configured time zone, so "Monday 07:00 in Paris" belongs to the right week.
 */

export type ScheduleKind = 'weekly' | 'quarterly';

export interface ReportPeriod {
  kind: ScheduleKind;
  /** Archive name: `2026-W47` or `2026-Q3`. */
  id: string;
  /** First day and the day after the last, as YYYY-MM-DD (a half-open range), and the last day itself. */
  start: string;
  end: string;
  last: string;
}

const DAY_MS = 86_400_000;

/** The period that a run of `kind` at `now` reports on. */
export function reportPeriod(kind: ScheduleKind, now: Date, timeZone: string): ReportPeriod {
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

export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}
