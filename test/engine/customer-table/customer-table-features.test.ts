import { describe, expect, it } from 'vitest';
import { profileColumn } from '../../../lambda/engine/customer-table/column-profile.ts';
import { chooseFeatures } from '../../../lambda/engine/customer-table/customer-table-features.ts';
import {
  MAX_CLUSTERED_FEATURES,
  maxFeaturesFor,
} from '../../../lambda/engine/customer-table/feature-limits.ts';
import { ColumnError } from '../../../lambda/errors/input-errors.ts';

const AS_OF = Date.parse('2014-07-01T00:00:00Z');
const columns: Record<string, string[]> = {
  ID: ['1', '2', '3', '4'],
  Income: ['100', '', '300', '500'],
  Constant: ['3', '3', '3', '3'],
  Sparse: ['', '', '', '7'],
  Signed: ['01-06-2014', '21-06-2014', '30-06-2014', '30-06-2013'],
  Education: ['PhD', 'Master', 'PhD', 'Basic'],
  Blank: ['', '', ' ', ''],
  Response: ['0', '1', '0', '1'],
};
const profileAll = (table: Record<string, string[]>) =>
  Object.entries(table).map(([name, cells]) => profileColumn(name, cells, '.', undefined, 'x.csv'));
const profiles = profileAll(columns);
const roles = { id: 0, frequency: [], monetary: [], response: 7 };

describe('chooseFeatures', () => {
  it('keeps the informative numeric columns, dates as days since, missing values set to the median', () => {
    const { features } = chooseFeatures(profiles, roles, undefined, AS_OF, 'x.csv');
    expect(
      features.map((feature) => [feature.name, feature.source, Array.from(feature.values), feature.imputed]),
    ).toEqual([
      // median of 100, 300, 500 = 300
      ['Income', 'Income', [100, 300, 300, 500], 1],
      // 2014-07-01 minus each date
      ['Signed_days_since', 'Signed', [30, 10, 1, 366], 0],
    ]);
  });

  it('says which columns it left out and why: constant, empty, more than half empty', () => {
    const { notes } = chooseFeatures(profiles, roles, undefined, AS_OF, 'x.csv');
    expect(notes).toEqual([
      '1 constant column not clustered: "Constant"',
      '1 empty column not clustered: "Blank"',
      '1 column more than half empty not clustered: "Sparse"',
    ]);
  });

  it('takes the columns given, each once, and refuses unknown, text or empty ones', () => {
    const chosen = chooseFeatures(profiles, roles, ['Constant', ' Constant'], AS_OF, 'x.csv');
    expect(chosen.features.map((feature) => feature.name)).toEqual(['Constant']);
    expect(() => chooseFeatures(profiles, roles, ['Age'], AS_OF, 'x.csv')).toThrow(ColumnError);
    expect(() => chooseFeatures(profiles, roles, ['Age'], AS_OF, 'x.csv')).toThrow(
      'x.csv: --features: no column "Age" (columns: ID, Income, Constant, Sparse, Signed, Education, Blank, Response)',
    );
    expect(() => chooseFeatures(profiles, roles, ['Education'], AS_OF, 'x.csv')).toThrow(
      'x.csv: --features: column "Education" is not numeric',
    );
    expect(() => chooseFeatures(profiles, roles, ['Blank'], AS_OF, 'x.csv')).toThrow(
      'x.csv: --features: column "Blank" is empty',
    );
  });

  it('names a repeated or blank header column by its position, so that every feature name is unique', () => {
    const table = { ID: ['1', '2', '3'], Spend: ['1', '2', '3'], '': ['4', '5', '7'] };
    const twice = [...profileAll(table), profileColumn('Spend', ['9', '1', '5'], '.', undefined, 'x.csv')];
    const { features } = chooseFeatures(twice, { id: 0, frequency: [], monetary: [] }, undefined, AS_OF, 'x');
    expect(features.map((feature) => [feature.name, feature.source])).toEqual([
      ['Spend', 'Spend'],
      ['column 3', ''],
      ['Spend (column 4)', 'Spend'],
    ]);
  });

  it('refuses a table with no column to cluster on, naming the file and why, in one short line', () => {
    const table = {
      ID: ['1', '2', '3'],
      Income: ['52000', '52000', '52000'],
      Recency: ['14', '14', '14'],
      Notes: ['', '', ''],
      Segment: ['a', 'b', 'c'],
    };
    const error = catchError(() =>
      chooseFeatures(profileAll(table), { id: 0, frequency: [], monetary: [] }, undefined, AS_OF, 'crm.csv'),
    );
    expect(error).toBeInstanceOf(ColumnError);
    expect(error.message).toBe(
      'crm.csv: no column to cluster on: 2 constant ("Income" and 1 more), 1 empty ("Notes"), 1 text ("Segment")',
    );
  });

  it('keeps the 50 columns of largest spread of a wider table, and says how many it left out', () => {
    // 60 columns of 100 customers at 0 or 1: column k has k + 1 ones (k < 50) or 100 - k (k >= 50), so its spread,
    // the entropy of a share p of ones, H(p), is smallest for f0 to f9 (1 to 10 ones) and largest for f49 (50).
    const rows = 100;
    const table: Record<string, string[]> = { ID: Array.from({ length: rows }, (_, row) => `K${row}`) };
    for (let column = 0; column < 60; column++) {
      const ones = column < 50 ? column + 1 : 100 - column;
      table[`f${column}`] = Array.from({ length: rows }, (_, row) => (row < ones ? '1' : '0'));
    }
    const choice = chooseFeatures(
      profileAll(table),
      { id: 0, frequency: [], monetary: [] },
      undefined,
      AS_OF,
      'x',
    );
    expect(choice.features).toHaveLength(MAX_CLUSTERED_FEATURES);
    const kept = choice.features.map((feature) => feature.name);
    expect(kept).toEqual(Array.from({ length: 50 }, (_, index) => `f${index + 10}`));
    expect(choice.notes).toEqual([
      '10 columns not clustered beyond the 50 of largest spread (entropy of their values in 10 bins): ' +
        '"f0", "f1", "f2" and 7 more',
    ]);
  });

  it('clusters at most 10,000,000 values: 50 features up to 200,000 customers, fewer past them', () => {
    expect(maxFeaturesFor(2_000)).toBe(50);
    expect(maxFeaturesFor(200_000)).toBe(50);
    expect(maxFeaturesFor(400_000)).toBe(25);
    expect(maxFeaturesFor(1_000_000)).toBe(10);
    expect(maxFeaturesFor(50_000_000)).toBe(1);
  });

  it('refuses more --features than it clusters', () => {
    const many = Array.from({ length: 51 }, (_, index) => `f${index}`);
    expect(() => chooseFeatures(profiles, roles, many, AS_OF, 'x.csv')).toThrow(
      'x.csv: --features: 51 columns given, at most 50 are clustered',
    );
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('no error was thrown');
}
