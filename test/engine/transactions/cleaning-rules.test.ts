import { describe, expect, it } from 'vitest';
import { REJECTION_REASONS } from '../../../lambda/engine/analysis/rejection-reasons.ts';
import { readDate } from '../../../lambda/engine/input/date-parsing.ts';
import {
  type CheckedLine,
  type CleaningContext,
  CLEANING_RULES,
  firstBrokenRule,
  rulesFor,
} from '../../../lambda/engine/transactions/cleaning-rules.ts';

const CONTEXT: CleaningContext = {
  columns: { order: 0, customer: 1, date: 2, quantity: 3, price: 4 },
  fieldCount: 5,
  nowMs: Date.parse('2024-06-01T00:00:00Z'),
  asOfMs: undefined,
  decimalMark: '.',
  dateOrder: undefined,
};

function line(record: string[]): CheckedLine {
  const reading = readDate(record[2] ?? '');
  return { record, reading, ms: Number.NaN, quantity: Number.NaN, price: Number.NaN, amount: Number.NaN };
}

/** The first rule of the whole table the line breaks, as the reader checks it (the date already read). */
function check(checked: CheckedLine, context: CleaningContext = CONTEXT) {
  const rules = rulesFor(context);
  return firstBrokenRule(checked, context, [...rules.beforeDate, ...rules.fromDate]);
}

describe('CLEANING_RULES', () => {
  it('check the reasons in the order REJECTION_REASONS lists them, each once', () => {
    expect(CLEANING_RULES.map((rule) => rule.reason)).toEqual([...REJECTION_REASONS]);
  });

  it('reject a line under the first rule it breaks', () => {
    // Cancelled, dated in the future and with a negative quantity: cancelled comes first.
    expect(check(line(['C1', 'A', '2030-01-01', '-1', '2']))).toBe('cancelled');
    expect(check(line(['1', 'A', '2030-01-01', '-1', '2']))).toBe('nonPositiveQuantity');
    expect(check(line(['1', 'A', '2030-01-01', '1', '2']))).toBe('futureDate');
  });

  it('keep the moment and the amount read on the line for the ledger', () => {
    const checked = line(['1', 'A', '2024-01-02', '3', '2.5']);
    expect(check(checked)).toBeUndefined();
    expect(checked).toMatchObject({
      ms: Date.parse('2024-01-02T00:00:00Z'),
      quantity: 3,
      price: 2.5,
      amount: 7.5,
    });
  });

  it('read a day-or-month date only once the order is known', () => {
    expect(check(line(['1', 'A', '02/01/2024', '1', '1']))).toBe('unreadableDate');
    const checked = line(['1', 'A', '02/01/2024', '1', '1']);
    expect(check(checked, { ...CONTEXT, dateOrder: 'dmy' })).toBeUndefined();
    expect(checked.ms).toBe(Date.parse('2024-01-02T00:00:00Z'));
  });
});

describe('rulesFor', () => {
  it('keeps the rules a log can break, in table order, split where the date rules begin', () => {
    const reasons = (context: CleaningContext) => {
      const rules = rulesFor(context);
      return [rules.beforeDate, rules.fromDate].map((list) => list.map((rule) => rule.reason));
    };
    expect(reasons(CONTEXT)).toEqual([
      ['wrongFieldCount', 'missingCustomer', 'cancelled'],
      [
        'unreadableDate',
        'unreadableNumber',
        'implausibleAmount',
        'nonPositiveQuantity',
        'nonPositivePrice',
        'futureDate',
      ],
    ]);
    const amountLog = { ...CONTEXT, columns: { customer: 0, date: 1, amount: 2 }, asOfMs: 0 };
    expect(reasons(amountLog)).toEqual([
      ['wrongFieldCount', 'missingCustomer'],
      [
        'unreadableDate',
        'unreadableNumber',
        'implausibleAmount',
        'nonPositiveAmount',
        'futureDate',
        'afterAsOf',
      ],
    ]);
  });
});
