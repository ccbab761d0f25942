/**
 * What the SQL path must be told about a transaction log (issue 16), found the engine's way from the file's start:
 * its delimiter, the header of each role (detected, or mapped by the options), its decimal mark (the option, else
 * inferred from the first lines' numbers) and its date layout (the option's order, else read off the first lines'
 * dates). An SQL engine then reads the whole file with them declared.
 */
import { InvalidOptionError } from '../../errors/input-errors.ts';
import { type AnalyzeOptions, resolveAnalyzeOptions } from '../analysis/analyze-options.ts';
import { openTable, transactionColumnsOf } from '../open-table.ts';
import type { DateOrder } from '../input/date-parsing.ts';
import { recordsOf } from '../input/record-reader.ts';
import { inferLogDecimalMark } from '../transactions/log-decimal-mark.ts';
import type { AggregateSource, SqlDateLayout } from './aggregate-sql.ts';

/** The dates looked at to tell the layout: enough to meet a day above 12 in most logs. */
const SAMPLED_DATES = 2_000;

export type LogDescription = Omit<AggregateSource, 'relation' | 'now' | 'asOf'> & {
  /** As the engine's dialect detection names it: a character, or `whitespace`. */
  delimiter: string;
  /** The header of every role found, as the analysis lists them (`input.columns`). */
  roles: Record<string, string>;
};

/** Describes the transaction log in `bytes` for an SQL engine; an InvalidOptionError for anything else. */
export async function describeLogForSql(
  bytes: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions,
): Promise<LogDescription> {
  const resolved = resolveAnalyzeOptions(options);
  // The SQL path aggregates orders, not what each line bought: its clusters are those of R, F and M, and the
  // product and category columns are neither read nor listed (as with purchaseDiversity off).
  const table = await openTable(bytes, { ...resolved, purchaseDiversity: false });
  if (table.shape !== 'transactions') {
    throw new InvalidOptionError(
      `${table.sourceName}: the SQL path aggregates transaction logs, and this file is a customer table`,
      { file: table.sourceName },
    );
  }
  const roles = transactionColumnsOf(table);
  const records: string[][] = [];
  for await (const batch of table.rest) {
    records.push(...recordsOf(batch));
    if (records.length >= SAMPLED_DATES) break;
  }
  const header = (index: number | undefined) => (index === undefined ? undefined : table.header[index]);
  return {
    delimiter: table.dialect.delimiter,
    roles: Object.fromEntries(
      Object.entries(roles).map(([role, index]) => [role, table.header[index as number] ?? '']),
    ),
    columns: {
      customer: header(roles.customer) ?? '',
      order: header(roles.order),
      date: header(roles.date) ?? '',
      amount: header(roles.amount),
      quantity: roles.amount === undefined ? header(roles.quantity) : undefined,
      price: roles.amount === undefined ? header(roles.price) : undefined,
    },
    decimalMark: resolved.decimalMark ?? inferLogDecimalMark(records, roles, table.delimiter),
    dateLayout: dateLayoutOf(
      records.map((record) => (record[roles.date] ?? '').trim()),
      resolved.dateOrder,
      table.sourceName,
    ),
  };
}

/** The layout of the sampled dates: ISO, digits only, or slashes in the order the option or a day above 12 says. */
function dateLayoutOf(
  dates: readonly string[],
  dateOrder: DateOrder | undefined,
  sourceName: string,
): SqlDateLayout {
  const present = dates.filter((date) => date !== '');
  if (present.every((date) => /^\d{4}-\d{2}-\d{2}/.test(date))) return 'ISO';
  if (present.every((date) => /^\d{8}$/.test(date))) return 'YYYYMMDD';
  if (present.every((date) => /^\d{1,2}\/\d{1,2}\/\d{4}/.test(date))) {
    if (dateOrder !== undefined) return dateOrder === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
    const parts = present.map((date) => date.split('/').map(Number));
    if (parts.some(([first = 0]) => first > 12)) return 'DD/MM/YYYY';
    if (parts.some(([, second = 0]) => second > 12)) return 'MM/DD/YYYY';
  }
  throw new InvalidOptionError(
    `${sourceName}: the SQL path reads dates as YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY or MM/DD/YYYY, and cannot tell ` +
      'which one this file uses; pass --date-format DD/MM/YYYY or MM/DD/YYYY',
    { file: sourceName, option: 'dateFormat' },
  );
}
