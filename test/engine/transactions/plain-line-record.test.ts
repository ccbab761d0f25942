// The fast path's reading of quote-free lines gives the transaction reader what the general path gives it: for a
// line with the header's number of fields, the same text in every column the rules and the ledger read (customer,
// order, date, amounts, currency); for any other line (blank, too few or too many fields), the line's whole record
// as papaparse parses it; and each at the same line number. Checked on random texts of delimiters, line breaks
// and short field texts, read through the splitter in random pieces, against papaparse on every piece.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textCutAt } from '../../support/byte-streams.ts';
import type { CsvDialect } from '../../../lambda/engine/input/csv-dialect.ts';
import { readTableBatches, recordsOf } from '../../../lambda/engine/input/record-reader.ts';
import type { TransactionColumns } from '../../../lambda/engine/input/column-roles.ts';
import { PlainLineRecord } from '../../../lambda/engine/transactions/plain-line-record.ts';

/** What the reader is given, line by line: the line and the columns it may read (the whole record when not cut). */
async function given(
  text: string,
  cuts: readonly number[],
  dialect: CsvDialect,
  columns: TransactionColumns,
  fieldCount: number,
  fast: boolean,
): Promise<unknown[]> {
  const roles = Object.values(columns).filter((column) => column !== undefined);
  const seen: unknown[] = [];
  const read = (record: string[], line: number) =>
    seen.push(
      record.length === fieldCount
        ? { line, roles: roles.map((c) => record[c]) }
        : { line, record: [...record] },
    );
  const plain = new PlainLineRecord(fieldCount, columns, dialect.delimiter);
  const splitting = fast ? 'fast' : 'general';
  for await (const batch of readTableBatches(textCutAt(text, cuts), dialect, 'f.csv', 1, splitting)) {
    if (fast) plain.readBatch(batch, read);
    else recordsOf(batch).forEach((record, index) => read(record, batch.firstLine + index));
  }
  return seen;
}

const DIALECT: CsvDialect = { delimiter: ';', newline: '\n' };

describe('the plain-line record', () => {
  it('gives the rules the columns they read, at the same lines, on any quote-free text cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'b1', ' ', ';', ';;', '\n', '\n\n', 'é', '2024-01-02', ','), {
          maxLength: 80,
        }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 4 }),
        async (parts, cuts, fieldCount, [customer, date, amount, order]) => {
          const columns: TransactionColumns = {
            customer: customer as number,
            date: date as number,
            amount,
            order,
          };
          const text = parts.join('');
          const fast = await given(text, cuts, DIALECT, columns, fieldCount, true);
          expect(fast).toEqual(await given(text, cuts, DIALECT, columns, fieldCount, false));
        },
      ),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('keeps reading lines right after a long run of lines with too few fields', async () => {
    const columns: TransactionColumns = { customer: 0, date: 1, amount: 2 };
    const text = `${'lonely\n'.repeat(20_000)}c1;2024-01-02;3.5\n`;
    const fast = await given(text, [70_000], DIALECT, columns, 3, true);
    expect(fast).toHaveLength(20_001);
    expect(fast.at(-1)).toEqual({ line: 20_001, roles: ['c1', '2024-01-02', '3.5'] });
    expect(fast).toEqual(await given(text, [70_000], DIALECT, columns, 3, false));
  });
});
