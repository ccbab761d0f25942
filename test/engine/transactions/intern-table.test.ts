import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InternTable } from '../../../lambda/engine/transactions/intern-table.ts';

describe('InternTable', () => {
  it('gives each new key the next index, and a known key its index again', () => {
    const table = new InternTable();
    expect(table.intern('17850')).toBe(0);
    expect(table.added).toBe(true);
    expect(table.intern('13047')).toBe(1);
    expect(table.intern('17850')).toBe(0);
    expect(table.added).toBe(false);
    expect(table.size).toBe(2);
    expect([table.keyAt(0), table.keyAt(1)]).toEqual(['17850', '13047']);
  });

  it('keeps any text as it was: latin-1, wider code units, lone surrogates, the empty string, long keys', () => {
    const texts = [
      '',
      'é',
      'Ā',
      'Müller',
      '顧客',
      '😀',
      '\ud800',
      'x'.repeat(10_000),
      'ÿ'.repeat(5_000) + 'Ā',
    ];
    const table = new InternTable();
    const indices = texts.map((text) => table.intern(text));
    expect(indices).toEqual(texts.map((_, index) => index));
    expect(texts.map((text) => table.intern(text))).toEqual(indices);
    expect(indices.map((index) => table.keyAt(index))).toEqual(texts);
    expect(indices.map((index) => table.lengthAt(index))).toEqual(texts.map((text) => text.length));
    // 'ÿ' (255) and 'Ā' (256) differ in one code unit only: one narrow, one wide.
    expect(table.intern('ÿ')).toBe(texts.length);
    expect(table.intern('Ā')).toBe(2);
  });

  it('finds every key again after growing far past its first capacity', () => {
    const table = new InternTable();
    const count = 50_000;
    for (let index = 0; index < count; index++) expect(table.intern(`C${index * 7}`)).toBe(index);
    for (let index = count - 1; index >= 0; index -= 997) {
      expect(table.intern(`C${index * 7}`)).toBe(index);
      expect(table.keyAt(index)).toBe(`C${index * 7}`);
    }
    expect(table.size).toBe(count);
  });

  it('tells keys apart by group: (customer, order) pairs', () => {
    const table = new InternTable({ grouped: true });
    expect(table.intern('536365', 1)).toBe(0);
    expect(table.intern('536365', 2)).toBe(1);
    expect(table.intern('536365', 1)).toBe(0);
    expect(Array.from(table.groups())).toEqual([1, 2]);
    expect(table.groupAt(1)).toBe(2);
  });

  it('makes an appended key findable only once indexed', () => {
    const table = new InternTable({ grouped: true });
    const appended = table.append('o1', 7);
    expect(table.intern('o2', 7)).toBe(1);
    table.index(appended, table.hash('o1', 7));
    expect(table.intern('o1', 7)).toBe(appended);
    expect(table.added).toBe(false);
  });

  it('compares keys in code-unit order, as < does on strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (left, right) => {
        const table = new InternTable();
        const leftIndex = table.intern(left);
        const rightIndex = table.intern(right);
        const expected = left < right ? -1 : left > right ? 1 : 0;
        expect(Math.sign(table.compareKeys(leftIndex, rightIndex))).toBe(expected);
        expect(table.keyAt(rightIndex)).toBe(right);
      }),
    );
  });

  it('refuses new keys once frozen and still reads the old ones', () => {
    const table = new InternTable();
    table.intern('a');
    table.freeze();
    expect(table.keyAt(0)).toBe('a');
    expect(() => table.intern('b')).toThrow(/after freeze/);
  });
});
