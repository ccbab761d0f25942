import { describe, expect, it } from 'vitest';
import { profileColumn } from '../../../lambda/engine/customer-table/column-profile.ts';
import { InputError } from '../../../lambda/errors/input-errors.ts';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('profileColumn', () => {
  it('profiles a numeric column with its missing values, and whether it is constant', () => {
    const profile = profileColumn('Income', ['58138', '', '46344', '58138'], '.', undefined, 'x.csv');
    expect(profile.kind).toBe('numeric');
    expect(Array.from(profile.values)).toEqual([58138, Number.NaN, 46344, 58138]);
    expect(profile).toMatchObject({ missing: 1, constant: false, implausible: 0 });
    expect(profileColumn('Z_Revenue', ['11', '11', ' 11 '], '.', undefined, 'x.csv').constant).toBe(true);
  });

  it('reads decimal commas when told', () => {
    expect(Array.from(profileColumn('Panier', ['12,5', '1.234,5'], ',', undefined, 'x.csv').values)).toEqual([
      12.5, 1234.5,
    ]);
  });

  it('profiles a dd-mm-yyyy column as dates, the order inferred from the data', () => {
    const profile = profileColumn(
      'Dt_Customer',
      ['04-09-2012', '21-08-2013', '10-02-2014'],
      '.',
      undefined,
      'x.csv',
    );
    expect(profile.kind).toBe('date');
    expect(Array.from(profile.values)).toEqual([at('2012-09-04'), at('2013-08-21'), at('2014-02-10')]);
  });

  it('refuses ambiguous dates unless the order is given', () => {
    const cells = ['04-09-2012', '01-02-2013'];
    expect(() => profileColumn('Dt', cells, '.', undefined, 'x.csv')).toThrow(InputError);
    expect(() => profileColumn('Dt', cells, '.', undefined, 'x.csv')).toThrow(
      'x.csv: column "Dt": dates such as "04-09-2012" can be read day-first or month-first',
    );
    const monthFirst = profileColumn('Dt', cells, '.', 'mdy', 'x.csv');
    expect(Array.from(monthFirst.values)).toEqual([at('2012-04-09'), at('2013-01-02')]);
  });

  it('profiles anything else as text, with no values', () => {
    const profile = profileColumn(
      'Education',
      ['Graduation', 'PhD', 'Master', '2n Cycle'],
      '.',
      undefined,
      'x.csv',
    );
    expect(profile.kind).toBe('text');
    // A text column keeps no values: a table of 10,000 of them costs nothing.
    expect(profile.values).toHaveLength(0);
    expect(profile.missing).toBe(0);
  });
});
