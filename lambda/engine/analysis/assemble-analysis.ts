/**
 * An analysis put together from a shape's result and how its file was read, declared once for the engine's own
 * reading (analyze-csv.ts) and an SQL engine's aggregation (aggregate/analyze-aggregate.ts).
 */
import type { AnalysisResult, InputSummary, ShapeAnalysis } from './analysis-types.ts';
import type { ResolvedAnalyzeOptions } from './analyze-options.ts';

/** How the file was read, beside what the shape's analysis says of its input. */
export type ReadingFacts = Pick<InputSummary, 'shape' | 'encoding' | 'undecodableCharacters'> &
  Partial<Pick<InputSummary, 'currency' | 'aggregatedBy'>> & {
    /** As the dialect detection names it: a character, or `whitespace`. */
    delimiter: string;
  };

export function assembleAnalysis(
  resolved: ResolvedAnalyzeOptions,
  reading: ReadingFacts,
  result: ShapeAnalysis,
): AnalysisResult {
  const { undecodableCharacters, aggregatedBy, ...before } = reading;
  return {
    analysis: {
      schemaVersion: 1,
      generatedAt: resolved.now.toISOString(),
      activeWindowDays: resolved.activeWindowDays,
      input: {
        source: resolved.sourceName,
        ...before,
        delimiter: reading.delimiter === '\t' ? 'tab' : reading.delimiter,
        ...result.input,
        undecodableCharacters,
        ...(aggregatedBy !== undefined && { aggregatedBy }),
      },
      ...result.body,
    },
    customers: result.customers,
    model: result.model,
  };
}
