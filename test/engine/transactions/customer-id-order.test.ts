import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareIds,
  decimalIdValue,
  sortedKeyOrder,
} from '../../../lambda/engine/transactions/customer-id-order.ts';
import { InternTable } from '../../../lambda/engine/transactions/intern-table.ts';

/** Ids that mix pure numbers (leading zeros, fractions) with text that starts or ends like a number. */
const mixedId = fc.oneof(
  fc.nat({ max: 200 }).map(String),
  fc.stringMatching(/^0{0,2}[0-9]{1,3}(\.[0-9]{1,2})?$/),
  fc.stringMatching(/^[0-9]{0,2}[a-zA-Z.\-éĀ]{1,2}[0-9]{0,2}$/),
  fc.constantFrom('1e2', '0x10', '-3', 'Infinity', '1.', '.5', '😀1', 'Ā'),
);

describe('compareIds', () => {
  it('puts decimal numbers first in numeric order, equal numbers and all other ids in code-unit order', () => {
    const ids = ['10', 'b', '9', 'A', '100', '09', 'a', '1a', '2', '1.5', '1e2', '-3', '10.0', 'Ā'];
    expect([...ids].sort(compareIds)).toEqual([
      '1.5',
      '2',
      '09',
      '9',
      '10',
      '10.0',
      '100',
      '-3',
      '1a',
      '1e2',
      'A',
      'a',
      'b',
      'Ā',
    ]);
  });

  it('breaks the cycle "10" < "1a" < "2" < "10" of comparing pairs by kind', () => {
    const sorted = ['1a', '10', '2'].sort(compareIds);
    expect(sorted).toEqual(['2', '10', '1a']);
    for (const order of [
      ['10', '2', '1a'],
      ['2', '1a', '10'],
      ['1a', '2', '10'],
    ]) {
      expect(order.sort(compareIds)).toEqual(sorted);
    }
  });

  it('reads only plain decimals as numbers', () => {
    expect(decimalIdValue('00017')).toBe(17);
    expect(decimalIdValue('12346.0')).toBe(12_346);
    for (const text of ['1e2', '0x10', '-3', '+3', 'Infinity', '1.', '.5', ' 1', '']) {
      expect(decimalIdValue(text)).toBeNaN();
    }
  });

  it('is a total order: 0 only for equal ids, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(mixedId, mixedId, mixedId, (first, second, third) => {
        const sign = (left: string, right: string) => Math.sign(compareIds(left, right));
        expect(sign(first, second) === 0).toBe(first === second);
        expect(sign(first, second)).toBe(-sign(second, first) || 0);
        if (sign(first, second) <= 0 && sign(second, third) <= 0) {
          expect(sign(first, third)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('sortedKeyOrder', () => {
  it('orders the keys of a table as sorting their texts with compareIds, whatever the order they came in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(mixedId, { maxLength: 60 }), (ids) => {
        const table = new InternTable();
        for (const id of ids) table.intern(id);
        const sorted = Array.from(sortedKeyOrder(table), (index) => table.keyAt(index));
        expect(sorted).toEqual([...ids].sort(compareIds));
      }),
      { numRuns: 300 },
    );
  });

  it('orders text ids sharing a long prefix, differing only in length, NUL or wide code units', () => {
    const tail = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', 'Ā', '😀', '9'), maxLength: 5 });
    fc.assert(
      fc.property(
        fc.uniqueArray(
          tail.map((rest) => `CUST-${rest}`),
          { maxLength: 80 },
        ),
        (ids) => {
          const table = new InternTable();
          for (const id of ids) table.intern(id);
          const sorted = Array.from(sortedKeyOrder(table), (index) => table.keyAt(index));
          expect(sorted).toEqual([...ids].sort(compareIds));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('orders long numbers beyond exact doubles by value, then by text', () => {
    const ids = ['123456789012345678901', '123456789012345678900', '99999999999999999', '5'];
    const table = new InternTable();
    for (const id of ids) table.intern(id);
    expect(Array.from(sortedKeyOrder(table), (index) => table.keyAt(index))).toEqual(
      [...ids].sort(compareIds),
    );
    expect(Array.from(sortedKeyOrder(table), (index) => table.keyAt(index))[0]).toBe('5');
  });
});
