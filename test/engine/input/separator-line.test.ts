import { describe, expect, it } from 'vitest';
import { readSeparatorLine, skipCharacters } from '../../../lambda/engine/input/separator-line.ts';
import { collectText, textChunks } from '../../support/byte-streams.ts';
import { MalformedFileError } from '../../../lambda/errors/input-errors.ts';

describe('readSeparatorLine', () => {
  it.each([
    ['sep=;\nClient;Montant\n', ';', 6],
    ['sep=,\nCustomer,Amount\n', ',', 6],
    ['sep=|\na|b\n', '|', 6],
    ['sep=\t\na\tb\n', '\t', 6],
    ['SEP=;\na;b\n', ';', 6],
    ['"sep=;"\na;b\n', ';', 8],
    ['sep=;;;\na;b;c;d\n', ';', 8],
    ['sep=; \na;b\n', ';', 7],
  ])('reads Excel’s delimiter line in %j', (text, delimiter, length) => {
    expect(readSeparatorLine(text, 'x.csv')).toEqual({ delimiter, length });
  });

  it('finds none in a file that starts with its header', () => {
    expect(readSeparatorLine('Customer,Amount\nA,1\n', 'x.csv')).toBeUndefined();
    expect(readSeparatorLine('separator;value\nA;1\n', 'x.csv')).toBeUndefined();
  });

  it('refuses a sep= line naming a delimiter it does not read, with the file and the line', () => {
    expect(() => readSeparatorLine('sep=:\na:b\n', 'x.csv')).toThrow(MalformedFileError);
    expect(() => readSeparatorLine('sep=:\na:b\n', 'x.csv')).toThrow(
      'x.csv: line 1: "sep=:" names no delimiter this reader knows (, ; TAB |)',
    );
  });
});

describe('skipCharacters', () => {
  it('drops the first characters of a stream, across chunks', async () => {
    expect(await collectText(skipCharacters(textChunks('sep', '=;\nab', 'c'), 6))).toBe('abc');
    expect(await collectText(skipCharacters(textChunks('sep=;\nabc'), 6))).toBe('abc');
  });
});
