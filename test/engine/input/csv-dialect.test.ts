import { describe, expect, it } from 'vitest';
import { detectDialect, detectNewline, splitOnWhitespace } from '../../../lambda/engine/input/csv-dialect.ts';
import { MalformedFileError } from '../../../lambda/errors/input-errors.ts';

describe('detectNewline', () => {
  it.each([
    ['a,b\n1,2\n', '\n'],
    ['a,b\r\n1,2\r\n', '\r\n'],
    ['a,b\r1,2\r', '\r'],
    ['a,b', '\n'],
  ])('%j uses %j', (sample, newline) => {
    expect(detectNewline(sample)).toBe(newline);
  });
});

describe('detectDialect', () => {
  it.each([
    [',', 'InvoiceNo,Quantity,Price\n1,2,3.5\n2,1,4.0\n'],
    [';', 'N° Facture;Quantité;Prix unitaire\n1;2;3,50\n2;1;4,00\n'],
    ['\t', 'ID\tIncome\tRecency\n1\t58138\t58\n2\t46344\t38\n'],
    ['|', 'client|date|montant\nAndré|2024-01-02|12,5\nZoë|2024-01-03|7\n'],
  ])('finds the delimiter %j', (delimiter, sample) => {
    expect(detectDialect(sample, 'x.csv')).toEqual({ delimiter, newline: '\n' });
  });

  it('is not fooled by decimal commas in a ;-separated file', () => {
    const sample = 'Client;Montant;Quantité\nA;12,50;1\nB;1 234,56;2\nC;0,99;3\n';
    expect(detectDialect(sample, 'x.csv').delimiter).toBe(';');
  });

  it('respects quoted fields that contain the delimiter and line breaks', () => {
    const sample =
      'id,description,amount\r\n1,"Mug, blue",3.5\r\n2,"Lamp\r\nwith ""shade""",12\r\n3,Plate,2\r\n';
    expect(detectDialect(sample, 'x.csv')).toEqual({ delimiter: ',', newline: '\r\n' });
  });

  it('detects whitespace-aligned columns (CDNOW) with CRLF', () => {
    const sample =
      ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n' +
      ' 00002 19970112  1   12.00\r\n 00002 19970112  5   77.00\r\n';
    expect(detectDialect(sample, 'cdnow.txt')).toEqual({ delimiter: 'whitespace', newline: '\r\n' });
  });

  it('ignores the sample’s last line, which may be cut short', () => {
    const sample = 'a;b;c\n1;2;3\n4;5;6\n7;8';
    expect(detectDialect(sample, 'x.csv').delimiter).toBe(';');
  });

  it('rejects text that no delimiter splits into columns, naming the file', () => {
    const prose = 'Dear customer\nThank you for your order\nBest regards\n';
    expect(() => detectDialect(prose, 'letter.txt')).toThrow(MalformedFileError);
    expect(() => detectDialect(prose, 'letter.txt')).toThrow(/^letter\.txt: not a CSV file/);
  });
});

describe('splitOnWhitespace', () => {
  it('splits on runs of spaces and tabs and drops the indentation', () => {
    expect(splitOnWhitespace('  00001 19970101  1 \t 11.77  ')).toEqual(['00001', '19970101', '1', '11.77']);
    expect(splitOnWhitespace('   ')).toEqual([]);
  });
});
