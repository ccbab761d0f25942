/**
 * A scheduled period named by its archive name, `2011-W48` (an ISO 8601 week) or `2011-Q3` (a calendar quarter):
 * how the command line previews the weekly report of a given week or the quarterly review of a given quarter.
 */
import type { ReportPeriod } from './report-period.ts';
import { isoDay, isoWeekId } from './report-period.ts';

const DAY_MS = 86_400_000;

/** The days of a period named `YYYY-Www` or `YYYY-Qn`; null when the name is neither, or no such week exists. */
export function periodOfId(id: string): Pick<ReportPeriod, 'kind' | 'id' | 'start' | 'end' | 'last'> | null {
  const week = /^(\d{4})-W(\d{2})$/.exec(id);
  if (week) {
    const [year, number] = [Number(week[1]), Number(week[2])];
    const january4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(january4.getTime() - ((january4.getUTCDay() + 6) % 7) * DAY_MS);
    const start = new Date(monday.getTime() + (number - 1) * 7 * DAY_MS);
    // Week 53 exists only in long years, week 0 never: the week found must carry the name asked for.
    if (number < 1 || isoWeekId(start) !== id) return null;
    return days('weekly', id, start, new Date(start.getTime() + 7 * DAY_MS));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) {
    const [year, number] = [Number(quarter[1]), Number(quarter[2])];
    const start = new Date(Date.UTC(year, (number - 1) * 3, 1));
    return days('quarterly', id, start, new Date(Date.UTC(year, number * 3, 1)));
  }
  return null;
}

function days(kind: ReportPeriod['kind'], id: string, start: Date, end: Date) {
  return {
    kind,
    id,
    start: isoDay(start),
    end: isoDay(end),
    last: isoDay(new Date(end.getTime() - DAY_MS)),
  };
}
