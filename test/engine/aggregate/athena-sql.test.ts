/**
 * The Athena text of the aggregation is Trino SQL (Athena engine v3 is Trino): it parses with node-sql-parser's
 * Trino grammar, calls only functions Trino has, and none of DuckDB's; the DuckDB text differs from it only in the
 * dialect's words (date parsing, regular expressions, day numbers). Every variant of the source (amount or
 * quantity and price, with or without an order column, each date layout and decimal mark, an as-of day) is checked.
 */
import pkg from 'node-sql-parser';
import { ONLINE_RETAIL_ROLES } from '../../../tools/real-data.ts';
import { describe, expect, it } from 'vitest';
import {
  type AggregateSource,
  SQL_DATE_LAYOUTS,
  aggregateQueries,
} from '../../../lambda/engine/aggregate/aggregate-sql.ts';

const { Parser } = pkg;

/** The Trino functions the aggregation may call (trino.io/docs/current/functions/list.html). */
const TRINO_FUNCTIONS = new Set([
  'abs',
  'coalesce',
  'count',
  'date_diff',
  'date_parse',
  'date_trunc',
  'max',
  'min',
  'not',
  'regexp_like',
  'replace',
  'round',
  'sum',
  'trim',
  'try',
]);
const DUCKDB_ONLY = ['try_strptime', 'regexp_matches', 'datediff(', 'strptime('];

const BASE: AggregateSource = {
  relation: 'sales.transactions',
  columns: { ...ONLINE_RETAIL_ROLES },
  dateLayout: 'ISO',
  decimalMark: '.',
  now: new Date('2012-01-01T00:00:00Z'),
};

const VARIANTS: [string, AggregateSource][] = [
  ['quantity and price', BASE],
  [
    'an amount column',
    { ...BASE, columns: { customer: 'Client', order: 'Facture', date: 'Date', amount: 'Montant' } },
  ],
  ['no order column', { ...BASE, columns: { customer: 'id', date: 'day', amount: 'total' } }],
  ...SQL_DATE_LAYOUTS.map((layout): [string, AggregateSource] => [
    `dates ${layout}`,
    { ...BASE, dateLayout: layout },
  ]),
  ['a decimal comma and an as-of day', { ...BASE, decimalMark: ',', asOf: '2011-06-30' }],
  [
    'headers with spaces and accents',
    { ...BASE, columns: { ...BASE.columns, customer: 'N° Client', order: 'Numéro de facture' } },
  ],
];

/** Every function name the parsed statement calls, lower case. */
function functionNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) functionNames(child, names);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'aggr_func' && typeof record.name === 'string') names.add(record.name.toLowerCase());
    if (record.type === 'function') {
      const parts = (record.name as { name?: { value?: string }[] } | undefined)?.name ?? [];
      for (const part of parts) if (part.value) names.add(part.value.toLowerCase());
    }
    for (const value of Object.values(record)) functionNames(value, names);
  }
  return names;
}

describe.each(VARIANTS)('the Athena aggregation with %s', (_name, source) => {
  const queries = aggregateQueries('athena', source);

  it.each(Object.entries(queries))('%s: parses as Trino, with Trino functions only', (_query, sql) => {
    const ast = new Parser().astify(sql, { database: 'trino' });
    const called = [...functionNames(ast)];
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((name) => !TRINO_FUNCTIONS.has(name))).toEqual([]);
    expect(DUCKDB_ONLY.filter((word) => sql.includes(word))).toEqual([]);
  });
});

describe('the two dialects', () => {
  it('differ only in the dialect’s words', () => {
    const neutral = (sql: string) =>
      sql
        .replace(/try\(date_parse\((.*?), '[^']*'\)\)/g, 'PARSE($1)')
        .replace(/try_strptime\((.*?), '[^']*'\)/g, 'PARSE($1)')
        .replace(/date_diff\('millisecond', TIMESTAMP '1970-01-01 00:00:00', (\w+\(ts\))\)/g, 'EPOCH($1)')
        .replace(/epoch_ms\((\w+\(ts\))\)/g, 'EPOCH($1)')
        .replace(/regexp_like|regexp_matches/g, 'MATCHES')
        .replace(/date_diff|datediff/g, 'DAYS');
    const athena = aggregateQueries('athena', BASE);
    const duckdb = aggregateQueries('duckdb', BASE);
    expect(neutral(athena.customers)).toBe(neutral(duckdb.customers));
    for (const query of ['rejections', 'orders', 'totals'] as const) {
      expect(neutral(athena[query])).toBe(neutral(duckdb[query]));
    }
  });

  it('the parser would see a broken text', () => {
    const broken = aggregateQueries('athena', BASE).customers.replace(
      'GROUP BY customer\nORDER',
      'GROUP customer\nORDER',
    );
    expect(() => new Parser().astify(broken, { database: 'trino' })).toThrow();
  });
});
