/** The options of an analysis and their defaults, merged once (resolveAnalyzeOptions). */
import type { InputShape } from './analysis-types.ts';
import { DEFAULT_CLUSTERING_OPTIONS } from '../clustering/segmentation/clustering-options.ts';
import { type InputOptions, type ParsedInputOptions, parseInputOptions } from '../input/input-options.ts';
import type { ActivityWindows } from '../kpis/period-activity.ts';
import type { CustomerValueOptions } from '../value/customer-value.ts';
import type { WarningThresholds } from '../trends/warnings/warning-rules.ts';
import type { StageTimer } from './analysis-stages.ts';
import type { RecordSplitting } from '../input/record-splitters.ts';
import type { SegmentationModel } from '../clustering/saved/segmentation-model.ts';

/**
 * How to analyse a file. Everything but the source name and the moment has a default (ANALYZE_DEFAULTS). How to
 * read it when its contents cannot tell (`dateFormat`, `map`, `shape`, `decimalMark`) is InputOptions, the schema
 * the CLI and the job's configuration validate with.
 */
export interface AnalyzeOptions extends InputOptions {
  /** Names the input in messages and in the analysis: a path or `s3://bucket/key`. */
  sourceName: string;
  /** The moment of the analysis (injected: the same input and `now` give the same result). */
  now: Date;
  /** Seed of K-means: the same seed gives the same clusters. */
  seed?: number | undefined;
  /** Fixed number of clusters; chosen by silhouette in 2..8 when absent. */
  k?: number | undefined;
  /** As-of day (YYYY-MM-DD); default the day after the last transaction. */
  asOf?: string | undefined;
  /** Customer tables: the columns to cluster on (default: every informative numeric column). */
  features?: readonly string[] | undefined;
  /**
   * Customer tables: the clustered features a prospect has, for the saved prospect model (default: those
   * customer-table/descriptive-features.ts keeps).
   */
  prospectFeatures?: readonly string[] | undefined;
  /** A customer is active when its last purchase is at most this many days before the as-of day. */
  activeWindowDays?: number | undefined;
  /** A customer whose margin to a second cluster is below this is set aside as ambiguous. */
  ambiguousMargin?: number | undefined;
  /** Customer value settings (defaults CUSTOMER_VALUE_DEFAULTS); false turns the value models off. */
  value?: CustomerValueOptions | false | undefined;
  /** A scheduled report's period and its comparisons: their orders are counted (Analysis.activity). */
  activity?: ActivityWindows | undefined;
  /** The thresholds of the trends' early warnings (WARNING_DEFAULTS when absent). */
  trendWarnings?: WarningThresholds | undefined;
  /**
   * Transaction logs: fingerprint the distinct orders (Analysis.input.contentFingerprint) for the hold's
   * duplicate check; off by default (it hashes every customer id).
   */
  fingerprint?: boolean | undefined;
  /** Called after each chunk with the number of lines read so far. */
  onProgress?: ((linesRead: number) => void) | undefined;
  /**
   * Transaction logs: read the product and category columns (found by name or mapped) into each customer's
   * purchase diversity (transactions/product-spend.ts), which K-means then clusters on beside R, F and M
   * (transactions/customer-features.ts). On by default; a log without a product column is clustered on R, F and M
   * either way. Off: the columns are neither read nor listed, and the clusters are those of R, F and M alone.
   */
  purchaseDiversity?: boolean | undefined;
  /**
   * How lines become records: `fast` (default) or `general` (input/record-splitters.ts). The outputs are the same;
   * `general` is there for the test that shows it.
   */
  recordSplitting?: RecordSplitting | undefined;
  /**
   * A saved segmentation (issue 18) to put the customers into instead of fitting K-means: its clusters, and its
   * RFM score ranges instead of the file's own quintiles (a scheduled run between refits, the `score` command).
   */
  segmentation?: SegmentationModel | undefined;
  /** Runs each stage of a transaction log's analysis (analysis-stages.ts): the benchmark times them with it. */
  timeStage?: StageTimer | undefined;
}

/**
 * Defaults, merged once: seed 42, shape detected, 90-day activity window, margin 0.1, fast record splitting,
 * purchase diversity on.
 */
export const ANALYZE_DEFAULTS = {
  seed: 42,
  shape: 'auto',
  recordSplitting: 'fast',
  activeWindowDays: 90,
  ambiguousMargin: DEFAULT_CLUSTERING_OPTIONS.ambiguousMargin,
  purchaseDiversity: true,
} as const satisfies Partial<AnalyzeOptions>;

type WithDefaults = Omit<AnalyzeOptions, keyof typeof ANALYZE_DEFAULTS> & {
  seed: number;
  shape: 'auto' | InputShape;
  recordSplitting: RecordSplitting;
  activeWindowDays: number;
  ambiguousMargin: number;
  purchaseDiversity: boolean;
};

/** Options with every default applied, the day/month order and the column roles parsed. */
export type ResolvedAnalyzeOptions = Omit<WithDefaults, 'dateFormat' | 'map'> & ParsedInputOptions;

/** Applies the defaults once (explicit undefined values keep the default) and checks the input options. */
export function resolveAnalyzeOptions(options: AnalyzeOptions): ResolvedAnalyzeOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const { dateFormat, map, ...rest } = { ...ANALYZE_DEFAULTS, ...defined } as WithDefaults;
  return {
    ...rest,
    ...parseInputOptions({ dateFormat, map, shape: rest.shape, decimalMark: rest.decimalMark }),
  };
}
