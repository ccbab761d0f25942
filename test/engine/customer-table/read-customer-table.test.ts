import { describe, expect, it } from 'vitest';
import { readCustomerTable } from '../../../lambda/engine/customer-table/read-customer-table.ts';
import type { RecordBatch } from '../../../lambda/engine/input/record-reader.ts';
import { MalformedFileError } from '../../../lambda/errors/input-errors.ts';

const roles = { id: 0, frequency: [], monetary: [] };
const header = ['ID', 'Income', 'Spent'];

async function* batchesOf(...batches: RecordBatch[]): AsyncGenerator<RecordBatch> {
  yield* batches;
}

describe('readCustomerTable', () => {
  it('keeps the first row of each id, rejects the others with their reason and first line', async () => {
    const table = await readCustomerTable(
      header,
      batchesOf({
        records: [
          ['K1', '10', '1,5'],
          ['K2', '', '2,5'],
          ['K1', '9', '9'],
          [''],
          ['', '1', '1'],
          ['K3', '1'],
        ],
        firstLine: 2,
      }),
      roles,
      { sourceName: 'x.csv', delimiter: ';' },
    );
    expect(table.ids).toEqual(['K1', 'K2']);
    expect(table.rowsRead).toBe(5);
    expect(table.rejected).toEqual({ duplicateCustomer: 1, missingCustomer: 1, wrongFieldCount: 1 });
    expect(table.firstRejectedLine).toEqual({ duplicateCustomer: 4, missingCustomer: 6, wrongFieldCount: 7 });
    // `;` and no evidence either way: decimal commas.
    expect(table.decimalMark).toBe(',');
    expect(Array.from(table.profiles[2]?.values ?? [])).toEqual([1.5, 2.5]);
  });

  it('infers the decimal mark from the first rows, then reads the later ones with it', async () => {
    const first = Array.from({ length: 2_500 }, (_, row) => [`K${row}`, `${row}.25`, '1']);
    const table = await readCustomerTable(
      header,
      batchesOf({ records: first, firstLine: 2 }, { records: [['LATE', '1.5', '2']], firstLine: 2_502 }),
      roles,
      { sourceName: 'x.csv', delimiter: ',' },
    );
    expect(table.decimalMark).toBe('.');
    expect(table.profiles[1]?.values.at(-1)).toBe(1.5);
  });

  it('refuses a table past its values limit at the line that crosses it, before reading further', async () => {
    const wide = Array.from({ length: 100 }, (_, column) => `f${column}`);
    let pulled = 0;
    async function* rows(): AsyncGenerator<RecordBatch> {
      for (let batch = 0; batch < 1_000; batch++) {
        pulled++;
        yield {
          records: Array.from({ length: 3 }, (_, row) =>
            wide.map((_, column) => `${batch * 3 + row + column}`),
          ),
          firstLine: 2 + batch * 3,
        };
      }
    }
    const reading = readCustomerTable(wide, rows(), roles, {
      sourceName: 'x.csv',
      delimiter: ',',
      maxValues: 1_000,
    });
    await expect(reading).rejects.toBeInstanceOf(MalformedFileError);
    await expect(reading).rejects.toThrow(
      'x.csv: line 12: the customer table holds more than 1,000 values (rows x columns), the most read',
    );
    expect(pulled).toBe(4);
  });
});
