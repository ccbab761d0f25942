/**
 * The per-customer aggregation of a transaction log as SQL (issue 16), one description for two dialects: Athena
 * (Trino, engine v3) on AWS, DuckDB locally. The lines go through the engine's cleaning rules in the engine's order
 * (transactions/cleaning-rules.ts), each line rejected under the first rule it breaks; the used lines make orders
 * (a customer's lines of one order id, or of one day without an order column), and the orders make one row per
 * customer: first and last purchase day, distinct orders, distinct purchase days, monetary value. The dialects
 * differ only in the expressions `DIALECTS` names (date parsing, regular expressions, day numbers).
 *
 * What the SQL path reads is declared, not inferred: the header of each role, the date layout and the decimal
 * mark. Numbers are read as plain decimals (`1234.5`, or `1234,5` with a decimal comma, thousands unmarked); the
 * engine also reads grouped thousands and currency signs. Lines of the wrong width are the CSV reader's.
 */
import { MAX_PLAUSIBLE_AMOUNT } from '../input/number-parsing.ts';
import type { RejectionReason } from '../analysis/rejection-reasons.ts';

import { DIALECTS, type DialectWords, type SqlDateLayout, type SqlDialect } from './sql-dialects.ts';

export { SQL_DATE_LAYOUTS, SQL_DIALECTS, type SqlDateLayout, type SqlDialect } from './sql-dialects.ts';

/** Where the lines are and how to read them. */
export interface AggregateSource {
  /** The relation the lines are read from: a table name, or `read_csv(...)` for DuckDB. */
  relation: string;
  /** The header of each role; `amount`, or `quantity` and `price`. */
  columns: {
    customer: string;
    order?: string | undefined;
    date: string;
    amount?: string | undefined;
    quantity?: string | undefined;
    price?: string | undefined;
  };
  dateLayout: SqlDateLayout;
  decimalMark: '.' | ',';
  /** Lines dated after this moment are in the future (`futureDate`). */
  now: Date;
  /** Lines on or after this day (YYYY-MM-DD) are left out (`afterAsOf`). */
  asOf?: string | undefined;
}

/** The queries of one source in one dialect. */
export interface AggregateQueries {
  /** Each line with its values read and the first rule it breaks (`rejection`, NULL for a used line). */
  lines: string;
  /** One row per customer: customer, first_day, last_day, orders, purchase_days, monetary. */
  customers: string;
  /** One row per rejection reason with lines: reason, lines. */
  rejections: string;
  /**
   * One row per order of the used lines: customer, order_key, first_ms and last_ms (its lines' first and last
   * moments), amount: what the engine's ledger makes of the lines (analyze-aggregate.ts reads it back).
   */
  orders: string;
  /** One row: lines_read (every data line, used or rejected). */
  totals: string;
}

/** The per-customer aggregation and the rejection counts of `source`, in `dialect`. */
export function aggregateQueries(
  dialect: SqlDialect,
  source: AggregateSource,
  linesFrom: 'inline' | 'table' = 'inline',
): AggregateQueries {
  const words = DIALECTS[dialect];
  const lines = checkedLines(words, source);
  // Each query reads the checked lines: inline (one statement, as Athena runs it), or from a table named `lines`
  // the caller made of the `lines` query once (DuckDB: the file is then parsed once, not once per query).
  const withLines = (ctes: string[]) => {
    const all = linesFrom === 'inline' ? [`lines AS (${lines})`, ...ctes] : ctes;
    return all.length === 0 ? '' : `WITH ${all.join(',\n')}\n`;
  };
  const orders = `orders AS (
  SELECT customer, order_key, min(ts) AS first_ts, max(ts) AS last_ts, sum(amount) AS amount
  FROM lines WHERE rejection IS NULL
  GROUP BY customer, order_key
)`;
  const orderDays = `order_days AS (
  SELECT customer, ${words.dayNumber('first_ts')} AS day, ${words.dayNumber('last_ts')} AS last_day, amount
  FROM orders
)`;
  return {
    lines,
    customers: `${withLines([orders, orderDays])}SELECT customer, min(day) AS first_day, max(last_day) AS last_day,
  count(*) AS orders, count(DISTINCT day) AS purchase_days, round(sum(amount), 4) AS monetary
FROM order_days
GROUP BY customer
ORDER BY customer`,
    orders: `${withLines([])}SELECT customer, order_key, ${words.epochMs('min(ts)')} AS first_ms,
  ${words.epochMs('max(ts)')} AS last_ms, sum(amount) AS amount
FROM lines WHERE rejection IS NULL
GROUP BY customer, order_key`,
    totals: `${withLines([])}SELECT count(*) AS lines_read FROM lines`,
    rejections: `${withLines([])}SELECT rejection AS reason, count(*) AS lines
FROM lines WHERE rejection IS NOT NULL
GROUP BY rejection
ORDER BY rejection`,
  };
}

