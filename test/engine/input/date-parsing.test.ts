import { describe, expect, it } from 'vitest';
import {
  type DateReading,
  FIRST_YEAR,
  formatIsoDay,
  MS_PER_DAY,
  parseIsoDay,
  readDate,
  readDateOrderOption,
  resolveDate,
} from '../../../lambda/engine/input/date-parsing.ts';

/** The wall-clock time as milliseconds, written as an ISO instant for readable expectations. */
const at = (iso: string) => Date.parse(`${iso}Z`);

describe('readDate: formats with no day/month question', () => {
  it.each([
    ['2024-03-31', '2024-03-31T00:00:00'],
    ['2024-3-5', '2024-03-05T00:00:00'],
    ['2024/03/31', '2024-03-31T00:00:00'],
    ['2024-03-31 08:26', '2024-03-31T08:26:00'],
    ['2010-12-01 08:26:00', '2010-12-01T08:26:00'],
    ['2024-03-31T08:26:45', '2024-03-31T08:26:45'],
    ['2024-03-31T08:26:45.123', '2024-03-31T08:26:45'],
    ['2024-03-31T08:26:45Z', '2024-03-31T08:26:45'],
    // Wall clock as written: the offset is accepted and not applied.
    ['2024-03-31T23:30:00+02:00', '2024-03-31T23:30:00'],
    ['  2024-03-31  ', '2024-03-31T00:00:00'],
    ['19970101', '1997-01-01T00:00:00'],
    ['20240229', '2024-02-29T00:00:00'],
  ])('%j is %s', (text, iso) => {
    expect(readDate(text)).toEqual({ kind: 'exact', ms: at(iso) });
  });
});

describe('readDate: day-first or month-first, left open', () => {
  it.each([
    ['31/12/2024', 31, 12, 2024, 0],
    ['12/31/2024', 12, 31, 2024, 0],
    ['05/04/2024 14:30', 5, 4, 2024, (14 * 60 + 30) * 60_000],
    ['05/04/2024 14:30:15', 5, 4, 2024, ((14 * 60 + 30) * 60 + 15) * 1000],
    ['04-09-2012', 4, 9, 2012, 0],
    ['1.2.2024', 1, 2, 2024, 0],
  ])('%j reads first=%d second=%d year=%d', (text, first, second, year, timeMs) => {
    expect(readDate(text)).toEqual({ kind: 'day-or-month', first, second, year, timeMs });
  });
});

describe('readDate: not a date', () => {
  it.each([
    '',
    'not a date',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '20241301',
    '2024-03-31 24:00',
    '2024-03-31 08:60',
    '31/12/2024 25:00',
    '31/12/24',
    '12/2024',
    // In the calendar neither day-first nor month-first:
    '32/13/2024',
    '13/13/2024',
    '31/02/2024',
    '02/30/2024',
    '29/02/2023',
  ])('%j', (text) => {
    expect(readDate(text)).toEqual({ kind: 'invalid' });
  });
});

describe('readDate: years before 1900 are unreadable, never shifted', () => {
  // JavaScript's Date.UTC reads the years 0 to 99 as 1900 to 1999: 0001 would become 1901 and 0099 1999.
  it.each([
    '0001-03-04',
    '0099-12-31',
    '0099-12-31 08:00',
    '00990102',
    '01/02/0001',
    '31/12/0099',
    '12/31/0099',
    '1899-12-31',
    '31.12.1899',
  ])('%j', (text) => {
    expect(readDate(text)).toEqual({ kind: 'invalid' });
  });

  it.each(['31/12/99', '12/31/99', '31-12-99', '99-12-31', '991231', '1/2/3'])(
    'two-digit and short years are not read either (the century would be a guess): %j',
    (text) => {
      expect(readDate(text)).toEqual({ kind: 'invalid' });
    },
  );

  it(`reads from ${FIRST_YEAR} on`, () => {
    expect(FIRST_YEAR).toBe(1900);
    expect(readDate('1900-01-01')).toEqual({ kind: 'exact', ms: at('1900-01-01T00:00:00') });
    expect(resolveDate(readDate('01/01/1900'), 'dmy')).toBe(at('1900-01-01T00:00:00'));
    expect(parseIsoDay('0099-06-01')).toBeNaN();
  });
});

describe('resolveDate', () => {
  const slashed = readDate('05/04/2024 14:30');

  it('reads dd/mm/yyyy day-first and mm/dd/yyyy month-first', () => {
    expect(resolveDate(slashed, 'dmy')).toBe(at('2024-04-05T14:30:00'));
    expect(resolveDate(slashed, 'mdy')).toBe(at('2024-05-04T14:30:00'));
  });

  it('gives NaN for a date that is not in the calendar in the given order', () => {
    expect(resolveDate(readDate('31/12/2024'), 'mdy')).toBeNaN();
    expect(resolveDate(readDate('12/31/2024'), 'dmy')).toBeNaN();
    expect(resolveDate(readDate('29/02/2024'), 'dmy')).toBe(at('2024-02-29T00:00:00'));
  });

  it('passes exact readings through and gives NaN for invalid ones, whatever the order', () => {
    const exact: DateReading = readDate('2024-03-31');
    expect(resolveDate(exact, 'mdy')).toBe(at('2024-03-31T00:00:00'));
    expect(resolveDate({ kind: 'invalid' }, 'dmy')).toBeNaN();
  });
});

describe('readDateOrderOption', () => {
  it.each([
    ['DD/MM/YYYY', 'dmy'],
    ['dd-mm-yyyy', 'dmy'],
    ['dmy', 'dmy'],
    ['MM/DD/YYYY', 'mdy'],
    ['mm.dd.yyyy', 'mdy'],
    ['MDY', 'mdy'],
  ])('%j is %j', (option, order) => {
    expect(readDateOrderOption(option)).toBe(order);
  });

  it.each(['YYYY-MM-DD', 'DD/MM', 'european', ''])('reads %j as no order', (option) => {
    expect(readDateOrderOption(option)).toBeUndefined();
  });
});

describe('parseIsoDay and formatIsoDay', () => {
  it('parse YYYY-MM-DD strictly to the start of the day and format it back', () => {
    const ms = parseIsoDay('2011-12-10');
    expect(ms).toBe(at('2011-12-10T00:00:00'));
    expect(ms % MS_PER_DAY).toBe(0);
    expect(formatIsoDay(ms)).toBe('2011-12-10');
    expect(formatIsoDay(at('2011-12-09T23:59:59'))).toBe('2011-12-09');
  });

  it.each(['2011-12-1', '2011-02-30', '10/12/2011', '2011-12-10 08:00', 'tomorrow'])(
    'rejects %j (NaN)',
    (text) => {
      expect(parseIsoDay(text)).toBeNaN();
    },
  );
});
