import { describe, expect, it } from 'vitest';
import { ColumnReader } from '../../../lambda/engine/customer-table/column-reader.ts';
import { InputError } from '../../../lambda/errors/input-errors.ts';

const at = (iso: string) => Date.parse(`${iso}Z`);

function read(cells: readonly string[], order?: 'dmy' | 'mdy') {
  const reader = new ColumnReader('Column', '.');
  for (const cell of cells) reader.add(cell);
  return reader.finish(order, 'x.csv');
}

describe('ColumnReader', () => {
  it('keeps numbers as they come, many rows long (its room grows without losing any)', () => {
    const cells = Array.from({ length: 10_000 }, (_, index) => (index % 7 === 0 ? '' : String(index / 4)));
    const profile = read(cells);
    expect(profile.kind).toBe('numeric');
    expect(Array.from(profile.values)).toEqual(
      cells.map((cell) => (cell === '' ? Number.NaN : Number(cell))),
    );
    expect(profile.missing).toBe(cells.filter((cell) => cell === '').length);
  });

  it('reads numbers beyond ±1e15 as missing and counts them; the column stays numeric', () => {
    const profile = read(['12', '1e308', '-2e15', '1e309', '7']);
    expect(profile.kind).toBe('numeric');
    expect(Array.from(profile.values)).toEqual([12, Number.NaN, Number.NaN, Number.NaN, 7]);
    expect(profile).toMatchObject({ implausible: 3, missing: 3, constant: false });
  });

  it('reads a date column whose day/month order is proven late, after numbers and dates of every kind', () => {
    // 20140102 is a YYYYMMDD date among the others; 13/02/2014 proves day-first after the ambiguous ones.
    const profile = read([
      '01/02/2014 08:30',
      '20140102',
      '',
      '2014-03-04',
      '05/06/2014',
      '13/02/2014',
      ...Array(15).fill('02/01/2014'),
    ]);
    expect(profile.kind).toBe('date');
    expect(Array.from(profile.values.slice(0, 6))).toEqual([
      at('2014-02-01T08:30:00'),
      at('2014-01-02T00:00:00'),
      Number.NaN,
      at('2014-03-04T00:00:00'),
      at('2014-06-05T00:00:00'),
      at('2014-02-13T00:00:00'),
    ]);
  });

  it('reads the dates month-first when told, and refuses a column that shows both orders', () => {
    expect(Array.from(read(['01/02/2014', '03/04/2014'], 'mdy').values)).toEqual([
      at('2014-01-02T00:00:00'),
      at('2014-03-04T00:00:00'),
    ]);
    expect(() => read(['13/01/2014', '01/13/2014'])).toThrow(InputError);
    expect(() => read(['13/01/2014', '01/13/2014'])).toThrow(
      'x.csv: column "Column" mixes day-first ("13/01/2014") and month-first ("01/13/2014") dates',
    );
  });

  it('profiles text, and a column with nothing in it as empty', () => {
    expect(read(['PhD', 'Master', '12'])).toMatchObject({ kind: 'text', missing: 0 });
    expect(read(['', ' ', '\t'])).toMatchObject({ kind: 'empty', missing: 3, constant: true });
    expect(read(['', ' ', '\t']).values).toHaveLength(0);
  });

  it('counts a column of one value as constant, a column of years before 1900 as text', () => {
    expect(read(['5', '5', '', '5']).constant).toBe(true);
    expect(read(['0001-01-01', '0099-12-31']).kind).toBe('text');
  });
});
