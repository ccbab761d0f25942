/** The analysis as the engine returns it and `--json` writes it: the model both pipelines fill and the report reads. */
import type { ClusteringResult, ClusterSummary } from '../clustering/segmentation/clustering-types.ts';
import type { ScoredWithModel } from '../clustering/segmentation/clustering-step.ts';
import type { SegmentationModel } from '../clustering/saved/segmentation-model.ts';
import type { InputCurrency } from '../input/currency-marks.ts';
import type { DateOrder } from '../input/date-parsing.ts';
import type { DecimalMark } from '../input/number-parsing.ts';
import type { DetectedEncoding } from '../input/text-decoding.ts';
import type { BaseKpis, GroupKpis } from '../kpis/index.ts';
import type { PeriodActivity } from '../kpis/period-activity.ts';
import type { RfmSegmentKey } from '../rfm/rfm-segments.ts';
import type { Trends } from '../trends/compute-trends.ts';
import type { PriorityKey } from '../value/value-priority.ts';
import type { ValueAnalysis } from '../value/value-result.ts';
import type { CustomerTableRejection, RejectionReason } from './rejection-reasons.ts';

/** The two input shapes: one line per order (line), or one row per customer with numeric features. */
export const INPUT_SHAPES = ['transactions', 'customers'] as const;
export type InputShape = (typeof INPUT_SHAPES)[number];

/** The whole analysis, as written by `--json` and read by the report. Money in the file's currency. */
export interface Analysis {
  schemaVersion: 1;
  generatedAt: string;
  /** A customer is active when the last purchase is at most this many days before the as-of day. */
  activeWindowDays: number;
  input: InputSummary;
  period: { firstPurchase: string | null; lastPurchase: string | null };
  kpis: BaseKpis;
  rfm: RfmSummary | null;
  clusters: ClustersSummary;
  /**
   * Customer value ahead (BG/NBD, Gamma-Gamma, CLV, P(high value)) with its backtest; null for a customer table
   * (the models need a transaction log) or when turned off; absent in analyses archived before it existed.
   */
  value?: ValueAnalysis | null;
  /**
   * A scheduled report's own period (orders, revenue, new and returning customers) and the periods it is compared
   * with; only when the analysis was asked for it (`activity`) on a transaction log.
   */
  activity?: PeriodActivity;
  /**
   * The file's own history period by period (trends/compute-trends.ts): the base's series, the RFM segments'
   * with membership at each period's end, the acquisition cohorts; null for a customer table (no dates) or a log
   * without an order before the as-of day; absent in analyses archived before it existed.
   */
  trends?: Trends | null;
  notes: string[];
}

export interface InputSummary {
  source: string;
  shape: InputShape;
  encoding: DetectedEncoding;
  delimiter: string;
  decimalMark: DecimalMark;
  dateOrder: DateOrder | null;
  /** The amounts' currency as the file names it; absent in analyses archived before it was read. */
  currency?: InputCurrency;
  /** Which header column plays which role (transactions) or which columns were clustered (customers). */
  columns: Record<string, string>;
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: Partial<Record<RejectionReason | CustomerTableRejection, number>>;
  firstRejectedLine: Partial<Record<RejectionReason | CustomerTableRejection, number>>;
  /** Characters that could not be decoded and were replaced (U+FFFD). */
  undecodableCharacters: number;
  /**
   * Transaction logs, when asked (`fingerprint`): a fingerprint of the distinct orders that the file's layout
   * does not change (transactions/orders-fingerprint.ts).
   */
  contentFingerprint?: string;
  /**
   * Which SQL engine aggregated the lines before the analysis (aggregate/analyze-aggregate.ts): absent when the
   * engine read the file itself, line by line.
   */
  aggregatedBy?: SqlEngine;
}

/** The SQL engines that can aggregate a log for the analysis: Athena on AWS, DuckDB locally. */
export const SQL_ENGINES = ['athena', 'duckdb'] as const;
export type SqlEngine = (typeof SQL_ENGINES)[number];

export interface RfmSummary {
  asOf: string;
  method: string;
  /**
   * Set when the scores come from a saved segmentation's score ranges (issue 18) rather than this file's quintiles:
   * that segmentation's as-of day.
   */
  savedRangesOf?: string;
  segments: SegmentSummary[];
}

export interface SegmentSummary extends GroupKpis {
  key: RfmSegmentKey;
  name: { en: string; fr: string };
}

export interface ClustersSummary {
  /** Set when clustering did not run, with the reason. */
  skipped: string | null;
  k: number;
  method: string;
  selection: ClusteringResult['selection'] | null;
  features: ClusteringResult['features'];
  clusters: (ClusterSummary & { kpis: GroupKpis })[];
  /** Customers whose margin to a second cluster is under the threshold: set aside as ambiguous. */
  ambiguousCustomers: number;
  ambiguousMargin: number;
  /**
   * When the clusters are a saved segmentation's rather than a fit (issue 18): the model's file and as-of day,
   * and per feature how many customers had no value for it (taken at the model's mean).
   */
  scoredWith?: ScoredWithModel;
}

/** One row of the per-customer file that marketing acts on. */
export interface CustomerRow {
  id: string;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
  segment: RfmSegmentKey | null;
  cluster: string | null;
  clusterMargin: number | null;
  /** Customer tables: the clustered feature values, by column name. */
  features?: Record<string, number>;
  /** Transaction logs: the value predictions; null when withheld or not scored. */
  probabilityAlive?: number | null;
  expectedPurchases?: number | null;
  expectedOrderValue?: number | null;
  clv?: number | null;
  probabilityHighValue?: number | null;
  /** Transaction logs: segment × predicted value (value/value-priority.ts); null without predictions. */
  priority?: PriorityKey | null;
}

export interface AnalysisResult {
  analysis: Analysis;
  /**
   * One row per customer, in customer-id order. Read-only: for transaction logs it is a view over columns
   * (export/customer-columns.ts) that builds each row when it is read, so iterate it once.
   */
  customers: readonly CustomerRow[];
  /**
   * The saved segmentation (issue 18): the clusters this analysis fitted, or the model it scored with; null when
   * clustering was skipped. Written beside the analysis (`--model`, the archive's model.json), not in it.
   */
  model: SegmentationModel | null;
}

/** What each input shape's analysis returns; the entry point adds what it knows of the file itself. */
export interface ShapeAnalysis {
  input: Pick<
    InputSummary,
    | 'decimalMark'
    | 'dateOrder'
    | 'currency'
    | 'columns'
    | 'rowsRead'
    | 'rowsUsed'
    | 'rowsRejected'
    | 'firstRejectedLine'
    | 'contentFingerprint'
  >;
  body: Omit<Analysis, 'schemaVersion' | 'generatedAt' | 'activeWindowDays' | 'input'>;
  customers: readonly CustomerRow[];
  model: SegmentationModel | null;
}