/** Each line with its values read and the first rule it breaks (NULL for a used line). */
function checkedLines(words: DialectWords, source: AggregateSource): string {
  const { columns } = source;
  const field = (header: string) => `trim(CAST(${quoted(header)} AS VARCHAR))`;
  const number = (header: string) => decimal(field(header), source.decimalMark);
  const timestamp = `coalesce(${words.layouts[source.dateLayout]
    .map((layout) => words.parseTimestamp(field(columns.date), layout))
    .join(', ')})`;
  const amount =
    columns.amount !== undefined
      ? number(columns.amount)
      : `(${number(columns.quantity ?? '')} * ${number(columns.price ?? '')})`;
  const orderKey =
    columns.order !== undefined ? field(columns.order) : `CAST(${words.dayNumber(timestamp)} AS VARCHAR)`;
  const rules = ruleConditions(source, { words, field, number, amount, timestamp });
  return `SELECT ${field(columns.customer)} AS customer, ${orderKey} AS order_key, ${timestamp} AS ts,
    ${amount} AS amount,
    CASE ${rules.map(([reason, condition]) => `WHEN ${condition} THEN '${reason}'`).join('\n      ')} ELSE NULL END AS rejection
  FROM ${source.relation}`;
}

/** The engine's cleaning rules that apply to the source, in the engine's order, as SQL conditions. */
function ruleConditions(
  source: AggregateSource,
  read: {
    words: DialectWords;
    field: (header: string) => string;
    number: (header: string) => string;
    amount: string;
    timestamp: string;
  },
): [RejectionReason, string][] {
  const { columns } = source;
  const { words, timestamp: ts } = read;
  const plausible = (value: string) => `abs(${value}) <= ${MAX_PLAUSIBLE_AMOUNT.toExponential()}`;
  const numbers =
    columns.amount !== undefined
      ? [read.number(columns.amount)]
      : [read.number(columns.quantity ?? ''), read.number(columns.price ?? '')];
  const rules: [RejectionReason, string | undefined][] = [
    ['missingCustomer', `coalesce(${read.field(columns.customer)}, '') = ''`],
    [
      'cancelled',
      columns.order === undefined
        ? undefined
        : words.matches(`coalesce(${read.field(columns.order)}, '')`, '^C[0-9]'),
    ],
    ['unreadableDate', `${ts} IS NULL`],
    ['unreadableNumber', numbers.map((value) => `${value} IS NULL`).join(' OR ')],
    [
      'implausibleAmount',
      `NOT (${[...numbers, ...(columns.amount === undefined ? [read.amount] : [])].map(plausible).join(' AND ')})`,
    ],
    ['nonPositiveQuantity', columns.amount === undefined ? `${numbers[0]} <= 0` : undefined],
    ['nonPositivePrice', columns.amount === undefined ? `${numbers[1]} <= 0` : undefined],
    ['nonPositiveAmount', columns.amount === undefined ? undefined : `${numbers[0]} <= 0`],
    ['futureDate', `${ts} > ${timestampLiteral(source.now)}`],
    ['afterAsOf', source.asOf === undefined ? undefined : `${ts} >= TIMESTAMP '${source.asOf} 00:00:00'`],
  ];
  return rules.filter((rule): rule is [RejectionReason, string] => rule[1] !== undefined);
}

/** A plain decimal from text: with a decimal comma, the comma read as the point. */
function decimal(text: string, mark: '.' | ','): string {
  const plain = mark === ',' ? `replace(${text}, ',', '.')` : text;
  return `try_cast(${plain} AS DOUBLE)`;
}

function timestampLiteral(moment: Date): string {
  return `TIMESTAMP '${moment.toISOString().slice(0, 19).replace('T', ' ')}'`;
}

/** A column name as both dialects quote it: in double quotes, a double quote doubled. */
export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
