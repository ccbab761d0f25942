import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityWindows,
  isoDay,
  isoWeekId,
  localDay,
  reportPeriod,
  startOfLocalDay,
} from '../../lambda/delivery/report-period.ts';

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
const HOUR_MS = 3_600_000;
const hoursBetween = (start: Date, end: Date) => (end.getTime() - start.getTime()) / HOUR_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();
/** What the clocks of `timeZone` read at `moment`, as `YYYY-MM-DD HH:mm`. */
const readingIn = (moment: Date, timeZone: string) => {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    formatters.set(timeZone, format);
  }
  return format.format(moment);
};
const dayIn = (moment: Date, timeZone: string) => readingIn(moment, timeZone).slice(0, 10);

describe('reportPeriod, weekly', () => {
  it('covers the previous ISO week, Monday to Monday, when run on a Monday morning', () => {
    expect(reportPeriod('weekly', new Date('2026-11-23T06:00:00Z'), 'Europe/Paris')).toEqual({
      kind: 'weekly',
      id: '2026-W47',
      start: '2026-11-16',
      end: '2026-11-23',
      last: '2026-11-22',
      startsAt: new Date('2026-11-15T23:00:00Z'),
      endsAt: new Date('2026-11-22T23:00:00Z'),
    });
  });

  it('covers the same week whichever day of the following week it runs', () => {
    for (const day of ['2026-11-23', '2026-11-25', '2026-11-29']) {
      expect(reportPeriod('weekly', new Date(`${day}T12:00:00Z`), 'UTC').id).toBe('2026-W47');
    }
  });

  it('takes the day in the configured time zone', () => {
    // Sunday 23:30 in London is already Monday 00:30 in Paris, and still Sunday afternoon in New York.
    const moment = new Date('2025-03-09T23:30:00Z');
    expect(reportPeriod('weekly', moment, 'Europe/Paris')).toMatchObject({
      id: '2025-W10',
      start: '2025-03-03',
      end: '2025-03-10',
    });
    expect(reportPeriod('weekly', moment, 'Europe/London')).toMatchObject({
      id: '2025-W09',
      start: '2025-02-24',
      end: '2025-03-03',
    });
    expect(reportPeriod('weekly', moment, 'America/New_York').id).toBe('2025-W09');
  });

  it('names week 53 and weeks across the new year by their ISO year', () => {
    expect(reportPeriod('weekly', new Date('2021-01-04T07:00:00Z'), 'UTC')).toEqual({
      kind: 'weekly',
      id: '2020-W53',
      start: '2020-12-28',
      end: '2021-01-04',
      last: '2021-01-03',
      startsAt: new Date('2020-12-28T00:00:00Z'),
      endsAt: new Date('2021-01-04T00:00:00Z'),
    });
    expect(reportPeriod('weekly', new Date('2025-01-06T07:00:00Z'), 'UTC')).toMatchObject({
      id: '2025-W01',
      start: '2024-12-30',
      end: '2025-01-06',
    });
    expect(reportPeriod('weekly', new Date('2027-01-04T07:00:00Z'), 'UTC').id).toBe('2026-W53');
  });
});

describe('isoWeekId', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 holds the year's first Thursday
    ['2024-12-30', '2025-W01'], // a Monday whose Thursday is in 2025
    ['2021-01-03', '2020-W53'], // a Sunday still in 2020's last week
    ['2027-01-01', '2026-W53'], // a Friday of 2026's week 53
    ['2015-12-28', '2015-W53'],
    ['2026-11-16', '2026-W47'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekId(utcDay(day))).toBe(week);
  });

  it('agrees for every day of a week and changes on Mondays', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 40 })
      .map((offset) => new Date(Date.UTC(2000, 0, 3 + offset)));
    fc.assert(
      fc.property(day, (date) => {
        const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
        const sunday = new Date(monday.getTime() + 6 * 86_400_000);
        const nextMonday = new Date(monday.getTime() + 7 * 86_400_000);
        return (
          isoWeekId(date) === isoWeekId(monday) &&
          isoWeekId(date) === isoWeekId(sunday) &&
          isoWeekId(date) !== isoWeekId(nextMonday)
        );
      }),
    );
  });
});

