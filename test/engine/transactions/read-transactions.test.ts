import { describe, expect, it } from 'vitest';
import type { TransactionColumns } from '../../../lambda/engine/input/column-roles.ts';
import type { RecordBatch } from '../../../lambda/engine/input/record-reader.ts';
import {
  readTransactions,
  type TransactionReadOptions,
  type TransactionReadResult,
} from '../../../lambda/engine/transactions/read-transactions.ts';
import { REJECTION_REASONS } from '../../../lambda/engine/analysis/rejection-reasons.ts';
import { ColumnError, InputError } from '../../../lambda/errors/input-errors.ts';

const at = (iso: string) => Date.parse(`${iso}Z`);
const NOW = at('2024-06-01T12:00:00');

/** Header Invoice,Customer,Date,Quantity,Price: the quantity x price layout of UCI Online Retail. */
const QUANTITY_PRICE = {
  header: ['Invoice', 'Customer', 'Date', 'Quantity', 'Price'],
  columns: { order: 0, customer: 1, date: 2, quantity: 3, price: 4 } satisfies TransactionColumns,
};
/** Header Customer,Date,Amount: no order id (an order is a customer's day), one amount per line. */
const AMOUNT = {
  header: ['Customer', 'Date', 'Amount'],
  columns: { customer: 0, date: 1, amount: 2 } satisfies TransactionColumns,
};

/** The data lines (line 2 onwards, the header being line 1) split on `delimiter`, `perBatch` lines a batch. */
async function* batchesOf(
  lines: readonly string[],
  delimiter: string,
  perBatch: number,
): AsyncGenerator<RecordBatch> {
  for (let start = 0; start < lines.length; start += perBatch) {
    const records = lines
      .slice(start, start + perBatch)
      .map((line) => (line === '' ? [''] : line.split(delimiter)));
    yield { records, firstLine: 2 + start };
  }
}

function read(
  layout: { header: string[]; columns: TransactionColumns },
  lines: readonly string[],
  options: Partial<TransactionReadOptions> & { delimiter?: string; perBatch?: number } = {},
): Promise<TransactionReadResult> {
  const { perBatch = 1000, ...rest } = options;
  const delimiter = rest.delimiter ?? ',';
  return readTransactions(batchesOf(lines, delimiter, perBatch), {
    sourceName: 'sales.csv',
    header: layout.header,
    columns: layout.columns,
    delimiter,
    nowMs: NOW,
    ...rest,
  });
}

/** rowsRead = rowsUsed + every rejection: nothing is dropped silently. */
function expectEveryLineAccountedFor(result: TransactionReadResult): void {
  const rejected = REJECTION_REASONS.reduce((sum, reason) => sum + result.rowsRejected[reason], 0);
  expect(result.rowsUsed + rejected).toBe(result.rowsRead);
}

/** The rejection counts that are not zero. */
function nonZero(result: TransactionReadResult): Record<string, number> {
  return Object.fromEntries(Object.entries(result.rowsRejected).filter(([, count]) => count > 0));
}

