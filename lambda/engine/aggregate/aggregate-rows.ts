/**
 * The result rows of the aggregation's queries (aggregate-sql.ts) read back, whichever engine returned them: DuckDB
 * as JavaScript values, Athena as the text of its result files. Declared once, so that both paths hand the engine
 * the same orders, rejection counts and lines read.
 */
import type { AggregatedOrder } from './analyze-aggregate.ts';

/** One result row by column name. */
export type ResultRow = Readonly<Record<string, unknown>>;

/** The `orders` query's rows as the engine's orders. */
export function ordersOfRows(rows: readonly ResultRow[]): AggregatedOrder[] {
  return rows.map(orderOfRow);
}

/** One row of the `orders` query as the engine's order. */
export function orderOfRow(row: ResultRow): AggregatedOrder {
  return orderOfColumns((name) => row[name]);
}

/** The engine's order from the value of each of the `orders` query's columns, by name. */
export function orderOfColumns(value: (column: string) => unknown): AggregatedOrder {
  return {
    customer: String(value('customer') ?? ''),
    orderKey: String(value('order_key') ?? ''),
    firstMs: Number(value('first_ms')),
    lastMs: Number(value('last_ms')),
    amount: Number(value('amount')),
  };
}

/** The `rejections` query's rows: lines by reason. */
export function rejectionsOfRows(rows: readonly ResultRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [String(row.reason ?? ''), Number(row.lines)]));
}

/** The `totals` query's one row: the lines read. */
export function rowsReadOf(rows: readonly ResultRow[]): number {
  return Number(rows[0]?.lines_read ?? 0);
}
