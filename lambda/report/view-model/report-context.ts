import type { Analysis } from '../../engine/analysis-types.ts';
import type { GroupKpis } from '../../engine/kpis/index.ts';
import type { SegmentMigration } from '../../engine/migration/segment-migration.ts';
import type { Formatters } from '../locale/formatters.ts';
import type { Messages, ReportKind } from '../locale/messages.ts';
import type { ReportSettings } from '../report-settings.ts';

/** What a report is built from. `previous` is the analysis of the previous report of the same kind, if any. */
export interface ReportInput {
  analysis: Analysis;
  previous?: Analysis | undefined;
  /** Archived earlier reports that could not be read and were left out of the comparison. */
  skippedHistory?: readonly { report: string; problem: string }[] | undefined;
  settings: ReportSettings;
  kind: ReportKind;
  /** The moment the report is generated (injected: same input, same email). */
  now: Date;
  /** The data source as readers know it (a file name); the analysis' source when not given. */
  sourceLabel?: string | undefined;
  /** How the per-customer file reaches the reader: attached, or a link valid until a moment. */
  customerFile?: { attachedAs: string } | { url: string; expires: Date } | undefined;
  /** Scheduled reports: the days the report is about (first and last, YYYY-MM-DD), named in the subject. */
  reportPeriod?: { first: string; last: string } | undefined;
  /** Quarterly reviews: how customers moved between segments since the previous review (segment keys). */
  migration?: SegmentMigration | undefined;
}

/** A segment or a cluster, as the report speaks of it. */
export interface ReportGroup {
  key: string;
  name: string;
  kpis: GroupKpis;
}

/** Everything the section builders share. */
export interface ReportContext extends ReportInput {
  messages: Messages;
  format: Formatters;
  rfmGroups: ReportGroup[] | null;
  clusterGroups: ReportGroup[] | null;
  /** The view that strategies, budget and key points speak of: RFM segments when known, else clusters. */
  primaryGroups: ReportGroup[];
  /** The period covered, in words. */
  periodText: string;
}

/** RFM segments and clusters with at least one customer, named in the report's language. */
export function groupsOf(
  analysis: Analysis,
  locale: 'en' | 'fr',
): Pick<ReportContext, 'rfmGroups' | 'clusterGroups' | 'primaryGroups'> {
  const rfmGroups = analysis.rfm
    ? analysis.rfm.segments
        .filter((segment) => segment.customers > 0)
        .map((segment) => ({ key: segment.key, name: segment.name[locale], kpis: segment }))
    : null;
  const clusterGroups =
    analysis.clusters.skipped === null
      ? analysis.clusters.clusters
          .filter((cluster) => cluster.size > 0)
          .map((cluster) => ({ key: cluster.key, name: cluster.name[locale], kpis: cluster.kpis }))
      : null;
  return { rfmGroups, clusterGroups, primaryGroups: rfmGroups ?? clusterGroups ?? [] };
}
