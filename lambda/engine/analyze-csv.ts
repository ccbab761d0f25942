/**
 * The engine's entry: opens a CSV byte stream (open-table.ts: dialect, header, shape), runs the pipeline for its
 * shape (transactions/ or customer-table/), and adds to the pipeline's result what it knows of the file itself.
 */
import { NO_CURRENCY } from './input/currency-marks.ts';
import type { AnalysisResult, ShapeAnalysis } from './analysis/analysis-types.ts';
import { assembleAnalysis } from './analysis/assemble-analysis.ts';
import { type AnalyzeOptions, resolveAnalyzeOptions } from './analysis/analyze-options.ts';
import { analyzeTransactions } from './transactions/analyze-transactions.ts';
import { analyzeCustomerTable } from './customer-table/analyze-customer-table.ts';
import { openTable, transactionColumnsOf } from './open-table.ts';
import { recordBatches } from './input/record-reader.ts';

/**
 * Analyses one CSV file streamed as bytes (.csv or .csv.gz, any supported encoding and dialect): detects its
 * shape, cleans it, scores RFM, clusters and computes the KPIs. Throws an InputError subclass when the file or
 * the options are wrong, with a message naming the file and the line or column.
 */
export async function analyzeCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions,
): Promise<AnalysisResult> {
  const resolved = resolveAnalyzeOptions(options);
  const table = await openTable(bytes, resolved);
  const { source, dialect, header, delimiter, rest, shape } = table;
  const result: ShapeAnalysis =
    shape === 'transactions'
      ? await analyzeTransactions(
          { header, columns: transactionColumnsOf(table), delimiter, batches: rest },
          resolved,
        )
      : await analyzeCustomerTable({ header, delimiter, batches: recordBatches(rest) }, resolved);
  return assembleAnalysis(
    resolved,
    {
      shape,
      encoding: source.decoder.encoding,
      delimiter: dialect.delimiter,
      // A customer table's spending columns are read as plain numbers: it names no currency.
      currency: { ...NO_CURRENCY, otherLines: {} },
      undecodableCharacters: source.decoder.replacementCount,
    },
    result,
  );
}
