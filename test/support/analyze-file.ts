// The engine on a file from disk, as of after every real data set: for the tests on the real data.
import { createReadStream } from 'node:fs';
import type { AnalysisResult } from '../../lambda/engine/analysis/analysis-types.ts';
import type { AnalyzeOptions } from '../../lambda/engine/analysis/analyze-options.ts';
import { analyzeCsv } from '../../lambda/engine/analyze-csv.ts';
import { AFTER_ALL_DATA } from '../../tools/real-data.ts';

/** analyzeCsv streaming a file from disk (gzip or not: the engine detects it), as of after all the real data. */
export function analyzeFile(path: string, options: Partial<AnalyzeOptions> = {}): Promise<AnalysisResult> {
  return analyzeCsv(createReadStream(path), { sourceName: path, now: AFTER_ALL_DATA, ...options });
}
