import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysisResult } from '../../lambda/engine/analysis-types.ts';
import type { AnalyzeOptions } from '../../lambda/engine/analyze-options.ts';
import { analyzeCsv } from '../../lambda/engine/analyze-csv.ts';

/** The shared real data sets (../shared/data next to the repository), see SOURCES.md there. */
const SHARED_DATA = new URL('../../../shared/data/', import.meta.url);

export const ONLINE_RETAIL = fileURLToPath(new URL('online_retail/online_retail.csv.gz', SHARED_DATA));
export const CDNOW = fileURLToPath(new URL('cdnow/CDNOW_master.txt', SHARED_DATA));
export const CUSTOMER_PERSONALITY = fileURLToPath(
  new URL('customer_personality/marketing_campaign.csv', SHARED_DATA),
);

/** A moment after every shared data set (they end in 1998, 2011 and 2014). */
export const AFTER_ALL_DATA = new Date('2025-01-01T00:00:00Z');

/** analyzeCsv streaming a file from disk (gzip or not: the engine detects it). */
export function analyzeFile(path: string, options: Partial<AnalyzeOptions> = {}): Promise<AnalysisResult> {
  return analyzeCsv(createReadStream(path), { sourceName: path, now: AFTER_ALL_DATA, ...options });
}
