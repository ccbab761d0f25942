import { describe, expect, it } from 'vitest';
import { profileColumn } from '../../../lambda/engine/customers/column-profile.ts';
import { chooseFeatures } from '../../../lambda/engine/customers/customer-table-features.ts';
import { ColumnError } from '../../../lambda/engine/errors.ts';

const AS_OF = Date.parse('2014-07-01T00:00:00Z');
const columns: Record<string, string[]> = {
  ID: ['1', '2', '3', '4'],
  Income: ['100', '', '300', '500'],
  Constant: ['3', '3', '3', '3'],
  Sparse: ['', '', '', '7'],
  Signed: ['01-06-2014', '21-06-2014', '30-06-2014', '30-06-2013'],
  Education: ['PhD', 'Master', 'PhD', 'Basic'],
  Response: ['0', '1', '0', '1'],
};
const profiles = Object.entries(columns).map(([name, cells]) =>
  profileColumn(name, cells, '.', undefined, 'x.csv'),
);
const roles = { id: 0, frequency: [], monetary: [], response: 6 };

describe('chooseFeatures', () => {
  it('keeps the informative numeric columns, dates as days since, missing values set to the median', () => {
    const features = chooseFeatures(profiles, roles, undefined, AS_OF, 'x.csv');
    expect(
      features.map((feature) => [feature.name, feature.source, Array.from(feature.values), feature.imputed]),
    ).toEqual([
      // median of 100, 300, 500 = 300
      ['Income', 'Income', [100, 300, 300, 500], 1],
      // 2014-07-01 minus each date
      ['Signed_days_since', 'Signed', [30, 10, 1, 366], 0],
    ]);
  });

  it('takes the columns given, and refuses unknown or text ones', () => {
    expect(
      chooseFeatures(profiles, roles, ['Constant'], AS_OF, 'x.csv').map((feature) => feature.name),
    ).toEqual(['Constant']);
    expect(() => chooseFeatures(profiles, roles, ['Age'], AS_OF, 'x.csv')).toThrow(ColumnError);
    expect(() => chooseFeatures(profiles, roles, ['Age'], AS_OF, 'x.csv')).toThrow(
      'x.csv: --features: no column "Age"',
    );
    expect(() => chooseFeatures(profiles, roles, ['Education'], AS_OF, 'x.csv')).toThrow(
      'x.csv: --features: column "Education" is not numeric',
    );
  });
});
