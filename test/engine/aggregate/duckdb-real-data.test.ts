/**
 * The DuckDB path's per-customer rows equal the engine's for every customer of the real transaction logs (Online
 * Retail: comma-separated, quantity x price, cancellations; CDNOW: whitespace-aligned, an amount column, dates as
 * digits): the same customers, distinct orders, last purchase day and monetary value (both rounded to 1e-4), and
 * the same lines rejected under each reason, from the aggregation's SQL run by embedded DuckDB on the gzip files as
 * shipped; and the whole analysis made from DuckDB's orders (value models, trends, clusters included) is the
 * engine's with purchase diversity off (the SQL path reads no product), but for the path's own fields: which engine
 * aggregated the lines, the encoding it read (UTF-8), and the first line of each rejection (the engine's reading
 * knows it, an SQL engine's does not). Customer Personality is a customer table: already one
 * row per customer, it has nothing to aggregate.
 */
import { describe, expect, it } from 'vitest';
import { type LocalAggregate, aggregateCsvFile } from '../../../lambda/adapters/duckdb-aggregate.ts';
import type { AggregateSource } from '../../../lambda/engine/aggregate/aggregate-sql.ts';
import { analyzeAggregatedLog } from '../../../lambda/engine/aggregate/analyze-aggregate.ts';
import type { AnalysisResult } from '../../../lambda/engine/analysis/analysis-types.ts';
import { MS_PER_DAY, parseIsoDay } from '../../../lambda/engine/input/date-parsing.ts';
import { AFTER_ALL_DATA, CDNOW, ONLINE_RETAIL, ONLINE_RETAIL_ROLES } from '../../../tools/real-data.ts';
import { analyzeFile } from '../../support/analyze-file.ts';

interface RealLog {
  name: string;
  path: string;
  delimiter: string;
  source: Omit<AggregateSource, 'relation' | 'now'>;
  customers: number;
}

const LOGS: RealLog[] = [
  {
    name: 'Online Retail',
    path: ONLINE_RETAIL,
    delimiter: ',',
    source: {
      columns: { ...ONLINE_RETAIL_ROLES },
      dateLayout: 'ISO',
      decimalMark: '.',
    },
    customers: 4338,
  },
  {
    name: 'CDNOW',
    path: CDNOW,
    delimiter: 'whitespace',
    source: {
      columns: { customer: 'customer_id', date: 'date', amount: 'dollar_value' },
      dateLayout: 'YYYYMMDD',
      decimalMark: '.',
    },
    customers: 23_502,
  },
];

describe.each(LOGS)('the DuckDB aggregation of $name', (log) => {
  async function both(): Promise<{ engine: AnalysisResult; duck: LocalAggregate }> {
    const [engine, duck] = await Promise.all([
      // The SQL path aggregates orders, not what each line bought: the engine's clusters on R, F and M to compare.
      analyzeFile(log.path, { purchaseDiversity: false }),
      aggregateCsvFile(
        log.path,
        { delimiter: log.delimiter },
        { ...log.source, now: AFTER_ALL_DATA },
        { withCustomers: true },
      ),
    ]);
    return { engine, duck };
  }
  const results = both();

  it('has the engine’s customers, orders, last purchase and monetary value, customer by customer', async () => {
    const { engine, duck } = await results;
    const asOfDay = parseIsoDay(engine.analysis.rfm?.asOf ?? '') / MS_PER_DAY;
    const fromEngine = new Map(
      [...engine.customers].map((row) => [
        row.id,
        { orders: row.frequency, lastDay: asOfDay - (row.recencyDays ?? Number.NaN), monetary: row.monetary },
      ]),
    );
    expect(duck.customers).toHaveLength(log.customers);
    expect(fromEngine.size).toBe(log.customers);
    const differing = duck.customers.filter((row) => {
      const theirs = fromEngine.get(row.customer);
      return (
        theirs === undefined ||
        theirs.orders !== row.orders ||
        theirs.lastDay !== row.lastDay ||
        Math.abs((theirs.monetary ?? Number.NaN) - row.monetary) > 1e-6
      );
    });
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('gives the engine’s whole analysis from DuckDB’s orders, but for the path’s own fields', async () => {
    const { engine, duck } = await results;
    const viaDuckDb = await analyzeAggregatedLog(
      {
        engine: 'duckdb',
        columns: engine.analysis.input.columns,
        delimiter: log.delimiter,
        decimalMark: log.source.decimalMark,
        rowsRead: duck.rowsRead,
        rejections: duck.rejections,
        orders: duck.orders,
      },
      { sourceName: log.path, now: AFTER_ALL_DATA },
    );
    // The path's own fields: the SQL engine reads UTF-8 (an ASCII file is UTF-8 too) and keeps no line numbers.
    const { firstRejectedLine: _lines, encoding: _detected, ...engineInput } = engine.analysis.input;
    const { firstRejectedLine, aggregatedBy, encoding, ...duckInput } = viaDuckDb.analysis.input;
    expect(aggregatedBy).toBe('duckdb');
    expect(firstRejectedLine).toEqual({});
    expect(encoding).toBe('utf-8');
    expect(duckInput).toEqual(engineInput);
    expect({ ...viaDuckDb.analysis, input: null }).toEqual({ ...engine.analysis, input: null });
    expect(JSON.stringify([...viaDuckDb.customers])).toBe(JSON.stringify([...engine.customers]));
  });

  it('rejects the same lines under the same reasons', async () => {
    const { engine, duck } = await results;
    const engineRejections = Object.fromEntries(
      Object.entries(engine.analysis.input.rowsRejected).filter(([, lines]) => (lines ?? 0) > 0),
    );
    expect(duck.rejections).toEqual(engineRejections);
  });
});
