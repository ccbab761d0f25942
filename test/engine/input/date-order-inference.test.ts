import { describe, expect, it } from 'vitest';
import { DateOrderInference } from '../../../lambda/engine/input/date-order-inference.ts';
import { readDate } from '../../../lambda/engine/input/date-parsing.ts';
import { InputError } from '../../../lambda/errors/input-errors.ts';

/** Feeds the dates to a fresh inference for column "Date" of sales.csv and returns it. */
function observeAll(dates: readonly string[]): DateOrderInference {
  const inference = new DateOrderInference('Date', 'sales.csv');
  for (const date of dates) inference.observe(readDate(date), date);
  return inference;
}

describe('DateOrderInference', () => {
  it('is day-first once a first number is above 12', () => {
    expect(observeAll(['01/02/2024', '03/04/2024', '13/04/2024', '05/06/2024']).order).toBe('dmy');
  });

  it('is month-first once a second number is above 12', () => {
    expect(observeAll(['01/02/2024', '04/13/2024 10:00', '05/06/2024']).order).toBe('mdy');
  });

  it('leaves the order open while every date reads both ways (day and month both up to 12)', () => {
    expect(observeAll(['01/12/2010', '12/01/2010', '05/05/2024']).order).toBeUndefined();
  });

  it('ignores ISO and unreadable dates, which say nothing of the order', () => {
    expect(observeAll(['2024-12-31', '20241231', 'garbage', '']).order).toBeUndefined();
    // Not a date either way: neither proves an order, nor does it "mix" both.
    expect(observeAll(['32/13/2024', '13/13/2024', '01/02/2024']).order).toBeUndefined();
  });

  it('rejects a column that shows both orders, quoting one example of each', () => {
    const inference = observeAll(['13/01/2024']);
    const observe = () => inference.observe(readDate('01/13/2024'), '01/13/2024');
    expect(observe).toThrow(InputError);
    expect(observe).toThrow(
      'sales.csv: column "Date" mixes day-first ("13/01/2024") and month-first ("01/13/2024") dates',
    );
  });

  it('words the ambiguity error with the file, the column and the example, and names the dateFormat option', () => {
    const error = observeAll(['01/02/2024']).ambiguityError('01/02/2024');
    expect(error).toBeInstanceOf(InputError);
    expect(error.option).toBe('dateFormat');
    // How to set the option is each front end's to say: the engine names no flag and no setting.
    expect(error.message).toBe(
      'sales.csv: column "Date": dates such as "01/02/2024" can be read day-first or month-first',
    );
  });

  it('names no option for a column that mixes both orders: no setting reads it right', () => {
    const inference = observeAll(['13/01/2024']);
    try {
      inference.observe(readDate('01/13/2024'), '01/13/2024');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).option).toBeUndefined();
      return;
    }
    throw new Error('the mixed column was accepted');
  });
});
