/**
 * The cleaning rules of a transaction line, one row each, in the order they are checked: a line that breaks one
 * is rejected under that rule's reason and checked no further, so it counts once, under the first rule it breaks.
 * REJECTION_REASONS (analysis/rejection-reasons.ts) names the same reasons in the same order.
 */
import type { RejectionReason } from '../analysis/rejection-reasons.ts';
import type { TransactionColumns } from '../input/column-roles.ts';
import { type DateOrder, type DateReading, resolveDate, type WallClockMs } from '../input/date-parsing.ts';
import { type DecimalMark, isPlausibleAmount, parseDecimal } from '../input/number-parsing.ts';
import type { LogCurrency } from './log-currency.ts';

/**
 * One line as the rules see it. A rule that reads a value keeps it here for the rules after it and for the
 * ledger: `unreadableDate` the moment, `unreadableNumber` the quantity, price and amount.
 */
export interface CheckedLine {
  record: string[];
  /** The date as read before the day/month order applies (the reader reads it before the date rules). */
  reading: DateReading;
  ms: WallClockMs;
  /** NaN when the log has an amount column. */
  quantity: number;
  /** NaN when the log has an amount column. */
  price: number;
  /** The amount column's value, or quantity x price. */
  amount: number;
}

/** A line no rule has read yet. */
export function uncheckedLine(): CheckedLine {
  const unread = Number.NaN;
  return {
    record: [],
    reading: { kind: 'invalid' },
    ms: unread,
    quantity: unread,
    price: unread,
    amount: unread,
  };
}

/** What the rules check a line against; the reader sets the decimal mark and the date order once it knows them. */
export interface CleaningContext {
  columns: TransactionColumns;
  fieldCount: number;
  /** The moment of the analysis: lines dated after it are in the future. */
  nowMs: number;
  /** Start of the as-of day when given: lines on or after it are rejected. */
  asOfMs: number | undefined;
  decimalMark: DecimalMark;
  /** Undefined while unproven: only exact (ISO, YYYYMMDD) dates are readable then. */
  dateOrder: DateOrder | undefined;
  /** The log's currency as its lines name it; absent: no line is checked for its currency. */
  currency?: LogCurrency | undefined;
}

export interface CleaningRule {
  reason: RejectionReason;
  /** Whether the rule can apply to a log at all (absent: always); checked once per log, not per line. */
  appliesTo?(context: CleaningContext): boolean;
  /** True when the line breaks the rule. */
  breaks(line: CheckedLine, context: CleaningContext): boolean;
}

const HAS_AMOUNT = ({ columns }: CleaningContext) => columns.amount !== undefined;
const HAS_QUANTITY_AND_PRICE = ({ columns }: CleaningContext) => columns.amount === undefined;

const CANCELLATION = /^C\d/;

/** The rules in the order they are checked. */
export const CLEANING_RULES: readonly CleaningRule[] = [
  { reason: 'wrongFieldCount', breaks: (line, { fieldCount }) => line.record.length !== fieldCount },
  {
    reason: 'missingCustomer',
    breaks: (line, { columns }) => (line.record[columns.customer] ?? '').trim() === '',
  },
  {
    reason: 'cancelled',
    appliesTo: ({ columns }) => columns.order !== undefined,
    breaks: (line, { columns }) => CANCELLATION.test(line.record[columns.order ?? -1] ?? ''),
  },
  { reason: 'unreadableDate', breaks: (line, context) => Number.isNaN(readMoment(line, context)) },
  {
    reason: 'otherCurrency',
    appliesTo: ({ currency }) => currency !== undefined,
    breaks: (line, { currency }) => (currency as LogCurrency).isOther(line.record),
  },
  { reason: 'unreadableNumber', breaks: (line, context) => !readNumbers(line, context) },
  {
    reason: 'implausibleAmount',
    breaks: (line, { columns }) =>
      columns.amount !== undefined
        ? !isPlausibleAmount(line.amount)
        : !(
            isPlausibleAmount(line.quantity) &&
            isPlausibleAmount(line.price) &&
            isPlausibleAmount(line.amount)
          ),
  },
  { reason: 'nonPositiveQuantity', appliesTo: HAS_QUANTITY_AND_PRICE, breaks: (line) => line.quantity <= 0 },
  { reason: 'nonPositivePrice', appliesTo: HAS_QUANTITY_AND_PRICE, breaks: (line) => line.price <= 0 },
  { reason: 'nonPositiveAmount', appliesTo: HAS_AMOUNT, breaks: (line) => line.amount <= 0 },
  { reason: 'futureDate', breaks: (line, { nowMs }) => line.ms > nowMs },
  {
    reason: 'afterAsOf',
    appliesTo: ({ asOfMs }) => asOfMs !== undefined,
    breaks: (line, { asOfMs }) => line.ms >= (asOfMs as number),
  },
];

/** The rules that can apply to one log, in table order, split where the rules that read the date begin. */
export interface LogRules {
  /** Checked as a line is read. */
  beforeDate: readonly CleaningRule[];
  /** From `unreadableDate` on: a line whose day/month order is still unproven waits before them. */
  fromDate: readonly CleaningRule[];
}

/** The table's rules that can apply to the log of `context` (see `appliesTo`). */
export function rulesFor(context: CleaningContext): LogRules {
  const firstDateRule = CLEANING_RULES.findIndex((rule) => rule.reason === 'unreadableDate');
  const applies = (rule: CleaningRule) => rule.appliesTo?.(context) ?? true;
  return {
    beforeDate: CLEANING_RULES.slice(0, firstDateRule).filter(applies),
    fromDate: CLEANING_RULES.slice(firstDateRule).filter(applies),
  };
}

/** The reason of the first of `rules` the line breaks, or undefined when it breaks none. */
export function firstBrokenRule(
  line: CheckedLine,
  context: CleaningContext,
  rules: readonly CleaningRule[],
): RejectionReason | undefined {
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index] as CleaningRule;
    if (rule.breaks(line, context)) return rule.reason;
  }
  return undefined;
}

/** The line's moment (NaN: unreadable, or a day-or-month date while the order is unproven), kept on the line. */
function readMoment(line: CheckedLine, { dateOrder }: CleaningContext): number {
  const { reading } = line;
  line.ms =
    dateOrder === undefined && reading.kind !== 'exact'
      ? Number.NaN
      : resolveDate(reading, dateOrder ?? 'dmy');
  return line.ms;
}

/**
 * Reads the line's amount (the amount column, or quantity x unit price) and keeps it on the line; false when a
 * number cannot be read (an amount of Infinity x 0 is read, and left to the plausibility rule).
 */
function readNumbers(line: CheckedLine, { columns, decimalMark }: CleaningContext): boolean {
  const { record } = line;
  if (columns.amount !== undefined) {
    line.quantity = Number.NaN;
    line.price = Number.NaN;
    line.amount = parseDecimal(record[columns.amount] ?? '', decimalMark);
    return !Number.isNaN(line.amount);
  }
  line.quantity = parseDecimal(record[columns.quantity ?? -1] ?? '', decimalMark);
  line.price = parseDecimal(record[columns.price ?? -1] ?? '', decimalMark);
  line.amount = line.quantity * line.price;
  return !Number.isNaN(line.quantity) && !Number.isNaN(line.price);
}
