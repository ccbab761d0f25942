import type { TransactionColumns } from '../input/column-roles.ts';
import { DateOrderInference } from '../input/date-order-inference.ts';
import {
  type DateOrder,
  type DateReading,
  MS_PER_DAY,
  readDate,
  resolveDate,
} from '../input/date-parsing.ts';
import {
  type DecimalMark,
  inferDecimalMark,
  isPlausibleAmount,
  parseDecimal,
} from '../input/number-parsing.ts';
import { isBlankRecord, type RecordBatch } from '../input/record-reader.ts';
import { CustomerLedger } from './customer-ledger.ts';
import { emptyRejectionCounts, type RejectionReason } from './rejection-reasons.ts';
import { ColumnError } from '../../errors/input-errors.ts';

export interface TransactionReadOptions {
  sourceName: string;
  header: readonly string[];
  columns: TransactionColumns;
  delimiter: string;
  /** The moment of the analysis: lines dated after it are rejected as future dates. */
  nowMs: number;
  /** Start of the as-of day when given: lines on or after it are rejected. */
  asOfMs?: number | undefined;
  dateOrder?: DateOrder | undefined;
  /** The decimal mark when given; inferred from the first batch's numbers otherwise. */
  decimalMark?: DecimalMark | undefined;
  /** Lines held back while the day/month order of dates is still unproven; past this, the order must be given. */
  maxUndecidedLines?: number;
  onProgress?: ((linesRead: number) => void) | undefined;
}

export interface TransactionReadResult {
  ledger: CustomerLedger;
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: Record<RejectionReason, number>;
  decimalMark: DecimalMark;
  dateOrder: DateOrder | undefined;
  /** The first line rejected for each reason, to point a data team at an example. */
  firstRejectedLine: Partial<Record<RejectionReason, number>>;
}

const CANCELLATION = /^C\d/;

/** Cleans and accumulates a transaction log's records (the header already taken) into a customer ledger. */
export async function readTransactions(
  batches: AsyncIterable<RecordBatch>,
  options: TransactionReadOptions,
): Promise<TransactionReadResult> {
  const { columns, header, sourceName } = options;
  const ledger = new CustomerLedger();
  const rejected = emptyRejectionCounts();
  const firstRejectedLine: Partial<Record<RejectionReason, number>> = {};
  const dateName = header[columns.date] ?? 'date';
  const inference = new DateOrderInference(dateName, sourceName);
  const maxUndecided = options.maxUndecidedLines ?? 200_000;
  let dateOrder = options.dateOrder;
  let decimalMark = options.decimalMark;
  let undecided: { record: string[]; line: number; reading: DateReading }[] = [];
  let rowsRead = 0;
  let rowsUsed = 0;
  let lastDateText = '';
  let lastDateReading: DateReading = { kind: 'invalid' };

  const reject = (reason: RejectionReason, line: number): void => {
    rejected[reason]++;
    firstRejectedLine[reason] ??= line;
  };

  const use = (
    record: string[],
    line: number,
    reading: DateReading,
    mark: DecimalMark,
    order: DateOrder | undefined,
  ) => {
    const ms =
      order === undefined && reading.kind !== 'exact' ? Number.NaN : resolveDate(reading, order ?? 'dmy');
    if (Number.isNaN(ms)) return reject('unreadableDate', line);
    const amount = lineAmount(record, columns, mark);
    if (typeof amount === 'string') return reject(amount, line);
    if (ms > options.nowMs) return reject('futureDate', line);
    if (options.asOfMs !== undefined && ms >= options.asOfMs) return reject('afterAsOf', line);
    const customer = (record[columns.customer] ?? '').trim();
    const orderKey =
      columns.order === undefined
        ? String(Math.floor(ms / MS_PER_DAY))
        : (record[columns.order] ?? '').trim();
    ledger.add(customer, orderKey, ms, amount);
    rowsUsed++;
  };

  for await (const batch of batches) {
    decimalMark ??= inferDecimalMark(numericSamples(batch.records, columns), options.delimiter);
    const mark = decimalMark;
    for (let index = 0; index < batch.records.length; index++) {
      const record = batch.records[index] as string[];
      if (isBlankRecord(record)) continue;
      const line = batch.firstLine + index;
      rowsRead++;
      if (record.length !== header.length) {
        reject('wrongFieldCount', line);
        continue;
      }
      if ((record[columns.customer] ?? '').trim() === '') {
        reject('missingCustomer', line);
        continue;
      }
      if (columns.order !== undefined && CANCELLATION.test(record[columns.order] ?? '')) {
        reject('cancelled', line);
        continue;
      }
      const dateText = record[columns.date] ?? '';
      if (dateText !== lastDateText) {
        lastDateText = dateText;
        lastDateReading = readDate(dateText);
        // Observed after the order is inferred too, so that a column mixing both orders is refused.
        if (options.dateOrder === undefined) inference.observe(lastDateReading, dateText);
      }
      const reading = lastDateReading;
      if (dateOrder === undefined && inference.order !== undefined) {
        dateOrder = inference.order;
        for (const held of undecided) use(held.record, held.line, held.reading, mark, dateOrder);
        undecided = [];
      }
      if (dateOrder === undefined && reading.kind === 'day-or-month') {
        undecided.push({ record, line, reading });
        if (undecided.length > maxUndecided) throw inference.ambiguityError(dateText);
        continue;
      }
      use(record, line, reading, mark, dateOrder);
    }
    options.onProgress?.(rowsRead);
  }
  const firstUndecided = undecided[0];
  if (firstUndecided !== undefined) {
    throw inference.ambiguityError(firstUndecided.record[columns.date] ?? '');
  }
  if (rowsRead === 0) throw new ColumnError(`${sourceName}: the file has a header but no data lines`);
  return {
    ledger,
    rowsRead,
    rowsUsed,
    rowsRejected: rejected,
    decimalMark: decimalMark ?? '.',
    dateOrder,
    firstRejectedLine,
  };
}

/** The line's amount (the amount column, or quantity x unit price), or why the line cannot be used. */
function lineAmount(
  record: string[],
  columns: TransactionColumns,
  mark: DecimalMark,
): number | RejectionReason {
  if (columns.amount !== undefined) {
    const amount = parseDecimal(record[columns.amount] ?? '', mark);
    if (Number.isNaN(amount)) return 'unreadableNumber';
    if (!isPlausibleAmount(amount)) return 'implausibleAmount';
    return amount > 0 ? amount : 'nonPositiveAmount';
  }
  const quantity = parseDecimal(record[columns.quantity ?? -1] ?? '', mark);
  const price = parseDecimal(record[columns.price ?? -1] ?? '', mark);
  if (Number.isNaN(quantity) || Number.isNaN(price)) return 'unreadableNumber';
  const plausible =
    isPlausibleAmount(quantity) && isPlausibleAmount(price) && isPlausibleAmount(quantity * price);
  if (!plausible) return 'implausibleAmount';
  if (quantity <= 0) return 'nonPositiveQuantity';
  if (price <= 0) return 'nonPositivePrice';
  return quantity * price;
}

function* numericSamples(records: string[][], columns: TransactionColumns): Generator<string> {
  const numericColumns = [columns.amount, columns.quantity, columns.price].filter(
    (column) => column !== undefined,
  );
  for (const record of records.slice(0, 5_000)) {
    for (const column of numericColumns) yield record[column] ?? '';
  }
}
