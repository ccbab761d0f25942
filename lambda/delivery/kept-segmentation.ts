/**
 * A stable segmentation for the scheduled runs (issue 18): between two refits, a run puts its customers into the
 * clusters of the previous run of its series (its archived `model.json`) rather than fitting K-means again, so that
 * week-to-week changes are customers moving, not clusters. The refit window is the calendar month or quarter of
 * the periods' last days (`segmentationRefit`; the days are already the report's time zone's). Only a run another
 * run may compare with counts: findPreviousRun reads `analysis.json`, never a held report's `analysis.held.json`.
 * A model that is missing, unreadable, made by other rules, or refused by the engine (another shape of input)
 * means a refit with a log line, never a failed run.
 */
import type { AppConfig } from '../config/app-config.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import { readSegmentationModel } from '../engine/clustering/saved/segmentation-model-schema.ts';
import type { SegmentationModel } from '../engine/clustering/saved/segmentation-model.ts';
import { SavedModelMismatchError } from '../errors/input-errors.ts';
import { ARCHIVE_FILES } from './archive-layout.ts';
import { periodOfId } from './period-id.ts';
import type { ObjectStore, RunLogger } from './ports.ts';
import type { ReportHistory } from './report-history.ts';

/** The segmentation a run starts from: a saved model to score with, or none (a refit), and why. */
export interface SegmentationChoice {
  model: SegmentationModel | null;
  reason: string;
}

/** Whether periods ending on `previousLast` and `currentLast` (YYYY-MM-DD) share a segmentation under `refit`. */
export function sameRefitWindow(
  refit: AppConfig['segmentationRefit'],
  previousLast: string,
  currentLast: string,
): boolean {
  if (refit === 'every-run') return false;
  const window = refit === 'monthly' ? monthOf : quarterOf;
  return window(previousLast) === window(currentLast);
}

const monthOf = (day: string) => day.slice(0, 7);
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The previous run's segmentation when this run's period (ending on `currentLast`) is in its refit window. */
export async function keptSegmentation(
  { store, config }: { store: ObjectStore; config: Pick<AppConfig, 'segmentationRefit'> },
  history: ReportHistory,
  currentLast: string,
): Promise<SegmentationChoice> {
  const refit = config.segmentationRefit;
  if (refit === 'every-run') return { model: null, reason: 'segmentationRefit is every-run' };
  const previous = history.previous;
  if (!previous) return { model: null, reason: 'no previous run to keep the segmentation of' };
  const previousLast = periodOfId(previous.runName)?.last;
  if (previousLast === undefined || !sameRefitWindow(refit, previousLast, currentLast)) {
    const window = refit === 'monthly' ? 'month' : 'quarter';
    return { model: null, reason: `the previous run ${previous.runName} ended in another ${window}` };
  }
  const key = `${previous.folder}${ARCHIVE_FILES.model}`;
  const stored = await store.readText(key);
  if (!stored) return { model: null, reason: `${key}: no saved segmentation` };
  const model = readSegmentationModel(parseJson(stored.text));
  if ('problem' in model)
    return { model: null, reason: `${key}: not a segmentation model: ${model.problem}` };
  return { model, reason: `kept from ${previous.runName} until the next refit (${refit})` };
}

/**
 * The run's analysis, scored with the kept segmentation when there is one; a model the engine refuses for this
 * input (a model of another shape: SavedModelMismatchError) gives way to a refit. Any other error is the input's,
 * and reading it again would only fail again (or run out of time). Logs which it was: `segmentation: 'scored' |
 * 'refit'`.
 */
export async function analyseWithSegmentation(
  logger: RunLogger,
  choice: SegmentationChoice,
  analyse: (segmentation: SegmentationModel | undefined) => Promise<AnalysisResult>,
): Promise<AnalysisResult> {
  const { model } = choice;
  let reason = choice.reason;
  if (model) {
    try {
      const result = await analyse(model);
      const lacking = featuresNobodyHas(result);
      if (lacking.length === 0) {
        logger.info('segmentation', { segmentation: 'scored', reason, modelAsOf: model.asOf });
        return result;
      }
      // E.g. a model with purchase diversity and a run aggregated by SQL, which has no products: every customer
      // would sit at the median of those features, so the clusters would be the model's in name only.
      reason = `the saved segmentation of ${model.asOf} needs ${lacking.join(', ')}, which this input has for no customer`;
      logger.warn('saved segmentation lacks features, refitting', { modelAsOf: model.asOf, lacking });
    } catch (error) {
      if (!(error instanceof SavedModelMismatchError)) throw error;
      reason = `the saved segmentation of ${model.asOf} does not fit this input: ${error.message}`;
      logger.warn('saved segmentation refused, refitting', { modelAsOf: model.asOf, problem: error.message });
    }
  }
  const result = await analyse(undefined);
  logger.info('segmentation', { segmentation: 'refit', reason });
  return result;
}

/** The model's features that no customer of a scored analysis had a value for. */
function featuresNobodyHas({ analysis }: AnalysisResult): string[] {
  const missing = analysis.clusters.scoredWith?.missing ?? {};
  const customers = analysis.kpis.customers;
  return Object.keys(missing).filter((feature) => customers > 0 && (missing[feature] ?? 0) >= customers);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