describe('readTransactions: cleaning rules, one line each', () => {
  const lines = [
    /* 2 */ '1,A,2024-05-01,2,10',
    /* 3 */ '2,,2024-05-01,1,10',
    /* 4 */ 'C3,A,2024-05-01,-1,10',
    /* 5 */ '4,A,32/13/2024,1,10',
    /* 6 */ '5,A,2024-05-01,1,ten',
    /* 7 */ '6,A,2024-05-01,0,10',
    /* 8 */ '7,A,2024-05-01,-2,10',
    /* 9 */ '8,A,2024-05-01,1,0',
    /* 10 */ '9,A,2024-05-01,1,-11062.06',
    /* 11 */ '10,A,2024-06-02,1,10',
    /* 12 */ '11,A,2024-05-01',
    /* 13 */ '12,B,2024-05-02,3,2.5',
    /* 14 */ '',
    /* 15 */ '   ',
  ];

  it('uses the good lines and counts every other under the one reason it breaks, with its first line', async () => {
    const result = await read(QUANTITY_PRICE, lines);
    expect(result.rowsRead).toBe(12);
    expect(result.rowsUsed).toBe(2);
    expect(nonZero(result)).toEqual({
      wrongFieldCount: 1,
      missingCustomer: 1,
      cancelled: 1,
      unreadableDate: 1,
      unreadableNumber: 1,
      nonPositiveQuantity: 2,
      nonPositivePrice: 2,
      futureDate: 1,
    });
    expect(result.firstRejectedLine).toEqual({
      missingCustomer: 3,
      cancelled: 4,
      unreadableDate: 5,
      unreadableNumber: 6,
      nonPositiveQuantity: 7,
      nonPositivePrice: 9,
      futureDate: 11,
      wrongFieldCount: 12,
    });
    expectEveryLineAccountedFor(result);
    // A: 2 x 10; B: 3 x 2.5.
    expect(result.ledger.histories().map((history) => [history.id, history.monetary])).toEqual([
      ['A', 20],
      ['B', 7.5],
    ]);
  });

  it('checks the rules in order: a line breaking several counts under the first', async () => {
    const result = await read(QUANTITY_PRICE, [
      '1,B,2024-05-01,1,10',
      // no customer and a cancellation: missingCustomer
      'C2,,2024-05-01,-1,10',
      // a cancellation with an unreadable date: cancelled
      'C3,A,garbage,-1,10',
      // unreadable date and number: unreadableDate
      '4,A,garbage,x,10',
      // unreadable number and a future date: unreadableNumber
      '5,A,2030-01-01,x,10',
      // quantity and price both <= 0: nonPositiveQuantity
      '6,A,2024-05-01,0,0',
      // non-positive price and a future date: nonPositivePrice
      '7,A,2030-01-01,1,0',
    ]);
    expect(nonZero(result)).toEqual({
      missingCustomer: 1,
      cancelled: 1,
      unreadableDate: 1,
      unreadableNumber: 1,
      nonPositiveQuantity: 1,
      nonPositivePrice: 1,
    });
    expectEveryLineAccountedFor(result);
  });

  it('takes a cancellation to be C followed by digits, nothing else', async () => {
    const result = await read(QUANTITY_PRICE, [
      'C536379,A,2024-05-01,1,10',
      'CASH1,A,2024-05-01,1,10',
      'A563185,A,2024-05-01,1,10',
    ]);
    expect(result.rowsRejected.cancelled).toBe(1);
    expect(result.rowsUsed).toBe(2);
  });

  it('rejects a non-positive amount in a log with an amount column', async () => {
    const result = await read(AMOUNT, [
      'A,2024-05-01,0.00',
      'A,2024-05-02,-5',
      'A,2024-05-03,12.50',
      'B,2024-05-03,',
    ]);
    expect(nonZero(result)).toEqual({ nonPositiveAmount: 2, unreadableNumber: 1 });
    expect(result.firstRejectedLine).toEqual({ nonPositiveAmount: 2, unreadableNumber: 5 });
    expectEveryLineAccountedFor(result);
  });

  it('rejects a line dated after the moment of the analysis, to the second', async () => {
    const result = await read(AMOUNT, ['A,2024-06-01 12:00:00,1', 'A,2024-06-01 12:00:01,1'], { nowMs: NOW });
    expect(result.rowsUsed).toBe(1);
    expect(nonZero(result)).toEqual({ futureDate: 1 });
    expect(result.firstRejectedLine.futureDate).toBe(3);
  });

  it('rejects lines on or after the as-of day when one is given', async () => {
    const result = await read(
      AMOUNT,
      ['A,2024-03-30 23:59,1', 'A,2024-03-31 00:00,1', 'A,2024-04-02,1', 'A,2030-01-01,1'],
      {
        asOfMs: at('2024-03-31T00:00:00'),
      },
    );
    expect(result.rowsUsed).toBe(1);
    // futureDate is checked before afterAsOf.
    expect(nonZero(result)).toEqual({ afterAsOf: 2, futureDate: 1 });
  });

  it('makes an order of a customer’s purchases of one day when there is no order column', async () => {
    const result = await read(AMOUNT, [
      'A,2024-05-01 09:00,1',
      'A,2024-05-01 17:00,2',
      'A,2024-05-02 09:00,4',
    ]);
    const [history] = result.ledger.histories();
    expect(history?.orderDays).toHaveLength(2);
    expect(history?.monetary).toBe(7);
  });

  it('refuses a header with no data line', async () => {
    const reading = read(AMOUNT, ['', '']);
    await expect(reading).rejects.toBeInstanceOf(ColumnError);
    await expect(reading).rejects.toThrow('sales.csv: the file has a header but no data lines');
  });
});

describe('readTransactions: numbers', () => {
  it('infers a decimal comma from the values and reads grouped thousands and currency signs', async () => {
    const result = await read(
      AMOUNT,
      ['A;2024-05-01;12,50', 'A;2024-05-02;1.234,56 €', 'B;2024-05-02;1\u00a0000,5'],
      {
        delimiter: ';',
      },
    );
    expect(result.decimalMark).toBe(',');
    // A: 12.50 + 1,234.56; B: 1,000.50
    expect(result.ledger.histories().map((history) => history.monetary)).toEqual([1247.06, 1000.5]);
  });

  it('rejects a value written in the other convention instead of reading it 10x too big', async () => {
    const result = await read(AMOUNT, ['A;2024-05-01;12,50', 'A;2024-05-02;3,25', 'A;2024-05-03;12.5'], {
      delimiter: ';',
    });
    expect(result.decimalMark).toBe(',');
    expect(nonZero(result)).toEqual({ unreadableNumber: 1 });
    expect(result.ledger.histories()[0]?.monetary).toBe(15.75);
  });

  it('reads with the decimal mark given, whatever the values and the delimiter say', async () => {
    // Two values of three and the `;` say decimal comma: inferred, only B's amounts would count.
    const lines = ['A;2024-05-01;12.5', 'B;2024-05-02;7,25', 'B;2024-05-03;3,5'];
    expect((await read(AMOUNT, lines, { delimiter: ';' })).decimalMark).toBe(',');
    const result = await read(AMOUNT, lines, { delimiter: ';', decimalMark: '.' });
    expect(result.decimalMark).toBe('.');
    // With a decimal point, `7,25` and `3,5` are no numbers (no groups of three digits): never read as 725, 35.
    expect(nonZero(result)).toEqual({ unreadableNumber: 2 });
    expect(result.ledger.histories().map((history) => [history.id, history.monetary])).toEqual([['A', 12.5]]);
  });
});

