import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekId, localDay, reportPeriod } from '../../lambda/delivery/report-period.ts';

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

describe('reportPeriod, weekly', () => {
  it('covers the previous ISO week, Monday to Monday, when run on a Monday morning', () => {
    expect(reportPeriod('weekly', new Date('2026-11-23T06:00:00Z'), 'Europe/Paris')).toEqual({
      kind: 'weekly',
      id: '2026-W47',
      start: '2026-11-16',
      end: '2026-11-23',
      last: '2026-11-22',
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
