import type { TransactionColumns } from '../input/column-roles.ts';
import { type DecimalMark, inferDecimalMark } from '../input/number-parsing.ts';

/** How many lines of the first batch are read to infer the decimal mark. */
const SAMPLE_LINES = 5_000;

/** The decimal mark of a log's numbers, inferred from the amounts, quantities and prices of its first lines. */
export function inferLogDecimalMark(
  records: readonly (readonly string[])[],
  columns: TransactionColumns,
  delimiter: string,
): DecimalMark {
  return inferDecimalMark(numericSamples(records, columns), delimiter);
}

function* numericSamples(
  records: readonly (readonly string[])[],
  columns: TransactionColumns,
): Generator<string> {
  const numericColumns = [columns.amount, columns.quantity, columns.price].filter(
    (column) => column !== undefined,
  );
  for (const record of records.slice(0, SAMPLE_LINES)) {
    for (const column of numericColumns) yield record[column] ?? '';
  }
}