describe('readTransactions: day-first or month-first dates', () => {
  it('holds lines back until a date proves day-first, then reads them all day-first', async () => {
    const result = await read(
      AMOUNT,
      ['A,01/02/2024,1', 'B,03/04/2024 10:00,2', 'C,25/04/2024,4', 'A,05/05/2024,8'],
      {
        perBatch: 1,
      },
    );
    expect(result.dateOrder).toBe('dmy');
    expect(result.rowsUsed).toBe(4);
    expect(result.ledger.period).toEqual({
      firstMs: at('2024-02-01T00:00:00'),
      lastMs: at('2024-05-05T00:00:00'),
    });
  });

  it('infers month-first from a second number above 12', async () => {
    const result = await read(AMOUNT, ['A,01/02/2024,1', 'B,12/31/2023,2']);
    expect(result.dateOrder).toBe('mdy');
    expect(result.ledger.period).toEqual({
      firstMs: at('2023-12-31T00:00:00'),
      lastMs: at('2024-01-02T00:00:00'),
    });
  });

  it('refuses dates that never tell their order, naming the column and an example', async () => {
    const reading = read(AMOUNT, ['A,01/12/2010,1', 'B,12/01/2010,2']);
    await expect(reading).rejects.toBeInstanceOf(InputError);
    await expect(reading).rejects.toThrow(
      'sales.csv: column "Date": dates such as "01/12/2010" can be read day-first or month-first',
    );
    await expect(reading).rejects.toMatchObject({ option: 'dateFormat' });
  });

  it('reads the same ambiguous dates in the order given', async () => {
    const dayFirst = await read(AMOUNT, ['A,01/12/2010,1', 'B,12/01/2010,2'], { dateOrder: 'dmy' });
    expect(dayFirst.ledger.period).toEqual({
      firstMs: at('2010-01-12T00:00:00'),
      lastMs: at('2010-12-01T00:00:00'),
    });
    const monthFirst = await read(AMOUNT, ['A,01/12/2010,1', 'B,12/01/2010,2'], { dateOrder: 'mdy' });
    expect(monthFirst.dateOrder).toBe('mdy');
    expect(monthFirst.ledger.period).toEqual({
      firstMs: at('2010-01-12T00:00:00'),
      lastMs: at('2010-12-01T00:00:00'),
    });
    expect(customerDays(dayFirst)).toEqual({ A: '2010-12-01', B: '2010-01-12' });
    expect(customerDays(monthFirst)).toEqual({ A: '2010-01-12', B: '2010-12-01' });
  });

  it('refuses a column that mixes day-first and month-first dates', async () => {
    await expect(read(AMOUNT, ['A,13/01/2024,1', 'B,01/13/2024,2'])).rejects.toThrow(
      'sales.csv: column "Date" mixes day-first ("13/01/2024") and month-first ("01/13/2024") dates',
    );
  });

  it('stops holding lines back past the limit and asks for the order', async () => {
    const lines = Array.from({ length: 6 }, (_, index) => `A,0${index + 1}/01/2024,1`);
    await expect(read(AMOUNT, [...lines, 'A,31/01/2024,1'], { maxUndecidedLines: 5 })).rejects.toThrow(
      'can be read day-first or month-first',
    );
    const within = await read(AMOUNT, [...lines, 'A,31/01/2024,1'], { maxUndecidedLines: 6 });
    expect(within.rowsUsed).toBe(7);
  });

  it('needs no order for ISO and YYYYMMDD dates', async () => {
    const result = await read(AMOUNT, ['A,2024-01-02,1', 'B,20240103,1']);
    expect(result.dateOrder).toBeUndefined();
    expect(result.rowsUsed).toBe(2);
  });
});

describe('readTransactions: progress', () => {
  it('reports the lines read after each batch', async () => {
    const progress: number[] = [];
    await read(AMOUNT, ['A,2024-01-02,1', 'B,2024-01-03,1', 'C,2024-01-04,1'], {
      perBatch: 2,
      onProgress: (lines) => progress.push(lines),
    });
    expect(progress).toEqual([2, 3]);
  });
});

/** Each customer's last purchase day, by id. */
function customerDays(result: TransactionReadResult): Record<string, string> {
  return Object.fromEntries(
    result.ledger
      .histories()
      .map((history) => [history.id, new Date(history.lastPurchaseMs).toISOString().slice(0, 10)]),
  );
}
