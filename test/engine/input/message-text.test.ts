import { describe, expect, it } from 'vitest';
import {
  listNames,
  listQuotedNames,
  MAX_LIST_CHARACTERS,
  quoteName,
  showName,
} from '../../../lambda/engine/input/message-text.ts';

describe('quoteName and showName', () => {
  it('quote a name as it is when it is short and printable', () => {
    expect(quoteName('Date')).toBe('"Date"');
    expect(quoteName('Quantité')).toBe('"Quantité"');
    expect(showName('Total TTC')).toBe('Total TTC');
  });

  it('escape line breaks and control characters, so that a message stays one line', () => {
    expect(quoteName('Amount\r\n2024')).toBe('"Amount\\r\\n2024"');
    expect(showName('a\tb\u0000c\u2028')).toBe('a\\tb\\u0000c\\u2028');
  });

  it('cut a long name after 40 characters, never between the halves of an emoji', () => {
    expect(quoteName('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(39)}…"`);
    const emojis = '😀'.repeat(30);
    const shown = showName(emojis);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(40);
    expect(shown.slice(0, -1)).toBe('😀'.repeat((shown.length - 1) / 2));
  });
});

describe('listNames', () => {
  it('lists a short header as it is', () => {
    expect(listNames(['Client', 'Date', 'Montant'])).toBe('Client, Date, Montant');
  });

  it('stops a long header near 120 characters and says how many columns it has', () => {
    const header = Array.from({ length: 10_000 }, (_, index) => `f${index}`);
    const listed = listNames(header);
    expect(listed.startsWith('f0, f1, f2, ')).toBe(true);
    expect(listed.endsWith(', … (10,000 columns)')).toBe(true);
    expect(listed.length).toBeLessThanOrEqual(MAX_LIST_CHARACTERS + 30);
  });

  it('stays short when one name is huge', () => {
    expect(listNames(['a'.repeat(5_000_000), 'b']).length).toBeLessThan(60);
  });
});

describe('listQuotedNames', () => {
  it('quotes the first names and counts the others', () => {
    expect(listQuotedNames(['a'])).toBe('"a"');
    expect(listQuotedNames(['a', 'b', 'c'])).toBe('"a", "b", "c"');
    expect(listQuotedNames(['a', 'b', 'c', 'd', 'e'])).toBe('"a", "b", "c" and 2 more');
    expect(listQuotedNames(['a', 'b'], 1)).toBe('"a" and 1 more');
  });
});
