/**
 * How Athena (Trino) and DuckDB write what they write differently, for the aggregation's SQL (aggregate-sql.ts):
 * date parsing and its layouts, regular expressions, day numbers and epoch milliseconds. Everything else is the
 * same text in both.
 */
import { SQL_ENGINES, type SqlEngine } from '../analysis/analysis-types.ts';

/** Each SQL engine has its dialect. */
export const SQL_DIALECTS = SQL_ENGINES;
export type SqlDialect = SqlEngine;

/**
 * The date layouts the SQL path reads: ISO (with or without a time), day-first or month-first with slashes, or
 * digits only (`19970101`, CDNOW's).
 */
export const SQL_DATE_LAYOUTS = ['ISO', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYYMMDD'] as const;
export type SqlDateLayout = (typeof SQL_DATE_LAYOUTS)[number];

/**
 * The last ISO layout reads a timestamp with a fraction of a second: what a Parquet `timestamp` column becomes once
 * cast to text (`2010-12-01 08:26:00.000` in Athena), and what some exports write.
 */

/** How one dialect writes what the two write differently. */
export interface DialectWords {
  /** A timestamp from text in one layout, NULL when it does not parse. */
  parseTimestamp(text: string, layout: string): string;
  /** The strptime-like layouts of a declared date layout, tried in order. */
  layouts: Record<SqlDateLayout, readonly string[]>;
  matches(text: string, pattern: string): string;
  /** Whole days from 1970-01-01 to a timestamp. */
  dayNumber(timestamp: string): string;
  /** Milliseconds from 1970-01-01 to a timestamp read as UTC (the engine's wall-clock moments). */
  epochMs(timestamp: string): string;
}

export const DIALECTS: Record<SqlDialect, DialectWords> = {
  duckdb: {
    parseTimestamp: (text, layout) => `try_strptime(${text}, '${layout}')`,
    layouts: {
      ISO: ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d', '%Y-%m-%d %H:%M:%S.%f'],
      'DD/MM/YYYY': ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y'],
      'MM/DD/YYYY': ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y'],
      YYYYMMDD: ['%Y%m%d'],
    },
    matches: (text, pattern) => `regexp_matches(${text}, '${pattern}')`,
    dayNumber: (timestamp) =>
      `datediff('day', TIMESTAMP '1970-01-01 00:00:00', date_trunc('day', ${timestamp}))`,
    epochMs: (timestamp) => `epoch_ms(${timestamp})`,
  },
  athena: {
    parseTimestamp: (text, layout) => `try(date_parse(${text}, '${layout}'))`,
    layouts: {
      ISO: ['%Y-%m-%d %H:%i:%s', '%Y-%m-%d %H:%i', '%Y-%m-%dT%H:%i:%s', '%Y-%m-%d', '%Y-%m-%d %H:%i:%s.%f'],
      'DD/MM/YYYY': ['%d/%m/%Y %H:%i:%s', '%d/%m/%Y %H:%i', '%d/%m/%Y'],
      'MM/DD/YYYY': ['%m/%d/%Y %H:%i:%s', '%m/%d/%Y %H:%i', '%m/%d/%Y'],
      YYYYMMDD: ['%Y%m%d'],
    },
    matches: (text, pattern) => `regexp_like(${text}, '${pattern}')`,
    dayNumber: (timestamp) =>
      `date_diff('day', TIMESTAMP '1970-01-01 00:00:00', date_trunc('day', ${timestamp}))`,
    epochMs: (timestamp) => `date_diff('millisecond', TIMESTAMP '1970-01-01 00:00:00', ${timestamp})`,
  },
};
