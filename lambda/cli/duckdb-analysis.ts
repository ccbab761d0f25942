/**
 * `analyze FILE --engine duckdb` (issue 16): the local stand-in of the Athena path. The file's start tells how to
 * read it (engine/aggregate/describe-log.ts), embedded DuckDB aggregates the whole file into orders with the SQL
 * the Athena path runs (adapters/duckdb-aggregate.ts), and the engine analyses the orders
 * (engine/aggregate/analyze-aggregate.ts): the same analysis, which says it was aggregated by DuckDB.
 */
import { createReadStream } from 'node:fs';
import { aggregateCsvFile } from '../adapters/duckdb-aggregate.ts';
import { analyzeAggregatedLog } from '../engine/aggregate/analyze-aggregate.ts';
import { describeLogForSql } from '../engine/aggregate/describe-log.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import type { AnalyzeOptions } from '../engine/analysis/analyze-options.ts';
import type { RejectionReason } from '../engine/analysis/rejection-reasons.ts';

/** Analyses the transaction log at `file` through DuckDB. */
export async function analyzeWithDuckDb(file: string, options: AnalyzeOptions): Promise<AnalysisResult> {
  const description = await describeLogForSql(createReadStream(file), options);
  const { delimiter, roles, ...source } = description;
  const local = await aggregateCsvFile(
    file,
    { delimiter },
    { ...source, now: options.now, asOf: options.asOf },
  );
  return analyzeAggregatedLog(
    {
      engine: 'duckdb',
      columns: roles,
      delimiter,
      decimalMark: source.decimalMark,
      rowsRead: local.rowsRead,
      rejections: local.rejections as Partial<Record<RejectionReason, number>>,
      orders: local.orders,
    },
    options,
  );
}
