import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodOfId } from '../../lambda/delivery/period-id.ts';
import { reportPeriod } from '../../lambda/delivery/report-period.ts';

describe('periodOfId', () => {
  it('reads an ISO week, Monday to Sunday, and a calendar quarter', () => {
    expect(periodOfId('2011-W48')).toEqual({
      kind: 'weekly',
      id: '2011-W48',
      start: '2011-11-28',
      end: '2011-12-05',
      last: '2011-12-04',
    });
    expect(periodOfId('2020-W53')).toMatchObject({ start: '2020-12-28', last: '2021-01-03' });
    expect(periodOfId('2026-W01')).toMatchObject({ start: '2025-12-29', last: '2026-01-04' });
    expect(periodOfId('2011-Q4')).toEqual({
      kind: 'quarterly',
      id: '2011-Q4',
      start: '2011-10-01',
      end: '2012-01-01',
      last: '2011-12-31',
    });
  });

  it.each([
    '2021-W53',
    '2011-W00',
    '2011-W54',
    '2011-Q0',
    '2011-Q5',
    '2011-48',
    'W48',
    '2011-w48',
    ' 2011-W48',
    '',
  ])('refuses %j: no such week or quarter', (id) => {
    expect(periodOfId(id)).toBeNull();
  });

  it('names the same days as the scheduled run of the Monday (the first day of the quarter) after it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        (now) => {
          for (const kind of ['weekly', 'quarterly'] as const) {
            const { id, start, end, last } = reportPeriod(kind, now, 'UTC');
            expect(periodOfId(id)).toEqual({ kind, id, start, end, last });
          }
        },
      ),
    );
  });
});
