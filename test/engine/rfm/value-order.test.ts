import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByValue } from '../../../lambda/engine/rfm/value-order.ts';

/** The reference: a stable comparator sort of the indices. */
const sortedIndices = (values: readonly number[]) =>
  values.map((_, index) => index).sort((left, right) => (values[left] as number) - (values[right] as number));

describe('orderByValue', () => {
  it('orders indices by value, ascending, equal values in index order', () => {
    expect(Array.from(orderByValue([30, -1, 30, 2]))).toEqual([1, 3, 0, 2]);
    expect(Array.from(orderByValue([]))).toEqual([]);
    expect(Array.from(orderByValue([5]))).toEqual([0]);
  });

  it('handles negatives, zeros of both signs, infinities, tiny and huge magnitudes', () => {
    const values = [0, -0, -1e-300, 1e-300, -Infinity, Infinity, -2.5, 2.5, 1e300, -1e300, 5e-324, -5e-324];
    const order = Array.from(orderByValue(values), (index) => values[index]);
    expect(order).toEqual([...values].sort((left, right) => left - right || (Object.is(left, -0) ? -1 : 1)));
    expect(Object.is(order[5], -0) && Object.is(order[6], 0)).toBe(true);
  });

  it('matches a stable comparator sort on any finite numbers, with many ties', () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0.1 + 0.2, 0.3, 1e-9, 123_456.789),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const order = Array.from(orderByValue(values));
        const expected = sortedIndices(values);
        // -0 and 0 are equal for the comparator, while the radix sort puts -0 first: values are compared with
        // the zeros made one, indices only when no -0 is there.
        const valuesAt = (indices: number[]) => indices.map((index) => (values[index] as number) + 0);
        expect(valuesAt(order)).toEqual(valuesAt(expected));
        if (!values.some((entry) => Object.is(entry, -0))) expect(order).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same order past 8,192 values, where the radix passes take over from the comparison sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true })), {
          minLength: 8_192,
          maxLength: 12_000,
        }),
        (values) => {
          const noNegativeZero = values.map((entry) => entry + 0);
          expect(Array.from(orderByValue(noNegativeZero))).toEqual(sortedIndices(noNegativeZero));
        },
      ),
      { numRuns: 20 },
    );
    // Both sides of the threshold put -0 right before +0, ties in index order.
    for (const count of [8_191, 8_192, 20_000]) {
      const values = Array.from({ length: count }, (_, index) => [0, -0, 1, -1][index % 4] as number);
      const order = Array.from(orderByValue(values));
      expect(order.slice(0, 3)).toEqual([3, 7, 11]);
      const quarter = count / 4;
      const zeros = order.slice(Math.ceil(quarter), Math.ceil(quarter) + Math.floor(quarter) * 2);
      const signs = zeros.map((index) => (Object.is(values[index], -0) ? '-' : '+')).join('');
      expect(signs).toMatch(/^-+\++$/);
    }
  });
});