describe('reportPeriod, quarterly', () => {
  it('covers the previous calendar quarter', () => {
    expect(reportPeriod('quarterly', new Date('2025-04-01T06:00:00Z'), 'Europe/London')).toEqual({
      kind: 'quarterly',
      id: '2025-Q1',
      start: '2025-01-01',
      end: '2025-04-01',
      last: '2025-03-31',
      // London's midnights: GMT on New Year's Day, BST (UTC+1) on 1 April.
      startsAt: new Date('2025-01-01T00:00:00Z'),
      endsAt: new Date('2025-03-31T23:00:00Z'),
    });
    expect(reportPeriod('quarterly', new Date('2025-09-30T12:00:00Z'), 'UTC')).toMatchObject({
      id: '2025-Q2',
      start: '2025-04-01',
      end: '2025-07-01',
    });
  });

  it('covers the last quarter of the previous year in January', () => {
    expect(reportPeriod('quarterly', new Date('2025-01-02T08:00:00Z'), 'UTC')).toEqual({
      kind: 'quarterly',
      id: '2024-Q4',
      start: '2024-10-01',
      end: '2025-01-01',
      last: '2024-12-31',
      startsAt: new Date('2024-10-01T00:00:00Z'),
      endsAt: new Date('2025-01-01T00:00:00Z'),
    });
  });

  it('takes the day in the configured time zone', () => {
    const moment = new Date('2025-03-31T23:30:00Z');
    expect(reportPeriod('quarterly', moment, 'Europe/Paris').id).toBe('2025-Q1');
    expect(reportPeriod('quarterly', moment, 'UTC').id).toBe('2024-Q4');
  });
});

