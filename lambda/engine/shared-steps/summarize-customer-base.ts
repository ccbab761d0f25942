/**
 * The tail both pipelines end with, once each has its customers' facts as columns: the base KPIs, the KPI context
 * every group is measured against, the RFM segments' and the clusters' KPIs, and the notes they leave.
 */
import type { Analysis } from '../analysis/analysis-types.ts';
import type { ResolvedAnalyzeOptions } from '../analysis/analyze-options.ts';
import type { ClusterColumns } from '../clustering/segmentation/clustering-step.ts';
import type { ClusterNaming, FeatureTable } from '../clustering/segmentation/clustering-types.ts';
import { type BaseKpis, computeBaseKpisFromColumns } from '../kpis/base-kpis.ts';
import type { CustomerFactColumns, KpiContext } from '../kpis/group-kpis.ts';
import { formatIsoDay, MS_PER_DAY } from '../input/date-parsing.ts';
import { clusterAndSummarizeColumns, summarizeSegmentColumns } from './summarize-groups.ts';
import {
  type ModelContext,
  type SegmentationModel,
  segmentationModelOf,
} from '../clustering/saved/segmentation-model.ts';
import type { RfmEdges } from '../rfm/score-edges.ts';
import { featureMedians } from '../clustering/saved/feature-medians.ts';
import { SavedModelMismatchError } from '../../errors/input-errors.ts';

/** What a pipeline knows of its customers, row r of each column being one customer. */
export interface CustomerBase {
  facts: CustomerFactColumns;
  /** Each row's RFM segment, an index into RFM_SEGMENT_KEYS; undefined when the input allows no RFM. */
  segments: ArrayLike<number> | undefined;
  /** Transaction logs only: the retention between the last two activity windows. */
  retentionRate?: number | undefined;
  /** The as-of day (days since 1970) recency is measured to. */
  asOfDay: number;
  /** How the RFM scores were computed, in words for the report. */
  rfmMethod: string;
  /** What K-means clusters on, and how its clusters are named. */
  features: FeatureTable;
  naming: ClusterNaming;
  /** What the saved segmentation says of the file beyond its clusters. */
  shape: ModelContext['shape'];
  /** The RFM scores' ranges (rfm/score-edges.ts); null without RFM. */
  rfmEdges: RfmEdges | null;
  /** Customer tables: where each feature is read from. */
  featureColumns: ModelContext['columns'];
}

export interface CustomerBaseSummary {
  body: Pick<Analysis, 'kpis' | 'rfm' | 'clusters' | 'notes'>;
  /** Each row's cluster, for the customers' rows; null when clustering was skipped. */
  clusters: ClusterColumns | null;
  /**
   * The saved segmentation: the one this analysis fitted, or the one it scored with (carried on, so that the next
   * run finds it); null when clustering was skipped.
   */
  model: SegmentationModel | null;
}

/** The KPIs every group is measured against: the whole base's customers and revenue, and the activity window. */
export function kpiContextFor(kpis: BaseKpis, activeWindowDays: number): KpiContext {
  return { totalCustomers: kpis.customers, totalRevenue: kpis.revenue, activeWindowDays };
}

/** KPIs, segments, clusters and notes of a customer base, column by column (nothing is built per customer). */
export function summarizeCustomerBase(
  base: CustomerBase,
  options: ResolvedAnalyzeOptions,
): CustomerBaseSummary {
  const { activeWindowDays } = options;
  const kpis = computeBaseKpisFromColumns(
    base.facts,
    base.segments,
    { activeWindowDays },
    base.retentionRate,
  );
  const context = kpiContextFor(kpis, activeWindowDays);
  const given = options.segmentation;
  if (given && given.shape !== base.shape) {
    throw new SavedModelMismatchError(
      `--model: the model was fitted on ${given.shape === 'customers' ? 'a customer table' : 'a transaction log'} (${given.source}), this file is ${base.shape === 'customers' ? 'a customer table' : 'a transaction log'}`,
    );
  }
  const clustering = clusterAndSummarizeColumns(base.features, base.facts, context, {
    seed: options.seed,
    k: options.k,
    naming: base.naming,
    ambiguousMargin: options.ambiguousMargin,
    model: given,
  });
  const asOf = formatIsoDay(base.asOfDay * MS_PER_DAY);
  const model = clustering.fitted
    ? segmentationModelOf(
        clustering.fitted,
        base.naming,
        options.ambiguousMargin,
        {
          shape: base.shape,
          source: options.sourceName,
          asOf,
          customers: base.facts.count,
          rfm: base.rfmEdges && { activeWindowDays, edges: base.rfmEdges },
          columns: base.featureColumns,
        },
        featureMedians(base.features),
      )
    : (given ?? null);
  const savedRanges = given?.rfm ? given.asOf : undefined;
  const rfm = base.segments && {
    asOf,
    method:
      savedRanges === undefined
        ? base.rfmMethod
        : `${base.rfmMethod}; scored on the score ranges of the saved segmentation of ${savedRanges}, not on this file's quintiles`,
    ...(savedRanges !== undefined && { savedRangesOf: savedRanges }),
    segments: summarizeSegmentColumns(base.facts, base.segments, context),
  };
  const { summary } = clustering;
  return {
    body: { kpis, rfm: rfm ?? null, clusters: summary, notes: summary.skipped ? [summary.skipped] : [] },
    clusters: clustering.clusters,
    model: clustering.clusters ? model : null,
  };
}
