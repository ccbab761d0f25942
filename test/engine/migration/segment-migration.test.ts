import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GONE_CUSTOMERS,
  NEW_CUSTOMERS,
  segmentMigration,
} from '../../../lambda/engine/migration/segment-migration.ts';

const RANK = ['champions', 'loyal', 'atRisk', 'lost'];

describe('segmentMigration', () => {
  it('counts stays, moves up and down, new and gone customers on a hand-made example', () => {
    const previous = new Map([
      ['a', 'champions'],
      ['b', 'loyal'],
      ['c', 'loyal'],
      ['d', 'atRisk'],
      ['e', 'lost'],
    ]);
    const current = new Map([
      ['a', 'champions'], // stayed
      ['b', 'atRisk'], // down
      ['c', 'champions'], // up
      ['d', 'champions'], // up
      ['f', 'loyal'], // new
    ]); // e is gone
    const migration = segmentMigration(previous, current, RANK);
    expect(migration.from).toEqual([...RANK, NEW_CUSTOMERS]);
    expect(migration.to).toEqual([...RANK, GONE_CUSTOMERS]);
    expect(migration.counts).toEqual([
      // champions loyal atRisk lost gone
      [1, 0, 0, 0, 0], // was champions
      [1, 0, 1, 0, 0], // was loyal
      [1, 0, 0, 0, 0], // was atRisk
      [0, 0, 0, 0, 1], // was lost
      [0, 1, 0, 0, 0], // new
    ]);
    expect(migration).toMatchObject({
      stayed: 1,
      movedUp: 2,
      movedDown: 1,
      newCustomers: 1,
      goneCustomers: 1,
    });
    expect(migration.largestMoves).toEqual([
      { from: 'loyal', to: 'champions', customers: 1 },
      { from: 'loyal', to: 'atRisk', customers: 1 },
      { from: 'atRisk', to: 'champions', customers: 1 },
    ]);
  });

  it('ranks segments missing from the rank list after the listed ones', () => {
    const migration = segmentMigration(new Map([['a', 'other']]), new Map([['a', 'champions']]), RANK);
    expect(migration.from).toEqual([...RANK, 'other', NEW_CUSTOMERS]);
    expect(migration.movedUp).toBe(1);
  });

  it('accounts for every customer exactly once (property)', () => {
    const segment = fc.constantFrom(...RANK);
    const customers = fc.dictionary(fc.stringMatching(/^[a-f]{1,2}$/), segment);
    fc.assert(
      fc.property(customers, customers, (before, after) => {
        const previous = new Map(Object.entries(before));
        const current = new Map(Object.entries(after));
        const migration = segmentMigration(previous, current, RANK);
        const total = migration.counts.flat().reduce((sum, count) => sum + count, 0);
        const both = [...previous.keys()].filter((id) => current.has(id)).length;
        expect(total).toBe(previous.size + current.size - both);
        expect(migration.stayed + migration.movedUp + migration.movedDown + migration.goneCustomers).toBe(
          previous.size,
        );
        expect(migration.newCustomers).toBe(current.size - both);
      }),
    );
  });
});