describe('localDay', () => {
  it('is the calendar day in the time zone, as a UTC midnight', () => {
    const moment = new Date('2025-06-30T22:30:00Z');
    expect(localDay(moment, 'Europe/Paris').toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(localDay(moment, 'UTC').toISOString()).toBe('2025-06-30T00:00:00.000Z');
    expect(localDay(moment, 'Pacific/Auckland').toISOString()).toBe('2025-07-01T00:00:00.000Z');
  });
});

describe('reportPeriod, as instants', () => {
  it('begins and ends at local midnight in Paris, a week of 167 hours when the clocks go forward in March', () => {
    // Monday 31 March 2025, 07:00 in Paris (CEST, UTC+2); the clocks went from 02:00 CET to 03:00 CEST on the 30th.
    const period = reportPeriod('weekly', new Date('2025-03-31T05:00:00Z'), 'Europe/Paris');
    expect(period).toEqual({
      kind: 'weekly',
      id: '2025-W13',
      start: '2025-03-24',
      end: '2025-03-31',
      last: '2025-03-30',
      startsAt: new Date('2025-03-23T23:00:00Z'), // Monday 24 March 00:00 CET (UTC+1)
      endsAt: new Date('2025-03-30T22:00:00Z'), // Monday 31 March 00:00 CEST (UTC+2)
    });
    expect(hoursBetween(period.startsAt, period.endsAt)).toBe(167);
  });

  it('is a week of 169 hours in Paris when the clocks go back in October', () => {
    // Monday 27 October 2025, 07:00 in Paris (CET, UTC+1); the clocks went from 03:00 CEST to 02:00 CET on the 26th.
    const period = reportPeriod('weekly', new Date('2025-10-27T06:00:00Z'), 'Europe/Paris');
    expect(period).toMatchObject({
      id: '2025-W43',
      start: '2025-10-20',
      end: '2025-10-27',
      startsAt: new Date('2025-10-19T22:00:00Z'), // Monday 20 October 00:00 CEST (UTC+2)
      endsAt: new Date('2025-10-26T23:00:00Z'), // Monday 27 October 00:00 CET (UTC+1)
    });
    expect(hoursBetween(period.startsAt, period.endsAt)).toBe(169);
  });

  it('includes in Los Angeles a file uploaded on Sunday evening, Monday in UTC', () => {
    // Monday 10 November 2025, 07:00 PST (UTC-8).
    const winter = reportPeriod('weekly', new Date('2025-11-10T15:00:00Z'), 'America/Los_Angeles');
    expect(winter).toMatchObject({
      start: '2025-11-03',
      end: '2025-11-10',
      startsAt: new Date('2025-11-03T08:00:00Z'),
      endsAt: new Date('2025-11-10T08:00:00Z'),
    });
    const sundayEvening = new Date('2025-11-10T04:00:00Z'); // Sunday 9 November, 20:00 PST
    expect(sundayEvening >= winter.startsAt && sundayEvening < winter.endsAt).toBe(true);
    const previousSundayEvening = new Date('2025-11-03T04:00:00Z'); // Sunday 2 November, 20:00 PST: last week's
    expect(previousSundayEvening < winter.startsAt).toBe(true);

    // Monday 16 June 2025, 07:00 PDT (UTC-7).
    const summer = reportPeriod('weekly', new Date('2025-06-16T14:00:00Z'), 'America/Los_Angeles');
    expect(summer).toMatchObject({
      start: '2025-06-09',
      end: '2025-06-16',
      startsAt: new Date('2025-06-09T07:00:00Z'),
      endsAt: new Date('2025-06-16T07:00:00Z'),
    });
    const summerSundayEvening = new Date('2025-06-16T03:00:00Z'); // Sunday 15 June, 20:00 PDT
    expect(summerSundayEvening >= summer.startsAt && summerSundayEvening < summer.endsAt).toBe(true);
  });

  it('is a week of 169 hours in Los Angeles when the clocks go back in November', () => {
    // Monday 3 November 2025, 07:00 PST; the clocks went from 02:00 PDT to 01:00 PST on the 2nd.
    const period = reportPeriod('weekly', new Date('2025-11-03T15:00:00Z'), 'America/Los_Angeles');
    expect(period.startsAt).toEqual(new Date('2025-10-27T07:00:00Z'));
    expect(period.endsAt).toEqual(new Date('2025-11-03T08:00:00Z'));
    expect(hoursBetween(period.startsAt, period.endsAt)).toBe(169);
  });

  it('begins on the previous UTC day east of UTC', () => {
    // Monday 16 June 2025, 07:00 in Tokyo (UTC+9, no DST) is still Sunday 22:00 in UTC.
    expect(reportPeriod('weekly', new Date('2025-06-15T22:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      id: '2025-W24',
      start: '2025-06-09',
      end: '2025-06-16',
      startsAt: new Date('2025-06-08T15:00:00Z'),
      endsAt: new Date('2025-06-15T15:00:00Z'),
    });
  });

  it('is the UTC midnights in UTC', () => {
    const period = reportPeriod('weekly', new Date('2025-06-16T07:00:00Z'), 'UTC');
    expect(period.startsAt).toEqual(new Date('2025-06-09T00:00:00Z'));
    expect(period.endsAt).toEqual(new Date('2025-06-16T00:00:00Z'));
    expect(hoursBetween(period.startsAt, period.endsAt)).toBe(168);
  });

  it('spans a quarter one hour short when the clocks go forward within it', () => {
    // Wednesday 1 October 2025, 07:00 in Auckland (NZDT, UTC+13); NZST (UTC+12) until 28 September.
    const period = reportPeriod('quarterly', new Date('2025-09-30T18:00:00Z'), 'Pacific/Auckland');
    expect(period).toMatchObject({
      id: '2025-Q3',
      start: '2025-07-01',
      end: '2025-10-01',
      startsAt: new Date('2025-06-30T12:00:00Z'),
      endsAt: new Date('2025-09-30T11:00:00Z'),
    });
    expect(hoursBetween(period.startsAt, period.endsAt)).toBe(92 * 24 - 1);
  });

  it('spans a quarter one hour long in Paris when the clocks go back within it', () => {
    const period = reportPeriod('quarterly', new Date('2025-01-01T06:00:00Z'), 'Europe/Paris');
    expect(period.startsAt).toEqual(new Date('2024-09-30T22:00:00Z')); // 1 October 00:00 CEST
    expect(period.endsAt).toEqual(new Date('2024-12-31T23:00:00Z')); // 1 January 00:00 CET
    expect(hoursBetween(period.startsAt, period.endsAt)).toBe(92 * 24 + 1);
  });

  it('is a week of 167 hours in Santiago, whose clocks skip the midnight starting Sunday', () => {
    // Monday 9 September 2024, 07:00 in Santiago (UTC-3); on Sunday the 8th, 00:00 (UTC-4) became 01:00 (UTC-3).
    const period = reportPeriod('weekly', new Date('2024-09-09T10:00:00Z'), 'America/Santiago');
    expect(period.startsAt).toEqual(new Date('2024-09-02T04:00:00Z'));
    expect(period.endsAt).toEqual(new Date('2024-09-09T03:00:00Z'));
    expect(hoursBetween(period.startsAt, period.endsAt)).toBe(167);
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight, whatever the offset', () => {
    expect(startOfLocalDay('2025-01-15', 'Europe/Paris')).toEqual(new Date('2025-01-14T23:00:00Z'));
    expect(startOfLocalDay('2025-07-15', 'Europe/Paris')).toEqual(new Date('2025-07-14T22:00:00Z'));
    expect(startOfLocalDay('2025-07-15', 'Asia/Kolkata')).toEqual(new Date('2025-07-14T18:30:00Z'));
    expect(startOfLocalDay('2025-07-15', 'UTC')).toEqual(new Date('2025-07-15T00:00:00Z'));
  });

  it('is midnight on the days the clocks change at night, not at midnight', () => {
    expect(startOfLocalDay('2025-03-30', 'Europe/Paris')).toEqual(new Date('2025-03-29T23:00:00Z'));
    expect(startOfLocalDay('2025-10-26', 'Europe/Paris')).toEqual(new Date('2025-10-25T22:00:00Z'));
    expect(startOfLocalDay('2025-03-09', 'America/Los_Angeles')).toEqual(new Date('2025-03-09T08:00:00Z'));
    expect(startOfLocalDay('2025-11-02', 'America/Los_Angeles')).toEqual(new Date('2025-11-02T07:00:00Z'));
  });

  it.each([
    // Zone, day, its first instant, what the clocks read then.
    ['America/Santiago', '2024-09-08', '2024-09-08T04:00:00Z', '01:00'], // 00:00 UTC-4 became 01:00 UTC-3
    ['America/Havana', '2025-03-09', '2025-03-09T05:00:00Z', '01:00'], // 00:00 UTC-5 became 01:00 UTC-4
    ['Asia/Beirut', '2025-03-30', '2025-03-29T22:00:00Z', '01:00'], // 00:00 UTC+2 became 01:00 UTC+3
    ['America/Toronto', '1919-03-31', '1919-03-31T04:30:00Z', '00:30'], // 23:30 UTC-5 became 00:30 UTC-4
  ])('in %s, begins %s at %s when the clocks jump over midnight', (timeZone, day, firstInstant, clock) => {
    const start = startOfLocalDay(day, timeZone);
    expect(start).toEqual(new Date(firstInstant));
    expect(readingIn(start, timeZone)).toBe(`${day} ${clock}`);
    expect(dayIn(new Date(start.getTime() - 1), timeZone) < day).toBe(true);
  });

  it('is the first of two midnights when the clocks go back from 01:00 to 00:00', () => {
    // Havana, Sunday 2 November 2025: 01:00 CDT (UTC-4) became 00:00 CST (UTC-5), so midnight came twice.
    expect(startOfLocalDay('2025-11-02', 'America/Havana')).toEqual(new Date('2025-11-02T04:00:00Z'));
  });

  it('follows the hour that Santiago repeats before midnight when the clocks go back', () => {
    // Saturday 5 April 2025 began at UTC-3; its 23:00 to 24:00 came twice, the second time at UTC-4.
    expect(startOfLocalDay('2025-04-05', 'America/Santiago')).toEqual(new Date('2025-04-05T03:00:00Z'));
    expect(startOfLocalDay('2025-04-06', 'America/Santiago')).toEqual(new Date('2025-04-06T04:00:00Z'));
  });

  it('gives a day the zone skipped whole no instant: it begins when the next day does', () => {
    // Samoa crossed the date line in 2011: Thursday 29 December (UTC-10) was followed by Saturday 31 (UTC+14).
    expect(startOfLocalDay('2011-12-30', 'Pacific/Apia')).toEqual(new Date('2011-12-30T10:00:00Z'));
    expect(startOfLocalDay('2011-12-31', 'Pacific/Apia')).toEqual(new Date('2011-12-30T10:00:00Z'));
  });

  it('refuses what is not a YYYY-MM-DD day', () => {
    expect(() => startOfLocalDay('2025-13-01', 'UTC')).toThrow(RangeError);
    expect(() => startOfLocalDay('1 March 2025', 'UTC')).toThrow(RangeError);
  });

  it('holds every instant of the day and none before, in zones of every kind', () => {
    const zones = [
      'UTC',
      'Europe/Paris',
      'America/Los_Angeles',
      'America/Santiago', // DST changes at midnight
      'America/Havana', // DST changes at midnight
      'Asia/Tokyo', // east of UTC, no DST
      'Pacific/Auckland', // east of UTC, southern DST
      'Asia/Kathmandu', // a quarter-hour offset
      'Australia/Lord_Howe', // a half-hour DST change
    ];
    const instant = fc.date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2060-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (moment, timeZone) => {
        const today = localDay(moment, timeZone);
        const day = isoDay(today);
        const start = startOfLocalDay(day, timeZone);
        const nextStart = startOfLocalDay(isoDay(new Date(today.getTime() + 86_400_000)), timeZone);
        return (
          start <= moment &&
          moment < nextStart &&
          dayIn(start, timeZone) === day &&
          dayIn(new Date(start.getTime() - 1), timeZone) < day
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('activityWindows', () => {
  it('compares a week with the week before and the week 52 weeks earlier, Monday to Monday', () => {
    const period = reportPeriod('weekly', new Date('2026-11-23T06:00:00Z'), 'Europe/Paris');
    expect(activityWindows(period)).toEqual({
      current: { first: '2026-11-16', end: '2026-11-23' },
      previous: { first: '2026-11-09', end: '2026-11-16' },
      yearAgo: { first: '2025-11-17', end: '2025-11-24' },
    });
  });

  it('compares a quarter with the quarter before (across a new year) and the same quarter a year earlier', () => {
    const period = reportPeriod('quarterly', new Date('2026-04-01T06:00:00Z'), 'Europe/Paris');
    expect(activityWindows(period)).toEqual({
      current: { first: '2026-01-01', end: '2026-04-01' },
      previous: { first: '2025-10-01', end: '2026-01-01' },
      yearAgo: { first: '2025-01-01', end: '2025-04-01' },
    });
  });

  it('gives seven-day windows that start on Mondays for any weekly run', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (now) => {
          const windows = activityWindows(reportPeriod('weekly', now, 'America/New_York'));
          for (const { first, end } of Object.values(windows)) {
            expect(utcDay(first).getUTCDay()).toBe(1);
            expect(hoursBetween(utcDay(first), utcDay(end))).toBe(7 * 24);
          }
          expect(windows.previous.end).toBe(windows.current.first);
        },
      ),
    );
  });
});
