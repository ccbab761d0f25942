import { describe, expect, it } from 'vitest';
import { readOrderColumns } from '../../lambda/engine/read-order-columns.ts';
import { ColumnError } from '../../lambda/errors/input-errors.ts';
import { analyzeText } from '../support/analyze-text.ts';

const NOW = new Date('2024-06-01T00:00:00Z');

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}

describe('readOrderColumns', () => {
  it('gives the cleaned distinct orders, customers as rows in id order, as analyzeCsv reads them', async () => {
    const log = [
      'customer;date;amount',
      'b;2024-01-05;10,5',
      'a;2024-01-05;2',
      'a;2024-01-05;3',
      'b;2024-02-01;-4',
      'a;2024-03-01;7',
    ].join('\n');
    const read = await readOrderColumns(bytesOf(log), { sourceName: 'log.csv', now: NOW });
    const rows = [...Array(read.orders.count).keys()].map((order) => [
      read.orders.customers[order],
      read.orders.days[order],
      read.orders.amounts[order],
    ]);
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(read.customerCount).toBe(2);
    expect(rows.sort()).toEqual(
      [
        [0, day('2024-01-05'), 5],
        [0, day('2024-03-01'), 7],
        [1, day('2024-01-05'), 10.5],
      ].sort(),
    );
    expect(read.asOfDay).toBe(day('2024-03-02'));
    const { customers } = await analyzeText(log, { now: NOW });
    expect(customers.map((customer) => customer.id)).toEqual(['a', 'b']);
  });

  it('refuses a customer table with an input error naming the file', async () => {
    const table = 'customer_id,income,visits\n1,100,3\n2,200,4\n';
    await expect(readOrderColumns(bytesOf(table), { sourceName: 'table.csv', now: NOW })).rejects.toThrow(
      ColumnError,
    );
    await expect(readOrderColumns(bytesOf(table), { sourceName: 'table.csv', now: NOW })).rejects.toThrow(
      /^table\.csv: /,
    );
  });
});
