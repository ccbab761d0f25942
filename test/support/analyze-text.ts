// The engine on an in-memory file at a fixed moment, with look-ups and the rejection it throws: for the small
// hand-made engine tests.
import type { AnalysisResult, CustomerRow } from '../../lambda/engine/analysis/analysis-types.ts';
import type { AnalyzeOptions } from '../../lambda/engine/analysis/analyze-options.ts';
import { analyzeCsv } from '../../lambda/engine/analyze-csv.ts';
import { chunksOf, utf8 } from './byte-streams.ts';

/** The moment every small test analyses at: after all the hand-made data, before the "future" lines. */
export const TEST_NOW = new Date('2024-06-01T12:00:00Z');

/** analyzeCsv on an in-memory file (a string is UTF-8 encoded), named `test.csv` unless said otherwise. */
export function analyzeText(
  content: string | Uint8Array,
  options: Partial<AnalyzeOptions> = {},
): Promise<AnalysisResult> {
  const data = typeof content === 'string' ? utf8(content) : content;
  return analyzeCsv(chunksOf(data), { sourceName: 'test.csv', now: TEST_NOW, ...options });
}

/** The customer rows by id, for look-ups in assertions. */
export function customersById(result: AnalysisResult): Map<string, CustomerRow> {
  return new Map(result.customers.map((customer) => [customer.id, customer]));
}

/** The rejection the analysis throws, for `expect(...).toMatchObject` on its name and message. */
export async function analysisError(
  content: string | Uint8Array,
  options: Partial<AnalyzeOptions> = {},
): Promise<Error> {
  try {
    await analyzeText(content, options);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`a non-Error was thrown: ${String(error)}`);
  }
  throw new Error('the analysis succeeded but an error was expected');
}
