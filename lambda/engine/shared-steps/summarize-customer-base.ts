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
}

export interface CustomerBaseSummary {
  body: Pick<Analysis, 'kpis' | 'rfm' | 'clusters' | 'notes'>;
  /** Each row's cluster, for the customers' rows; null when clustering was skipped. */
  clusters: ClusterColumns | null;
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
  const clustering = clusterAndSummarizeColumns(base.features, base.facts, context, {
    seed: options.seed,
    k: options.k,
    naming: base.naming,
    ambiguousMargin: options.ambiguousMargin,
  });
  const rfm = base.segments && {
    asOf: formatIsoDay(base.asOfDay * MS_PER_DAY),
    method: base.rfmMethod,
    segments: summarizeSegmentColumns(base.facts, base.segments, context),
  };
  const { summary } = clustering;
  return {
    body: { kpis, rfm: rfm ?? null, clusters: summary, notes: summary.skipped ? [summary.skipped] : [] },
    clusters: clustering.clusters,
  };
}
