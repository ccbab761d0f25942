/**
 * The local stand-in of the Athena path (issue 16): DuckDB, embedded (its Node API, no server), runs the DuckDB
 * text of the aggregation (engine/aggregate/aggregate-sql.ts) on a local CSV file, gzip or not, every field read
 * as text so that the cleaning rules, not DuckDB's type sniffing, decide what a value is.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type AggregateSource, aggregateQueries, quoted } from '../engine/aggregate/aggregate-sql.ts';
import { ordersOfRows, rejectionsOfRows, rowsReadOf } from '../engine/aggregate/aggregate-rows.ts';
import type { AggregatedOrder } from '../engine/aggregate/analyze-aggregate.ts';

/** One customer's row of the aggregation. */
export interface AggregatedCustomer {
  customer: string;
  /** Days since 1970-01-01. */
  firstDay: number;
  lastDay: number;
  orders: number;
  purchaseDays: number;
  monetary: number;
}

export interface LocalAggregate {
  /** One row per customer, when asked for (`withCustomers`): the analysis reads the orders. */
  customers: AggregatedCustomer[];
  rejections: Record<string, number>;
  /** The used lines' orders, for the engine (engine/aggregate/analyze-aggregate.ts). */
  orders: AggregatedOrder[];
  rowsRead: number;
}

/** How the CSV file is written: its delimiter as the engine's dialect detection names it. */
export interface CsvFileDialect {
  /** A character, or `whitespace` for columns aligned with runs of spaces (CDNOW's). */
  delimiter: string;
}

/** Aggregates the CSV file at `path` with DuckDB, as `source` describes it (its relation is the file). */
export async function aggregateCsvFile(
  path: string,
  dialect: CsvFileDialect,
  source: Omit<AggregateSource, 'relation'>,
  { withCustomers = false }: { withCustomers?: boolean } = {},
): Promise<LocalAggregate> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const relation =
      dialect.delimiter === 'whitespace'
        ? await whitespaceRelation(connection, path)
        : `read_csv(${literal(path)}, header = true, all_varchar = true, delim = ${literal(dialect.delimiter)}, quote = '"', escape = '"', null_padding = true)`;
    // The file is parsed and its lines checked once, into a table every query reads.
    const queries = aggregateQueries('duckdb', { ...source, relation }, 'table');
    await connection.run(`CREATE TEMP TABLE lines AS ${queries.lines}`);
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
    return {
      customers: withCustomers ? customersOfRows(await rows(queries.customers)) : [],
      rejections: rejectionsOfRows(await rows(queries.rejections)),
      orders: ordersOfRows(await rows(queries.orders)),
      rowsRead: rowsReadOf(await rows(queries.totals)),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function customersOfRows(rows: readonly Record<string, unknown>[]): AggregatedCustomer[] {
  return rows.map((row) => ({
    customer: String(row.customer),
    firstDay: Number(row.first_day),
    lastDay: Number(row.last_day),
    orders: Number(row.orders),
    purchaseDays: Number(row.purchase_days),
    monetary: Number(row.monetary),
  }));
}

/**
 * A whitespace-aligned file as a relation: each line split on runs of spaces (leading ones trimmed), its fields
 * named by the header line's.
 */
async function whitespaceRelation(connection: DuckDBConnection, path: string): Promise<string> {
  const lines = `read_csv(${literal(path)}, header = false, columns = {'line': 'VARCHAR'}, delim = '\x01', quote = '', escape = '')`;
  const [header] = (await connection.runAndReadAll(`SELECT line FROM ${lines} LIMIT 1`)).getRowObjectsJS();
  const names = String(header?.line ?? '')
    .trim()
    .split(/\s+/);
  const fields = names.map((name, index) => `parts[${index + 1}] AS ${quoted(name)}`).join(', ');
  return `(SELECT ${fields} FROM (SELECT string_split_regex(trim(line), '\\s+') AS parts FROM ${lines} OFFSET 1))`;
}

/** A SQL string literal: in single quotes, a single quote doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
