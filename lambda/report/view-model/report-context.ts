/** What a report is built from, and the context every section builder of the view model shares. */
import type { Analysis } from '../../engine/analysis/analysis-types.ts';
import type { GroupKpis } from '../../engine/kpis/index.ts';
import type { SegmentMigration } from '../../engine/migration/segment-migration.ts';
import type { ValueGroup } from '../../engine/value/value-result.ts';
import type { PeriodDays } from '../../vocabulary/period-days.ts';
import type { ReportKind } from '../../vocabulary/report-kind.ts';
import { type Formatters, makeFormatters } from '../locale/formatters.ts';
import { messagesOf } from '../locale/messages-of.ts';
import { type ClusterBasket, clusterBasketOf } from './cluster-basket.ts';
import { clusterNames } from './cluster-names.ts';
import type { Messages } from '../locale/messages.ts';
import type { ReportLocale, ReportSettings } from '../report-settings.ts';
import { type ReportCurrency, reportCurrency } from './report-currency.ts';

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
  reportPeriod?: PeriodDays | undefined;
  /** Quarterly reviews: how customers moved between segments since the previous review (segment keys). */
  migration?: SegmentMigration | undefined;
}

/** A segment or a cluster, as the report speaks of it. */
export interface ReportGroup {
  key: string;
  name: string;
  kpis: GroupKpis;
  /** Its value ahead (customer-value model); null when the predictions or the value figures are withheld. */
  value: ValueGroup | null;
  /** Clusters of purchase-diversity features only: what its customers buy (cluster-basket.ts). */
  basket?: ClusterBasket;
}

/** Everything the section builders share. */
export interface ReportContext extends ReportInput {
  messages: Messages;
  /** The amounts' currency: the file's, else the configured one, else none (plain numbers). */
  currency: ReportCurrency;
  format: Formatters;
  rfmGroups: ReportGroup[] | null;
  clusterGroups: ReportGroup[] | null;
  /** The view that strategies, budget and key points speak of: RFM segments when known, else clusters. */
  primaryGroups: ReportGroup[];
  /** The period covered, in words. */
  periodText: string;
}

/** The numbers and dates of a report on `analysis` as the report writes them (notices about it too). */
export function formattersFor(analysis: Analysis, settings: ReportSettings): Formatters {
  return reportFormatters(reportCurrency(analysis, settings.currency), settings);
}

function reportFormatters(currency: ReportCurrency, settings: ReportSettings): Formatters {
  return makeFormatters(settings.locale, currency.code, settings.timeZone);
}

/** The context of `input`: its messages, formatters, groups and the period of its data in words. */
export function reportContext(input: ReportInput): ReportContext {
  const { settings, analysis } = input;
  const messages = messagesOf(settings.locale);
  const currency = reportCurrency(analysis, settings.currency);
  const format = reportFormatters(currency, settings);
  const { firstPurchase, lastPurchase } = analysis.period;
  const periodText =
    firstPurchase && lastPurchase
      ? messages.header.period(format.day(firstPurchase), format.day(lastPurchase))
      : messages.header.noPeriod;
  return {
    ...input,
    messages,
    currency,
    format,
    periodText,
    ...reportGroups(analysis, settings),
  };
}

/** The groups of an analysis as a report in `settings`' language names them (the budget's JSON needs no more). */
export function reportGroups(
  analysis: Analysis,
  settings: ReportSettings,
): Pick<ReportContext, 'rfmGroups' | 'clusterGroups' | 'primaryGroups'> {
  return groupsOf(analysis, settings.locale, clusterNames(analysis, settings));
}

/** RFM segments and clusters with at least one customer, named in the report's language (clusters by key). */
function groupsOf(
  analysis: Analysis,
  locale: ReportLocale,
  clusterNamesByKey: ReadonlyMap<string, string>,
): Pick<ReportContext, 'rfmGroups' | 'clusterGroups' | 'primaryGroups'> {
  const segmentValues = shownValues(analysis.value?.segments);
  const clusterValues = shownValues(analysis.value?.clusters);
  const rfmGroups = analysis.rfm
    ? analysis.rfm.segments
        .filter((segment) => segment.customers > 0)
        .map((segment) => ({
          key: segment.key,
          name: segment.name[locale],
          kpis: segment,
          value: segmentValues.get(segment.key) ?? null,
        }))
    : null;
  const clusterGroups =
    analysis.clusters.skipped === null
      ? analysis.clusters.clusters
          .filter((cluster) => cluster.size > 0)
          .map((cluster) => ({
            key: cluster.key,
            name: clusterNamesByKey.get(cluster.key) ?? cluster.name[locale],
            kpis: cluster.kpis,
            // The value groups of clusters are keyed by their English name (the customers file's).
            value: clusterValues.get(cluster.name.en) ?? clusterValues.get(cluster.key) ?? null,
            ...basketEntry(cluster.profile),
          }))
      : null;
  return { rfmGroups, clusterGroups, primaryGroups: rfmGroups ?? clusterGroups ?? [] };
}

/** The cluster's basket as a ReportGroup field: absent without the diversity features. */
function basketEntry(profile: Readonly<Record<string, number>>): Pick<ReportGroup, 'basket'> {
  const basket = clusterBasketOf(profile);
  return basket === undefined ? {} : { basket };
}

/** The value groups by key, those with a predicted value only (none when the value figures are withheld). */
function shownValues(groups: readonly ValueGroup[] | undefined): ReadonlyMap<string, ValueGroup> {
  return new Map(
    (groups ?? []).filter((group) => group.predictedValue !== null).map((group) => [group.key, group]),
  );
}
